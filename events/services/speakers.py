"""An event's speakers, in the order they were added; each change is audited."""

from django.db import transaction
from django.db.models import Max

from core import audit
from events.models import Event, Speaker


def add(actor, event: Event, form) -> Speaker:
    with transaction.atomic():
        speaker = form.save(commit=False)
        speaker.event = event
        last = event.speakers.aggregate(last=Max("position"))["last"]
        speaker.position = 0 if last is None else last + 1
        speaker.save()
        audit.record_change(actor, speaker, {})
    return speaker


def remove(actor, event: Event, pk) -> bool:
    """False (nothing changed) unless `pk` is one of this event's speakers."""
    speaker = event.speakers.filter(pk=pk).first() if str(pk).isdigit() else None
    if speaker is None:
        return False
    with transaction.atomic():
        audit.record_change(actor, speaker, audit.snapshot(speaker), {})
        speaker.delete()
    return True
