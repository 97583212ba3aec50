"""Signed links in emails: unsubscribe, preferences, and sign-up confirmation.

Each purpose has its own salt, so a link made for one can never be used for another. A link
that was tampered with, or is older than its purpose allows, is refused with a reason the page
can explain (`LinkRefused.reason`).
"""

from django.core import signing

UNSUBSCRIBE = "comms.unsubscribe"
PREFERENCES = "comms.preferences"
CONFIRM = "comms.confirm"

# How long a link keeps working. Unsubscribe links stay valid a long time: an old email must
# still let someone leave (RFC 8058 one-click is pressed in old messages too).
MAX_AGE_DAYS = {UNSUBSCRIBE: 400, PREFERENCES: 90, CONFIRM: 7}


class LinkRefused(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason  # "expired" or "invalid"


def make(purpose: str, email: str, list_id: int | None = None) -> str:
    payload = {"e": email.strip().lower()}
    if list_id is not None:
        payload["l"] = list_id
    return signing.dumps(payload, salt=purpose, compress=True)


def read(purpose: str, token: str) -> tuple[str, int | None]:
    """(email, list id or None) from a link, or LinkRefused."""
    try:
        payload = signing.loads(token, salt=purpose, max_age=MAX_AGE_DAYS[purpose] * 86400)
    except signing.SignatureExpired as error:
        raise LinkRefused("expired") from error
    except signing.BadSignature as error:
        raise LinkRefused("invalid") from error
    if not isinstance(payload, dict) or not isinstance(payload.get("e"), str):
        raise LinkRefused("invalid")
    list_id = payload.get("l")
    return payload["e"], list_id if isinstance(list_id, int) else None
