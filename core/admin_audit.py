"""Every change made in Django admin goes through the audit log (core.audit), like the site's.

`AuditedAdminMixin` is mixed into every ModelAdmin by the project's admin site
(core.admin_site), so an app's admin class needs nothing of its own: saving a record (with its
many-to-many fields), its inline rows, list-editable rows, deleting one or many, and the
password form each leave an entry with who, when and the values before and after. Secrets
(password hashes, token hashes) are never copied into the log.
"""

from core.audit import record_change, snapshot
from core.models import AuditEntry

SECRET_FIELDS = frozenset({"password", "key_hash"})


def audit_values(obj) -> dict:
    values = snapshot(obj)
    for name in SECRET_FIELDS & values.keys():
        values[name] = "[hidden]"
    return values


def stored_values(obj) -> dict:
    """The record as it is in the database now, before the form's values are saved."""
    if obj is None or obj.pk is None:
        return {}
    stored = type(obj)._default_manager.filter(pk=obj.pk).first()
    return audit_values(stored) if stored is not None else {}


def record_deletion(actor, obj, pk, before: dict) -> None:
    """Deleting clears the instance's primary key; the entry needs it to name the record."""
    cleared = obj.pk
    obj.pk = pk
    try:
        record_change(actor, obj, before, {})
    finally:
        obj.pk = cleared


class AuditedAdminMixin:
    def _audited(self, request) -> dict:
        # Records this request has logged already, and their values before the change.
        return request.__dict__.setdefault("_admin_audit", {"before": {}, "logged": set()})

    def save_model(self, request, obj, form, change):
        self._audited(request)["before"][id(obj)] = stored_values(obj) if change else {}
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        # Many-to-many fields and inlines are saved here, after save_model.
        super().save_related(request, form, formsets, change)
        obj = form.instance
        audited = self._audited(request)
        record_change(request.user, obj, audited["before"].pop(id(obj), {}), audit_values(obj))
        audited["logged"].add((type(obj), obj.pk))

    def save_formset(self, request, form, formset, change):
        before = {id(f.instance): stored_values(f.instance) for f in formset.initial_forms}
        pks = {id(f.instance): f.instance.pk for f in formset.initial_forms}
        super().save_formset(request, form, formset, change)
        for obj in formset.new_objects:
            record_change(request.user, obj, {}, audit_values(obj))
        for obj, _fields in formset.changed_objects:
            record_change(request.user, obj, before.get(id(obj), {}), audit_values(obj))
        for obj in formset.deleted_objects:
            record_deletion(request.user, obj, pks.get(id(obj)), before.get(id(obj), {}))

    def delete_model(self, request, obj):
        pk, before = obj.pk, audit_values(obj)
        super().delete_model(request, obj)
        record_deletion(request.user, obj, pk, before)

    def delete_queryset(self, request, queryset):
        doomed = [(obj, obj.pk, audit_values(obj)) for obj in queryset]
        super().delete_queryset(request, queryset)
        for obj, pk, before in doomed:
            record_deletion(request.user, obj, pk, before)

    def log_change(self, request, obj, message):
        """Admin views that save without save_model (the password form) still leave an entry,
        saying what the admin's own history says."""
        entry = super().log_change(request, obj, message)
        if (type(obj), obj.pk) not in self._audited(request)["logged"]:
            record_admin_message(request.user, obj, entry.get_change_message())
        return entry


def record_admin_message(actor, obj, message: str):
    from django.contrib.contenttypes.models import ContentType

    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        actor_label=str(actor),
        action=AuditEntry.Action.UPDATE,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        changes={"changed in admin": [None, message]},
    )
