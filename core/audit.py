"""The audit log: record who changed what on tracked records, with before/after values.

Services take a snapshot before they change a record and call `record_change` after, so
the log holds the values a person saw, not a guess reconstructed later.
"""

import datetime
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.fields.files import FieldFile

from core.models import AuditEntry


def _plain(value):
    if isinstance(value, FieldFile):
        return value.name or None
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return str(value)
    return value


def snapshot(obj: models.Model | None) -> dict:
    """The record's field values (many-to-many as sorted labels) in JSON-friendly form."""
    if obj is None or obj.pk is None:
        return {}
    values = {}
    for field in obj._meta.concrete_fields:
        if field.primary_key or field.name in {"created_at", "updated_at"}:
            continue
        if field.is_relation:
            related = getattr(obj, field.name)
            values[field.name] = str(related) if related is not None else None
        else:
            values[field.name] = _plain(field.value_from_object(obj))
    for field in obj._meta.many_to_many:
        values[field.name] = sorted(str(item) for item in getattr(obj, field.name).all())
    return values


def diff(before: dict, after: dict) -> dict:
    keys = before.keys() | after.keys()
    return {
        key: [before.get(key), after.get(key)]
        for key in sorted(keys)
        if before.get(key) != after.get(key)
    }


def record_change(actor, obj: models.Model, before: dict, after: dict | None = None):
    """Log a create, update or delete. An update that changed nothing is not logged."""
    if after is None:
        after = snapshot(obj)
    if not before:
        action = AuditEntry.Action.CREATE
    elif not after:
        action = AuditEntry.Action.DELETE
    else:
        action = AuditEntry.Action.UPDATE
    changes = diff(before, after)
    if not changes:
        return None
    user = actor if getattr(actor, "is_authenticated", False) else None
    return AuditEntry.objects.create(
        actor=user,
        actor_label=str(actor) if actor is not None else "system",
        action=action,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        changes=changes,
    )


def history_for(obj: models.Model):
    """Audit entries for one record, newest first."""
    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
    ).select_related("actor")


# What erased values and erased people become in the log: the entry still says who changed
# which field of which record when, but no longer what the value was or who the person is.
ERASED_VALUE = "[erased]"
ERASED_ACTOR = "An erased person"
# Shorter strings would match far too much of the log.
MIN_IDENTIFIER_LENGTH = 4


def _scrub(value, needles: list[str]):
    if isinstance(value, str):
        return ERASED_VALUE if any(n in value.lower() for n in needles) else value
    if isinstance(value, list):
        return [_scrub(item, needles) for item in value]
    if isinstance(value, dict):
        return {key: _scrub(item, needles) for key, item in value.items()}
    return value


def _erase_all(value):
    if isinstance(value, list) and len(value) == 2:  # a [before, after] pair
        return [None if item in (None, "") else ERASED_VALUE for item in value]
    return ERASED_VALUE


def forget(user=None, identifiers=()) -> int:
    """De-identify the log for an erased person: entries they made keep what and when but
    say "An erased person", and any value or record name containing one of their
    identifiers (email addresses, names) becomes "[erased]". Returns entries changed; a
    second run changes nothing."""
    needles = sorted(
        {i.strip().lower() for i in identifiers if len(i.strip()) >= MIN_IDENTIFIER_LENGTH}
    )
    query = models.Q(pk__in=[])
    if user is not None:
        query |= models.Q(actor=user) & ~models.Q(actor_label=ERASED_ACTOR)
    for needle in needles:
        query |= (
            models.Q(changes__icontains=needle)
            | models.Q(object_repr__icontains=needle)
            | models.Q(actor_label__icontains=needle)
        )
    changed = 0
    for entry in AuditEntry.objects.filter(query):
        before = (entry.actor_label, entry.object_repr, entry.changes)
        if user is not None and entry.actor_id == user.pk:
            entry.actor_label = ERASED_ACTOR
        entry.actor_label = _scrub(entry.actor_label, needles)
        entry.object_repr = _scrub(entry.object_repr, needles)
        entry.changes = _scrub(entry.changes, needles)
        if (entry.actor_label, entry.object_repr, entry.changes) != before:
            entry.save(update_fields=["actor_label", "object_repr", "changes"])
            changed += 1
    return changed


def forget_records(objects) -> int:
    """Erase the values in every entry about these records (an erased contribution, a
    person's contact record): which fields changed, by whom and when stays. Safe twice."""
    changed = 0
    by_type: dict = {}
    for obj in objects:
        by_type.setdefault(ContentType.objects.get_for_model(obj), []).append(str(obj.pk))
    for content_type, ids in by_type.items():
        entries = AuditEntry.objects.filter(content_type=content_type, object_id__in=ids)
        for entry in entries:
            erased = {key: _erase_all(value) for key, value in entry.changes.items()}
            if erased != entry.changes or entry.object_repr != ERASED_VALUE:
                entry.changes = erased
                entry.object_repr = ERASED_VALUE
                entry.save(update_fields=["changes", "object_repr"])
                changed += 1
    return changed
