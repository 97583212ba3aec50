"""Setting a programme up on staff's own pages: saving programmes, criteria, cohorts,
modules, mentors and partners' offers from their forms, each change audited, and the slugs
a programme's and a cohort's public addresses need. Sessions are saved by delivery.py, as
each is an event too. Which records a staff member may touch is reach.py's question, asked
by the views before they get here."""

from django.db import transaction

from core import audit
from core.lib.slugs import unique_slug
from programmes.models import Cohort, Programme

# A programme's slug is the first word of its public address (/programmes/<slug>/), so it
# must not hide the app's own pages.
RESERVED_SLUGS = {
    "applied", "place", "follow-up", "judging", "mentoring", "payments", "young-advocates",
    "safeguarding", "staff",
}  # fmt: skip


@transaction.atomic
def save(actor, form, **fields):
    """Save a set-up form (with `fields` it does not ask for, such as the cohort a module is
    in), giving a new programme or cohort its slug, and audit the change."""
    record = form.instance
    before = audit.snapshot(type(record).objects.get(pk=record.pk)) if record.pk else {}
    for name, value in fields.items():
        setattr(record, name, value)
    if isinstance(record, Programme) and not record.slug:
        record.slug = unique_slug(
            Programme, record.name, fallback="programme", reserved=RESERVED_SLUGS
        )
    if isinstance(record, Cohort) and not record.slug:
        record.slug = unique_slug(
            Cohort.objects.filter(programme=record.programme), record.name, fallback="cohort"
        )
    saved = form.save()
    audit.record_change(actor, saved, before)
    return saved
