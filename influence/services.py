"""The rules of the recommendation tracker, shared by the public pages, staff pages and API.

Current status is never stored: it is the latest uncorrected entry of each target's
timeline. A correction adds a new entry and points the old one at it (`corrected_by`), so
the old value stays visible and the audit log says who changed what.

Every function that writes takes the acting user first and records the change with
core.audit. Rule breaks raise django.core.exceptions.ValidationError keyed by field name,
which forms show beside the field and the API turns into a 422.
"""

import os
import statistics
from collections import defaultdict

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.fields.files import FieldFile
from django.utils import timezone

from core import audit
from core.lib import slugs
from influence.models import (
    Evidence,
    InfluenceActivity,
    Recommendation,
    Status,
    StatusChange,
    TargetBody,
)

# How far along each status is, for picking the "most advanced" one across targets.
PROGRESS = {
    Status.WITHDRAWN: 0,
    Status.PROPOSED: 1,
    Status.RAISED: 2,
    Status.REJECTED: 3,
    Status.ACKNOWLEDGED: 4,
    Status.CONSIDERING: 5,
    Status.ACCEPTED: 6,
    Status.PARTIAL: 7,
    Status.IMPLEMENTED: 8,
}
# A target has responded once an entry says any of these.
RESPONSE_STATUSES = frozenset(
    {
        Status.ACKNOWLEDGED,
        Status.CONSIDERING,
        Status.ACCEPTED,
        Status.PARTIAL,
        Status.IMPLEMENTED,
        Status.REJECTED,
    }
)
# Statuses after which nothing more is expected of the target.
FINAL_STATUSES = frozenset({Status.IMPLEMENTED, Status.REJECTED, Status.WITHDRAWN})

EVIDENCE_EXTENSIONS = {".pdf", ".docx", ".odt", ".rtf", ".txt", ".html", ".png", ".jpg", ".jpeg"}
MAX_EVIDENCE_BYTES = 20 * 1024 * 1024
MAX_NOTE_LENGTH = 5000

FUTURE_DATE = "A status change cannot be dated in the future."
OUT_OF_ORDER = (
    "Status changes must be in date order: {target} already has an entry dated {date}. "
    "Date this one on or after it, or correct the earlier entry instead."
)
NOT_A_TARGET = "{target} is not one of this recommendation's targets: add it first."
ALREADY_CORRECTED = "This entry has already been corrected; correct the newer entry instead."
MERGED = "This recommendation was merged into another; change that one instead."


def _snapshot(obj) -> dict:
    """core.audit.snapshot, with uploaded files logged by their stored name."""
    values = audit.snapshot(obj)
    for key, value in values.items():
        if isinstance(value, FieldFile):
            values[key] = value.name or ""
    return values


def _record(actor, obj, before: dict, after: dict | None = None):
    return audit.record_change(actor, obj, before, _snapshot(obj) if after is None else after)


def _date_text(value) -> str:
    return f"{value.day} {value:%B %Y}"


# --- Reading -------------------------------------------------------------------------------


def current_changes(queryset: QuerySet | None = None) -> QuerySet:
    """Status changes that are the current status of their recommendation and target: not
    corrected, and with no later uncorrected entry for the same pair."""
    if queryset is None:
        queryset = StatusChange.objects.all()
    later = StatusChange.objects.filter(
        recommendation=OuterRef("recommendation"),
        target=OuterRef("target"),
        corrected_by__isnull=True,
    ).filter(
        Q(happened_on__gt=OuterRef("happened_on"))
        | Q(happened_on=OuterRef("happened_on"), recorded_at__gt=OuterRef("recorded_at"))
        | Q(
            happened_on=OuterRef("happened_on"),
            recorded_at=OuterRef("recorded_at"),
            pk__gt=OuterRef("pk"),
        )
    )
    return queryset.filter(corrected_by__isnull=True).exclude(Exists(later))


def _latest_per_target(changes) -> dict:
    """{target_id: change} from changes ordered oldest first, skipping corrected entries."""
    latest = {}
    for change in changes:
        if change.corrected_by_id is None:
            latest[change.target_id] = change
    return latest


def current_statuses(recommendation: Recommendation) -> dict[TargetBody, StatusChange]:
    """{target: its current StatusChange} for one recommendation, targets in name order."""
    changes = (
        StatusChange.objects.filter(recommendation=recommendation, corrected_by__isnull=True)
        .select_related("target")
        .order_by("happened_on", "recorded_at", "pk")
    )
    latest = _latest_per_target(changes)
    ordered = sorted(latest.values(), key=lambda change: change.target.name)
    return {change.target: change for change in ordered}


