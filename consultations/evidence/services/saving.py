"""Saving what staff enter on the evidence pages: a form's record with its parent set, audited,
and a new item's place after its siblings."""

from django.db import transaction
from django.db.models import Max, QuerySet

from core import audit


def save_form(actor, form, **fields):
    """Save a ModelForm with `fields` set on its record first (its parent, say), and its
    many-to-many choices, in one transaction, audited."""
    before = audit.snapshot(form.instance) if form.instance.pk else {}
    with transaction.atomic():
        record = form.save(commit=False)
        for name, value in fields.items():
            setattr(record, name, value)
        record.save()
        form.save_m2m()
        audit.record_change(actor, record, before)
    return record


def next_position(siblings: QuerySet) -> int:
    """The position after the last of `siblings` (0 for the first)."""
    last = siblings.aggregate(last=Max("position"))["last"]
    return 0 if last is None else last + 1
