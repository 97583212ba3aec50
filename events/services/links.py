"""Signed links in emails: act on a registration without signing in.

Each purpose has its own salt, so a cancel link can never be replayed as a verification link;
the signature covers the registration's id and email, so a forged or edited link fails.
"""

from django.core import signing
from django.urls import reverse

VERIFY, CANCEL, ACCEPT, INVITE, TICKET = "verify", "cancel", "accept", "invite", "ticket"
_SALT = "events.links.{}"
# A visitor has two days to confirm their email address.
VERIFY_MAX_AGE = 2 * 24 * 3600


def make_token(purpose: str, pk: int, email: str) -> str:
    return signing.dumps([pk, email.lower()], salt=_SALT.format(purpose), compress=True)


def read_token(purpose: str, token: str, max_age: int | None = None) -> tuple[int, str] | None:
    """(pk, email) a token was made for, or None when it is forged, edited or too old."""
    try:
        pk, email = signing.loads(token, salt=_SALT.format(purpose), max_age=max_age)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return int(pk), str(email)


def registration_url(purpose: str, registration) -> str:
    token = make_token(purpose, registration.pk, registration.email)
    return reverse(f"events:{purpose}", args=[registration.event.slug, token])


def invitation_url(invitation) -> str:
    token = make_token(INVITE, invitation.pk, invitation.email)
    return reverse("events:register", args=[invitation.event.slug]) + f"?invitation={token}"