def current_status_rows(queryset) -> dict[int, list[StatusChange]]:
    """{recommendation pk: [current StatusChange per target, by target name]} for many
    recommendations in one query (pass a page of them, or a queryset)."""
    pks = [item.pk for item in queryset] if not isinstance(queryset, QuerySet) else None
    changes = StatusChange.objects.filter(corrected_by__isnull=True).select_related("target")
    if pks is not None:
        changes = changes.filter(recommendation_id__in=pks)
    else:
        changes = changes.filter(recommendation__in=queryset.values("pk"))
    grouped: dict[int, list] = defaultdict(list)
    for change in changes.order_by("happened_on", "recorded_at", "pk"):
        grouped[change.recommendation_id].append(change)
    rows = {}
    for pk, entries in grouped.items():
        latest = _latest_per_target(entries)
        rows[pk] = sorted(latest.values(), key=lambda change: change.target.name)
    if pks is not None:
        for pk in pks:
            rows.setdefault(pk, [])
    return rows


def most_advanced(changes) -> StatusChange | None:
    """The entry that has got furthest, of several targets' current entries."""
    if not changes:
        return None
    return max(changes, key=lambda change: (PROGRESS[change.status], change.happened_on))


def timeline(
    recommendation: Recommendation, targets=None, recorders: bool = True
) -> list[tuple[TargetBody, list[StatusChange]]]:
    """[(target, entries oldest first, corrected ones included)] for the recommendation's
    page, targets in name order; targets with no entries yet are listed with none.

    `targets`, the recommendation's targets when the caller has them already, saves a
    query; `recorders=False` leaves out who recorded each entry (the public page does not
    say). Each corrected entry's `corrected_by` is the newer entry from the same list.
    """
    entries = (
        StatusChange.objects.filter(recommendation=recommendation)
        .select_related("target", *(["recorded_by"] if recorders else []))
        .order_by("happened_on", "recorded_at", "pk")
    )
    by_target: dict[int, list] = defaultdict(list)
    by_pk = {}
    found = {}
    for entry in entries:
        by_target[entry.target_id].append(entry)
        by_pk[entry.pk] = entry
        found[entry.target_id] = entry.target
    for entry in by_pk.values():
        if entry.corrected_by_id in by_pk:
            entry.corrected_by = by_pk[entry.corrected_by_id]
    for target in recommendation.targets.all() if targets is None else targets:
        found.setdefault(target.pk, target)
    ordered = sorted(found.values(), key=lambda target: target.name)
    return [(target, by_target.get(target.pk, [])) for target in ordered]


def current_of(entries: list[StatusChange]) -> StatusChange | None:
    """The current entry of one target's timeline (oldest first): the last uncorrected."""
    uncorrected = [entry for entry in entries if entry.corrected_by_id is None]
    return uncorrected[-1] if uncorrected else None


def median_response_days(target: TargetBody) -> float | None:
    """Median days from a recommendation first being raised with the target to the target's
    first response (acknowledged or later), over the recommendations that have both."""
    raised: dict[int, object] = {}
    responded: dict[int, object] = {}
    rows = (
        StatusChange.objects.filter(
            target=target, corrected_by__isnull=True, recommendation__is_published=True
        )
        .order_by("happened_on", "recorded_at", "pk")
        .values_list("recommendation_id", "status", "happened_on")
    )
    for recommendation_id, status, happened_on in rows:
        if status == Status.RAISED:
            raised.setdefault(recommendation_id, happened_on)
        elif status in RESPONSE_STATUSES and recommendation_id in raised:
            responded.setdefault(recommendation_id, happened_on)
    days = [(responded[pk] - raised[pk]).days for pk in responded]
    if not days:
        return None
    return statistics.median(days)


def last_change_dates(pks) -> dict[int, object]:
    """{recommendation pk: date of its latest uncorrected entry} (for "no update in a year")."""
    from django.db.models import Max

    rows = (
        StatusChange.objects.filter(recommendation_id__in=list(pks), corrected_by__isnull=True)
        .values("recommendation_id")
        .annotate(latest=Max("happened_on"))
    )
    return {row["recommendation_id"]: row["latest"] for row in rows}


# --- Validation helpers --------------------------------------------------------------------


