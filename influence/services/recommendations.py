"""Recommendations themselves: creating and editing them, publishing, repeats and merging
duplicates. Every write takes the acting user first and is audited (core.audit)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from core import audit
from core.lib import slugs
from influence.models import Evidence, InfluenceActivity, Recommendation

MERGED = "This recommendation was merged into another; change that one instead."
NEEDS_TARGET = "Add at least one target body before publishing."
NEEDS_SOURCE = "Add at least one source document before publishing."
TAG_FIELDS = ("parts", "themes", "populations", "places")
MAX_MERGE_HOPS = 10


def lock(recommendation: Recommendation) -> None:
    """Serialise writes to one recommendation and its timeline (no-op on SQLite, which
    locks the whole database for a write anyway)."""
    Recommendation.objects.select_for_update().filter(pk=recommendation.pk).first()


def unique_slug(title: str, exclude_pk=None) -> str:
    return slugs.unique_slug(
        Recommendation, title, fallback="recommendation", exclude_pk=exclude_pk
    )


# --- Creating and editing ------------------------------------------------------------------


def save_recommendation(actor, form) -> Recommendation:
    """Save a ModelForm of a Recommendation (new or changed), giving it a slug, audited.

    Saving never publishes: a published recommendation that loses its last target or
    source is unpublished, so the rule for publishing always holds."""
    instance = form.instance
    before = audit.snapshot(Recommendation.objects.get(pk=instance.pk)) if instance.pk else {}
    with transaction.atomic():
        recommendation = form.save(commit=False)
        if not recommendation.slug:
            recommendation.slug = unique_slug(recommendation.title, recommendation.pk)
        recommendation.save()
        form.save_m2m()
        if recommendation.is_published and publish_problems(recommendation):
            recommendation.is_published = False
            recommendation.save(update_fields=["is_published"])
        audit.record_change(actor, recommendation, before)
    return recommendation


def save_with_evidence(actor, form, evidence_formset) -> Recommendation:
    """Save the staff form of a recommendation and its formset of evidence together."""
    with transaction.atomic():
        recommendation = save_recommendation(actor, form)
        evidence_formset.instance = recommendation
        befores = {
            evidence_form.instance.pk: audit.snapshot(evidence_form.instance)
            for evidence_form in evidence_formset.initial_forms
            if evidence_form.instance.pk
        }
        for evidence in evidence_formset.save():
            audit.record_change(actor, evidence, befores.get(evidence.pk, {}))
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
        audit.record_change(actor, recommendation, {})
        if repeats is not None:
            link_repeat(actor, recommendation, repeats)
    return recommendation


def add_evidence(actor, recommendation, resource, page="", quote="") -> Evidence:
    evidence = Evidence.objects.create(
        recommendation=recommendation, resource=resource, page=page[:20], quote=quote
    )
    audit.record_change(actor, evidence, {})
    return evidence


# --- Publishing ----------------------------------------------------------------------------


def publishing_refusals(*, merged: bool, has_targets: bool, has_sources: bool) -> dict[str, str]:
    """The rule for publishing: {field: why not} ("__all__" when merged), empty when a
    recommendation like this may be published. Callers that have only plain values (the
    API, before creating anything) ask it directly."""
    refusals = {}
    if merged:
        refusals["__all__"] = MERGED
    if not has_targets:
        refusals["targets"] = NEEDS_TARGET
    if not has_sources:
        refusals["sources"] = NEEDS_SOURCE
    return refusals


def publish_problems(recommendation: Recommendation) -> list[str]:
    refusals = publishing_refusals(
        merged=bool(recommendation.merged_into_id),
        has_targets=recommendation.targets.exists(),
        has_sources=recommendation.sources.exists(),
    )
    return list(refusals.values())


def publish(actor, recommendation: Recommendation) -> Recommendation:
    """Make a recommendation public; refused without a target and a source document."""
    problems = publish_problems(recommendation)
    if problems:
        raise ValidationError({"__all__": problems})
    if not recommendation.is_published:
        before = audit.snapshot(recommendation)
        recommendation.is_published = True
        recommendation.save(update_fields=["is_published", "updated_at"])
        audit.record_change(actor, recommendation, before)
    return recommendation


def unpublish(actor, recommendation: Recommendation) -> Recommendation:
    if recommendation.is_published:
        before = audit.snapshot(recommendation)
        recommendation.is_published = False
        recommendation.save(update_fields=["is_published", "updated_at"])
        audit.record_change(actor, recommendation, before)
    return recommendation


# --- Repeats and duplicates ----------------------------------------------------------------


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
    before = audit.snapshot(new)
    new.repeats = earlier
    new.save(update_fields=["repeats", "updated_at"])
    audit.record_change(actor, new, before)
    return new


def merge_preview(duplicate: Recommendation) -> dict[str, int]:
    """How much merging `duplicate` into another would move, for the confirmation page."""
    return {
        "entries": duplicate.status_changes.count(),
        "evidence": duplicate.evidence.count(),
        "activities": duplicate.activities.count(),
    }


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
        lock(keep)
        lock(duplicate)
        keep_before, duplicate_before = audit.snapshot(keep), audit.snapshot(duplicate)
        moved = list(duplicate.status_changes.all())
        for change in moved:
            before = audit.snapshot(change)
            change.recommendation = keep
            change.save(update_fields=["recommendation"])
            audit.record_change(actor, change, before)
        for evidence in Evidence.objects.filter(recommendation=duplicate):
            before = audit.snapshot(evidence)
            evidence.recommendation = keep
            evidence.save(update_fields=["recommendation"])
            audit.record_change(actor, evidence, before)
        for activity in InfluenceActivity.objects.filter(recommendations=duplicate):
            before = audit.snapshot(activity)
            activity.recommendations.remove(duplicate)
            activity.recommendations.add(keep)
            audit.record_change(actor, activity, before)
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
        audit.record_change(actor, keep, keep_before)
        audit.record_change(actor, duplicate, duplicate_before)
    return keep


def kept_after_merges(merged: Recommendation) -> Recommendation:
    """The recommendation a merged one now lives on (merges can chain, a few hops at most)."""
    kept = merged.merged_into
    for _hop in range(MAX_MERGE_HOPS):
        if not kept.merged_into_id:
            break
        kept = kept.merged_into
    return kept


# --- When it was first made ----------------------------------------------------------------


def first_made_problem(first_made_on, sources) -> str:
    """Why `first_made_on` cannot be right for these source documents: a recommendation is
    not made before the earliest document it appears in."""
    dates = [source.published_on for source in sources if source.published_on]
    if first_made_on and dates and first_made_on < min(dates):
        earliest = min(dates)
        return (
            f"It cannot be first made before its earliest source ({earliest:%-d %B %Y}): "
            "change the date or the sources."
        )
    return ""


def date_from_first_source(actor, recommendation: Recommendation) -> Recommendation:
    """Move "first made" to its first source's date when it claims to be older than every
    source (a recommendation written in a draft, first made when the draft was published)."""
    dates = [s.published_on for s in recommendation.sources.all() if s.published_on]
    if dates and recommendation.first_made_on < min(dates):
        before = audit.snapshot(recommendation)
        recommendation.first_made_on = min(dates)
        recommendation.save(update_fields=["first_made_on", "updated_at"])
        audit.record_change(actor, recommendation, before)
    return recommendation
