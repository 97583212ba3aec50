"""Recurring series: an RFC 5545 rule (e.g. FREQ=MONTHLY;BYDAY=1TU;COUNT=6) turns one event
into a series of occurrences, each a draft copy with its own page and registrations.

Occurrences keep the first event's UK wall-clock time across the clock changes: the rule is
expanded in naive Europe/London time and each date made aware afterwards. Each occurrence is
its own event (own places, own changes), so feeds list them one by one rather than as an
RRULE, which would make calendars show them twice."""

import datetime

from dateutil.rrule import rrulestr
from django.db import transaction
from django.utils import timezone

from events.models import Event
from events.services import changes

MAX_OCCURRENCES = 52


def occurrences(rule: str, first: datetime.datetime) -> list[datetime.datetime]:
    """The starts after `first` the rule gives (ValueError with a plain message if the rule
    cannot be read, is endless or gives too many)."""
    text = rule.strip().removeprefix("RRULE:")
    if "COUNT=" not in text.upper() and "UNTIL=" not in text.upper():
        raise ValueError("Give the rule an end: COUNT=6 or UNTIL=20271231.")
    local = timezone.localtime(first).replace(tzinfo=None)
    try:
        dates = list(rrulestr(text, dtstart=local))
    except (ValueError, TypeError) as problem:
        raise ValueError(f"The rule could not be read ({problem}).") from None
    dates = [d for d in dates if d > local]
    if not dates:
        raise ValueError("The rule gives no dates after this event.")
    if len(dates) > MAX_OCCURRENCES:
        raise ValueError(f"The rule gives {len(dates)} dates; at most {MAX_OCCURRENCES}.")
    return [timezone.make_aware(d) for d in dates]


def make_series(actor, event: Event, rule: str) -> list[Event]:
    """Copies of `event` at each further date of the rule, as drafts in its series."""
    if event.series_id:
        raise ValueError("This event is already an occurrence of a series: repeat the first one.")
    starts = occurrences(rule, event.starts_at)
    with transaction.atomic():
        made = []
        for start in starts:
            copy = changes.duplicate(actor, event, start)
            copy.series = event
            copy.save(update_fields=["series"])
            made.append(copy)
        event.recurrence = rule.strip().removeprefix("RRULE:")
        event.save(update_fields=["recurrence"])
    return made