def _check_evidence(evidence_url, evidence_file, errors: dict):
    if evidence_url:
        try:
            URLValidator(schemes=["http", "https"])(evidence_url)
        except ValidationError:
            errors.setdefault("evidence_url", []).append("Enter a full web address (https://…).")
        if len(evidence_url) > 200:
            errors.setdefault("evidence_url", []).append("The address is too long.")
    if evidence_file:
        name = getattr(evidence_file, "name", "") or ""
        extension = os.path.splitext(name)[1].lower()
        if extension not in EVIDENCE_EXTENSIONS:
            allowed = ", ".join(sorted(EVIDENCE_EXTENSIONS))
            errors.setdefault("evidence_file", []).append(
                f"Upload a document of one of these kinds: {allowed}."
            )
        size = getattr(evidence_file, "size", 0) or 0
        if size > MAX_EVIDENCE_BYTES:
            errors.setdefault("evidence_file", []).append("The file is larger than 20 MB.")


def _check_entry(recommendation, target, status, happened_on, note, errors: dict):
    if status not in Status.values:
        errors.setdefault("status", []).append("Choose one of the statuses listed.")
    if happened_on is None:
        errors.setdefault("happened_on", []).append("Give the date this happened.")
    elif happened_on > timezone.localdate():
        errors.setdefault("happened_on", []).append(FUTURE_DATE)
    if note and len(note) > MAX_NOTE_LENGTH:
        errors.setdefault("note", []).append(f"Keep the note under {MAX_NOTE_LENGTH} characters.")
    if target is None or not recommendation.targets.filter(pk=target.pk).exists():
        errors.setdefault("target", []).append(NOT_A_TARGET.format(target=target or "That body"))
    if recommendation.merged_into_id:
        errors.setdefault("__all__", []).append(MERGED)


def _latest_entry(recommendation, target, exclude_pk=None):
    entries = StatusChange.objects.filter(
        recommendation=recommendation, target=target, corrected_by__isnull=True
    )
    if exclude_pk is not None:
        entries = entries.exclude(pk=exclude_pk)
    return entries.order_by("-happened_on", "-recorded_at", "-pk").first()


def _lock(recommendation):
    """Serialise writes to one recommendation's timeline (no-op on SQLite, which locks the
    whole database for a write anyway)."""
    Recommendation.objects.select_for_update().filter(pk=recommendation.pk).first()


# --- Writing -------------------------------------------------------------------------------


