"""How long core keeps sign-in records and sessions."""

import datetime

from django.apps import apps
from django.conf import settings
from django.contrib.sessions.models import Session

from core.registries import retention
from core.registries.retention import RetentionRule

SIGN_IN_KEEP_DAYS = 90


def sign_in_records(now, dry_run: bool) -> int:
    cutoff = now - datetime.timedelta(days=SIGN_IN_KEEP_DAYS)
    changed = 0
    for label in ("axes.AccessAttempt", "axes.AccessLog", "axes.AccessFailureLog"):
        old = apps.get_model(label).objects.filter(attempt_time__lt=cutoff)
        changed += old.count() if dry_run else old.delete()[1].get(label, 0)
    return changed


def expired_sessions(now, dry_run: bool) -> int:
    expired = Session.objects.filter(expire_date__lt=now)
    return expired.count() if dry_run else expired.delete()[0]


retention.register(
    RetentionRule(
        key="core.sign_in_records",
        records="Records of signing in (email address, network address, browser)",
        kept_for=f"{SIGN_IN_KEEP_DAYS} days",
        then="deleted",
        apply=sign_in_records,
    )
)
retention.register(
    RetentionRule(
        key="core.sessions",
        records="Signed-in sessions",
        kept_for=f"until they expire ({settings.SESSION_COOKIE_AGE // 3600} hours) or the "
        "person signs out",
        then="deleted",
        apply=expired_sessions,
    )
)
