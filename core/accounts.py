"""What a signed-in person can do to their own account: change their email address (after
confirming the new one) and sign out everywhere else. Views call these; nothing here reads a
request."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core import signing
from django.dispatch import Signal
from django.utils import timezone

from core.audit import record_change, snapshot
from core.email import TRANSACTIONAL, queue_email

EMAIL_CHANGE_SALT = "core.account.email-change"
EMAIL_CHANGE_MAX_AGE = 60 * 60 * 24 * 3  # three days: long enough for a weekend

# Sent with user, old_email and new_email once a change is confirmed, so apps that keep the
# address elsewhere (a member contact's Person record) follow it without core importing them.
email_changed = Signal()


class EmailChangeError(Exception):
    """The change cannot be made; the message says why, in words for the person."""


def email_in_use(email: str, except_user=None) -> bool:
    users = get_user_model().objects.filter(email__iexact=email)
    if except_user is not None:
        users = users.exclude(pk=except_user.pk)
    return users.exists()


def email_change_token(user, new_email: str) -> str:
    """Signed, and tied to the current address, so a token is spent once the change is made."""
    return signing.dumps(
        {"user": user.pk, "from": user.email, "to": new_email.lower()}, salt=EMAIL_CHANGE_SALT
    )


def request_email_change(user, new_email: str, confirm_url_for) -> None:
    """Email a confirmation link to the new address (`confirm_url_for(token)` makes it
    absolute), and tell the old address that a change was asked for."""
    new_email = new_email.lower()
    token = email_change_token(user, new_email)
    queue_email(
        [new_email],
        f"Confirm your new email address for {settings.SITE_NAME}",
        "core/account/email/confirm_email.txt",
        {
            "user": user,
            "confirm_url": confirm_url_for(token),
            "days": EMAIL_CHANGE_MAX_AGE // 86400,
        },
        mail_class=TRANSACTIONAL,
    )
    queue_email(
        [user.email],
        f"A change of email address was asked for on {settings.SITE_NAME}",
        "core/account/email/email_change_requested.txt",
        {"user": user, "new_email": new_email},
        mail_class=TRANSACTIONAL,
    )


def confirm_email_change(token: str):
    """Make the change the token asks for; the user changed. Raises EmailChangeError."""
    try:
        data = signing.loads(token, salt=EMAIL_CHANGE_SALT, max_age=EMAIL_CHANGE_MAX_AGE)
    except signing.SignatureExpired:
        raise EmailChangeError("This link has expired. Ask for the change again.") from None
    except signing.BadSignature:
        raise EmailChangeError("This link is not valid. Ask for the change again.") from None
    user = get_user_model().objects.filter(pk=data.get("user")).first()
    if user is None or user.email != data.get("from"):
        raise EmailChangeError("This link has already been used or is out of date.")
    if email_in_use(data["to"], except_user=user):
        raise EmailChangeError(f"{data['to']} is now used by another account.")
    before = snapshot(user)
    user.email = data["to"]
    user.save(update_fields=["email"])
    record_change(user, user, before)
    email_changed.send(sender=type(user), user=user, old_email=data["from"], new_email=data["to"])
    return user


def sign_out_elsewhere(user, keep_session_key: str | None) -> int:
    """End every other session of this person (a lost phone, a shared computer); the number
    ended. Reads each unexpired session, which is fine at an alliance's scale."""
    ended = 0
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.session_key == keep_session_key:
            continue
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk):
            session.delete()
            ended += 1
    return ended
