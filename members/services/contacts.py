"""Who is a contact of which organisation, managed by staff without Django admin: invite a
contact (an account with a set-password link that expires), send the link again, remove.
Every change is in the audit log."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from core.audit import record_change, snapshot
from core.email import TRANSACTIONAL, queue_email
from core.roles import Role
from members.models import Affiliation, Organisation, Person


class ContactError(Exception):
    """The change cannot be made; the message says why, for the person asking."""


@dataclass(frozen=True)
class Invitation:
    affiliation: Affiliation
    created_account: bool


def contacts_of(organisation: Organisation):
    return (
        Affiliation.objects.filter(organisation=organisation)
        .select_related("person__user")
        .order_by("-is_main_contact", "person__name")
    )


def set_password_path(user) -> tuple[str, str]:
    """(uidb64, token) for Django's password page: the token expires after
    PASSWORD_RESET_TIMEOUT and is spent once a password is set."""
    return urlsafe_base64_encode(force_bytes(user.pk)), default_token_generator.make_token(user)


@transaction.atomic
def invite_contact(
    actor, organisation: Organisation, name: str, email: str, job_title: str, link_for
) -> Invitation:
    """Make `email` a contact of `organisation` with a member-contact account, and email
    them a link to choose a password (`link_for(uidb64, token)` makes it absolute)."""
    email = email.strip().lower()
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first()
    if user is not None and user.role != Role.MEMBER:
        raise ContactError(
            f"{email} signs in as {user.get_role_display().lower()}; a member contact needs "
            "an address of their own."
        )
    created_account = user is None
    if created_account:
        user = User.objects.create_user(email=email, name=name, role=Role.MEMBER)
        user.set_unusable_password()
        user.save(update_fields=["password"])  # not logged: a snapshot would hold the hash
    person = (
        Person.objects.filter(email__iexact=email).first()
        or Person.objects.filter(user=user).first()
    )
    if person is None:
        person = Person.objects.create(name=name, email=email, user=user)
        record_change(actor, person, {})
    elif person.user_id is None:
        before = snapshot(person)
        person.user = user
        person.save(update_fields=["user"])
        record_change(actor, person, before)
    if Affiliation.objects.filter(person=person, organisation=organisation).exists():
        raise ContactError(f"{email} is already a contact of {organisation.name}.")
    affiliation = Affiliation.objects.create(
        person=person, organisation=organisation, job_title=job_title
    )
    record_change(actor, affiliation, {})
    send_invitation(affiliation, link_for)
    return Invitation(affiliation, created_account)


def send_invitation(affiliation: Affiliation, link_for) -> None:
    user = affiliation.person.user
    if user is None:
        raise ContactError("This contact has no account to sign in with.")
    uidb64, token = set_password_path(user)
    queue_email(
        [user.email],
        f"You are invited to {settings.SITE_NAME}",
        "members/email/contact_invitation.txt",
        {
            "person": affiliation.person,
            "organisation": affiliation.organisation,
            "link": link_for(uidb64, token),
            "has_password": user.has_usable_password(),
            "days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
        },
        mail_class=TRANSACTIONAL,
    )


def remove_contact(actor, affiliation: Affiliation) -> None:
    """The person stops being a contact of this organisation; their account stays (they may
    be a contact elsewhere, and their contributions keep their author)."""
    before = snapshot(affiliation)
    record_change(actor, affiliation, before, {})
    affiliation.delete()