def record_status_change(
    actor,
    recommendation: Recommendation,
    target: TargetBody,
    status: str,
    happened_on,
    note: str = "",
    evidence_url: str | None = None,
    evidence_file=None,
) -> StatusChange:
    """Add a dated entry to the recommendation's timeline with one target.

    Refuses a date in the future, a date before the latest current entry for that target,
    and a body that is not one of the recommendation's targets."""
    note = (note or "").strip()
    evidence_url = (evidence_url or "").strip()
    errors: dict[str, list[str]] = {}
    _check_entry(recommendation, target, status, happened_on, note, errors)
    _check_evidence(evidence_url, evidence_file, errors)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        _lock(recommendation)
        latest = _latest_entry(recommendation, target)
        if latest is not None and happened_on < latest.happened_on:
            raise ValidationError(
                {
                    "happened_on": [
                        OUT_OF_ORDER.format(target=target, date=_date_text(latest.happened_on))
                    ]
                }
            )
        change = StatusChange(
            recommendation=recommendation,
            target=target,
            status=status,
            happened_on=happened_on,
            note=note,
            evidence_url=evidence_url,
            recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        if evidence_file:
            change.evidence_file.save(os.path.basename(evidence_file.name), evidence_file, False)
        change.save()
        _record(actor, change, {})
        Recommendation.objects.filter(pk=recommendation.pk).update(updated_at=timezone.now())
    return change


CORRECTABLE = {"target", "status", "happened_on", "note", "evidence_url", "evidence_file"}


def correct_status_change(actor, change: StatusChange, **new_values) -> StatusChange:
    """Replace an entry with a corrected copy; the old one is kept, pointing at the new.

    A corrected date must still be on or after the entry before it and on or before the
    entry after it in that target's timeline, and not in the future."""
    unknown = set(new_values) - CORRECTABLE
    if unknown:
        raise ValueError(f"Cannot correct {', '.join(sorted(unknown))}.")
    recommendation = change.recommendation
    values = {
        "target": change.target,
        "status": change.status,
        "happened_on": change.happened_on,
        "note": change.note,
        "evidence_url": change.evidence_url,
    }
    values.update({key: value for key, value in new_values.items() if key != "evidence_file"})
    values["note"] = (values["note"] or "").strip()
    values["evidence_url"] = (values["evidence_url"] or "").strip()
    new_file = new_values.get("evidence_file")
    errors: dict[str, list[str]] = {}
    _check_entry(
        recommendation,
        values["target"],
        values["status"],
        values["happened_on"],
        values["note"],
        errors,
    )
    _check_evidence(values["evidence_url"], new_file, errors)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        _lock(recommendation)
        change = StatusChange.objects.select_for_update().get(pk=change.pk)
        if change.corrected_by_id is not None:
            raise ValidationError({"__all__": [ALREADY_CORRECTED]})
        _check_corrected_order(change, values)
        before = _snapshot(change)
        replacement = StatusChange(
            recommendation=recommendation,
            recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
            **values,
        )
        if new_file:
            replacement.evidence_file.save(os.path.basename(new_file.name), new_file, False)
        elif change.evidence_file:
            replacement.evidence_file = change.evidence_file.name
        replacement.save()
        _record(actor, replacement, {})
        change.corrected_by = replacement
        change.save(update_fields=["corrected_by"])
        _record(actor, change, before)
    return replacement


def _check_corrected_order(change: StatusChange, values: dict):
    target, happened_on = values["target"], values["happened_on"]
    others = StatusChange.objects.filter(
        recommendation=change.recommendation, target=target, corrected_by__isnull=True
    ).exclude(pk=change.pk)
    if target.pk != change.target_id:
        latest = others.order_by("-happened_on").first()
        if latest is not None and happened_on < latest.happened_on:
            raise ValidationError(
                {
                    "happened_on": [
                        OUT_OF_ORDER.format(target=target, date=_date_text(latest.happened_on))
                    ]
                }
            )
        return
    position = (change.happened_on, change.recorded_at, change.pk)
    before = [o for o in others if (o.happened_on, o.recorded_at, o.pk) < position]
    after = [o for o in others if (o.happened_on, o.recorded_at, o.pk) > position]
    if before and happened_on < max(o.happened_on for o in before):
        previous = max(o.happened_on for o in before)
        raise ValidationError(
            {"happened_on": [f"The entry before this one is dated {_date_text(previous)}."]}
        )
    if after and happened_on > min(o.happened_on for o in after):
        following = min(o.happened_on for o in after)
        raise ValidationError(
            {"happened_on": [f"The entry after this one is dated {_date_text(following)}."]}
        )


def unique_slug(title: str, exclude_pk=None) -> str:
    return slugs.unique_slug(
        Recommendation, title, fallback="recommendation", exclude_pk=exclude_pk
    )


def save_recommendation(actor, form) -> Recommendation:
    """Save a ModelForm of a Recommendation (new or changed), giving it a slug, audited.

    Saving never publishes: a published recommendation that loses its last target or
    source is unpublished, so the rule for publishing always holds."""
    instance = form.instance
    before = _snapshot(Recommendation.objects.get(pk=instance.pk)) if instance.pk else {}
    with transaction.atomic():
        recommendation = form.save(commit=False)
        if not recommendation.slug:
            recommendation.slug = unique_slug(recommendation.title, recommendation.pk)
        recommendation.save()
        form.save_m2m()
        if recommendation.is_published and publish_problems(recommendation):
            recommendation.is_published = False
            recommendation.save(update_fields=["is_published"])
        _record(actor, recommendation, before)
    return recommendation


def create_recommendation(
    actor,
    *,
    title,
    text,
    rationale="",
    first_made_on=None,
    targets=(),
    networks=(),
    sources=(),
    parts=(),
    themes=(),
    populations=(),
    places=(),
    repeats=None,
    slug=None,
) -> Recommendation:
    """Create an unpublished recommendation from plain values (the API and demo data)."""
    with transaction.atomic():
        recommendation = Recommendation(
            title=title,
            slug=slug or unique_slug(title),
            text=text,
            rationale=rationale,
            first_made_on=first_made_on or timezone.localdate(),
        )
        recommendation.full_clean(exclude=["repeats", "merged_into"])
        recommendation.save()
        for name, values in {
            "targets": targets,
            "networks": networks,
            "sources": sources,
            "parts": parts,
            "themes": themes,
            "populations": populations,
            "places": places,
        }.items():
            if values:
                getattr(recommendation, name).set(values)
        _record(actor, recommendation, {})
        if repeats is not None:
            link_repeat(actor, recommendation, repeats)
    return recommendation


def publish_problems(recommendation: Recommendation) -> list[str]:
    problems = []
    if recommendation.merged_into_id:
        problems.append(MERGED)
    if not recommendation.targets.exists():
        problems.append("Add at least one target body before publishing.")
    if not recommendation.sources.exists():
        problems.append("Add at least one source document before publishing.")
    return problems


def publish(actor, recommendation: Recommendation) -> Recommendation:
    """Make a recommendation public; refused without a target and a source document."""
    problems = publish_problems(recommendation)
    if problems:
        raise ValidationError({"__all__": problems})
    if not recommendation.is_published:
        before = _snapshot(recommendation)
        recommendation.is_published = True
        recommendation.save(update_fields=["is_published", "updated_at"])
        _record(actor, recommendation, before)
    return recommendation


def unpublish(actor, recommendation: Recommendation) -> Recommendation:
    if recommendation.is_published:
        before = _snapshot(recommendation)
        recommendation.is_published = False
        recommendation.save(update_fields=["is_published", "updated_at"])
        _record(actor, recommendation, before)
    return recommendation


def _repeat_chain(recommendation):
    seen = set()
    while recommendation is not None and recommendation.pk not in seen:
        seen.add(recommendation.pk)
        yield recommendation
        recommendation = recommendation.repeats


def link_repeat(actor, new: Recommendation, earlier: Recommendation | None) -> Recommendation:
    """Record that `new` asks again for what `earlier` asked (None removes the link)."""
    if earlier is not None:
        if earlier.pk == new.pk:
            raise ValidationError({"repeats": ["A recommendation cannot repeat itself."]})
        if any(item.pk == new.pk for item in _repeat_chain(earlier)):
            raise ValidationError(
                {"repeats": ["That would make a loop: the earlier one already repeats this."]}
            )
        if earlier.merged_into_id:
            raise ValidationError({"repeats": [MERGED]})
    before = _snapshot(new)
    new.repeats = earlier
    new.save(update_fields=["repeats", "updated_at"])
    _record(actor, new, before)
    return new


TAG_FIELDS = ("parts", "themes", "populations", "places")


def merge_recommendations(actor, keep: Recommendation, duplicate: Recommendation):
    """Fold a duplicate into `keep`: every timeline entry, piece of evidence, activity,
    source, target, network, tag and link moves across; the duplicate is unpublished and
    its page redirects to `keep`."""
    if keep.pk == duplicate.pk:
        raise ValidationError({"duplicate": ["Choose two different recommendations."]})
    if keep.merged_into_id:
        raise ValidationError({"keep": [MERGED]})
    if duplicate.merged_into_id:
        raise ValidationError({"duplicate": ["That one has already been merged."]})
    with transaction.atomic():
        _lock(keep)
        _lock(duplicate)
        keep_before, duplicate_before = _snapshot(keep), _snapshot(duplicate)
        moved = list(duplicate.status_changes.all())
        for change in moved:
            before = _snapshot(change)
            change.recommendation = keep
            change.save(update_fields=["recommendation"])
            _record(actor, change, before)
        for evidence in Evidence.objects.filter(recommendation=duplicate):
            before = _snapshot(evidence)
            evidence.recommendation = keep
            evidence.save(update_fields=["recommendation"])
            _record(actor, evidence, before)
        for activity in InfluenceActivity.objects.filter(recommendations=duplicate):
            before = _snapshot(activity)
            activity.recommendations.remove(duplicate)
            activity.recommendations.add(keep)
            _record(actor, activity, before)
        for name in ("targets", "networks", "sources", *TAG_FIELDS):
            getattr(keep, name).add(*getattr(duplicate, name).all())
        related = [item for item in duplicate.related.all() if item.pk != keep.pk]
        keep.related.add(*related)
        duplicate.related.clear()
        for later in Recommendation.objects.filter(repeats=duplicate).exclude(pk=keep.pk):
            link_repeat(actor, later, keep)
        Recommendation.objects.filter(merged_into=duplicate).update(merged_into=keep)
        if keep.repeats_id == duplicate.pk:
            keep.repeats = duplicate.repeats if duplicate.repeats_id != keep.pk else None
        if keep.first_made_on > duplicate.first_made_on:
            keep.first_made_on = duplicate.first_made_on
        keep.save()
        duplicate.merged_into = keep
        duplicate.is_published = False
        duplicate.repeats = None
        duplicate.save()
        _record(actor, keep, keep_before)
        _record(actor, duplicate, duplicate_before)
    return keep


def add_evidence(actor, recommendation, resource, page="", quote="") -> Evidence:
    evidence = Evidence.objects.create(
        recommendation=recommendation, resource=resource, page=page[:20], quote=quote
    )
    _record(actor, evidence, {})
    return evidence


def save_activity(actor, form) -> InfluenceActivity:
    """Save a ModelForm of an InfluenceActivity, audited."""
    instance = form.instance
    before = _snapshot(InfluenceActivity.objects.get(pk=instance.pk)) if instance.pk else {}
    with transaction.atomic():
        activity = form.save(commit=False)
        if not activity.recorded_by_id and getattr(actor, "is_authenticated", False):
            activity.recorded_by = actor
        activity.save()
        form.save_m2m()
        _record(actor, activity, before)
    return activity
