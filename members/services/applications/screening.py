"""The public application form's guards: a honeypot field people never see, and a signed
timestamp that shows how long the form was open. (The rate limit per client is the view's.)"""

import datetime
import enum
import logging

from django.core import signing
from django.utils import timezone

logger = logging.getLogger(__name__)

# The public form: how quickly a person could possibly fill it in, and how long it stays open.
FORM_SALT = "members.application-form"
MIN_FILL_SECONDS = 3
MAX_FORM_AGE_SECONDS = 24 * 60 * 60


class FormCheck(enum.Enum):
    OK = "ok"
    TOO_FAST = "too fast"
    EXPIRED = "expired"
    INVALID = "missing or altered"
    HONEYPOT = "honeypot filled"


def make_form_token(issued_at: datetime.datetime | None = None) -> str:
    """A signed record of when the form was shown. Tests pass a time in the past."""
    issued_at = issued_at or timezone.now()
    return signing.dumps({"issued": issued_at.timestamp()}, salt=FORM_SALT)


def check_form_token(token: str, now: datetime.datetime | None = None) -> FormCheck:
    try:
        payload = signing.loads(token or "", salt=FORM_SALT)
        issued = float(payload["issued"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return FormCheck.INVALID
    age = (now or timezone.now()).timestamp() - issued
    if age < MIN_FILL_SECONDS:
        return FormCheck.TOO_FAST
    if age > MAX_FORM_AGE_SECONDS:
        return FormCheck.EXPIRED
    return FormCheck.OK


def screen_submission(honeypot: str, token: str) -> FormCheck:
    """Decide whether a submission looks like it came from a person filling in the form."""
    result = FormCheck.HONEYPOT if (honeypot or "").strip() else check_form_token(token)
    if result is not FormCheck.OK:
        logger.info("Membership application refused by spam checks: %s", result.value)
    return result
