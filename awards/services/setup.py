"""Staff setting up schemes, cycles and categories (with their criteria), audited."""

from django.db import transaction

from core import audit


@transaction.atomic
def save(actor, form, formset=None):
    """Save a ModelForm (and an inline formset of its children) and log the change."""
    before = audit.snapshot(form.instance) if form.instance.pk else {}
    record = form.save()
    audit.record_change(actor, record, before)
    if formset is not None:
        formset.instance = record
        formset.save()
    return record
