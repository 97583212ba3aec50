"""Writing recommendations' timelines: recording a dated status change with one target, and
correcting an entry (the old one is kept, pointing at its correction).

Entries stay in date order per target, are never dated in the future, and name only bodies
the recommendation asks; a merged recommendation's timeline is changed on the one kept.
"""

import os

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone

from core import audit
from influence.models import Recommendation, Status, StatusChange, TargetBody
from influence.services.recommendations import MERGED, lock

EVIDENCE_EXTENSIONS = {".pdf", ".docx", ".odt", ".rtf", ".txt", ".html", ".png", ".jpg", ".jpeg"}
MAX_EVIDENCE_BYTES = 20 * 1024 * 1024
MAX_NOTE_LENGTH = 5000
CORRECTABLE = {"target", "status", "happened_on", "note", "evidence_url", "evidence_file"}

FUTURE_DATE = "A status change cannot be dated in the future."
OUT_OF_ORDER = (
    "Status changes must be in date order: {target} already has an entry dated {date}. "
    "Date this one on or after it, or correct the earlier entry instead."
)
NOT_A_TARGET = "{target} is not one of this recommendation's targets: add it first."
ALREADY_CORRECTED = "This entry has already been corrected; correct the newer entry instead."


def _date_text(value) -> str:
    return f"{value.day} {value:%B %Y}"


# --- Validation ----------------------------------------------------------------------------


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
        lock(recommendation)
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
        audit.record_change(actor, change, {})
        Recommendation.objects.filter(pk=recommendation.pk).update(updated_at=timezone.now())
    return change


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
        lock(recommendation)
        change = StatusChange.objects.select_for_update().get(pk=change.pk)
        if change.corrected_by_id is not None:
            raise ValidationError({"__all__": [ALREADY_CORRECTED]})
        _check_corrected_order(change, values)
        before = audit.snapshot(change)
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
        audit.record_change(actor, replacement, {})
        change.corrected_by = replacement
        change.save(update_fields=["corrected_by"])
        audit.record_change(actor, change, before)
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
