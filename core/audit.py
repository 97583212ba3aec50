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
