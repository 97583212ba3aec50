"""Sensitive answers (access and dietary needs, and any question marked sensitive) are kept
only as long as the event needs them: deleted a set number of days after it ends."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from events.models import Answer, Event

DEFAULT_KEEP_DAYS = 30


def keep_days() -> int:
    return int(getattr(settings, "EVENTS_SENSITIVE_ANSWERS_KEEP_DAYS", DEFAULT_KEEP_DAYS))


def delete_expired_sensitive_answers(now=None, days: int | None = None) -> int:
    """Delete the sensitive answers of events that ended more than `days` ago, and stamp the
    events. Running it again deletes nothing more: safe to schedule daily."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=keep_days() if days is None else days)
    with transaction.atomic():
        deleted, _ = Answer.objects.filter(
            question__sensitive=True, registration__event__ends_at__lt=cutoff
        ).delete()
        Event.objects.filter(ends_at__lt=cutoff, sensitive_answers_deleted_at=None).update(
            sensitive_answers_deleted_at=now
        )
    return deleted
