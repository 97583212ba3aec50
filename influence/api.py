"""Recommendations, their timelines and target bodies in the JSON API.

Reading is public and shows exactly what the tracker shows: published recommendations, with
the same filters (influence.services.tracker). Writing needs a staff or admin token and goes through
the same rules and audit-logged services as the staff pages (influence.services).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from ninja import Query, Router, Status
from ninja.errors import HttpError

from core.api_auth import staff_token_auth
from core.lib.pagination import paginate
from influence.api_schemas import (
    EntryOut,
    RecommendationDetail,
    RecommendationFilters,
    RecommendationIn,
    RecommendationPage,
    StatusIn,
    TargetOut,
    detail_payload,
    entry_payload,
    summary_payload,
    target_payload,
    timeline_entries,
)
from influence.models import Recommendation, StatusChange, TargetBody
from influence.models import Status as StatusChoice
from influence.services import recommendations, timeline, tracker, visibility
from influence.services import status as status_changes
from influence.services import targets as target_bodies
from library.models import Resource
from members.models import Network
from taxonomy.models import Term, Vocabulary

router = Router(tags=["recommendations"])

NO_RECOMMENDATION = "There is no published recommendation with that slug."
NO_TARGET = "There is no target body with that slug."


def _published(slug: str) -> Recommendation:
    recommendation = visibility.published().filter(slug=slug).first()
    if recommendation is None:
        raise HttpError(404, NO_RECOMMENDATION)
    return recommendation


# --- Reading -------------------------------------------------------------------------------


@router.get("/recommendations", response=RecommendationPage, summary="List recommendations")
def list_recommendations(request, filters: Query[RecommendationFilters]):
    """Published recommendations, filtered as the public tracker filters them. With a
    `target`, `status` means the current status with that target."""
    params = {
        name: str(value)
        for name, value in filters.model_dump(exclude={"limit", "offset"}).items()
        if value not in (None, "")
    }
    query, _choices = tracker.parse(params)
    if query.ignored:
        raise ValidationError(
            {
                name: [f"Nothing matches that {name} (check the slug or value)."]
                for name in query.ignored
            }
        )

    def summaries(page):
        current = timeline.current_status_rows(page)
        return [summary_payload(request, r, current[r.pk]) for r in page]

    return paginate(
        request,
        tracker.filtered_recommendations(query)
        .order_by(*tracker.SORTS[query.sort][0])
        .prefetch_related("targets", "parts", "themes", "networks"),
        filters.limit,
        filters.offset,
        summaries,
    )


@router.get(
    "/recommendations/{slug:slug}", response=RecommendationDetail, summary="One recommendation"
)
def get_recommendation(request, slug: str):
    """A published recommendation with its whole timeline, corrected entries included."""
    return detail_payload(request, _published(slug))


@router.get(
    "/recommendations/{slug:slug}/timeline",
    response=list[EntryOut],
    summary="A recommendation's timeline",
)
def get_timeline(request, slug: str):
    """Every entry, oldest first per target; corrected ones say which entry corrects them."""
    recommendation = _published(slug)
    return [
        entry_payload(request, change, recommendation)
        for change in timeline_entries(recommendation)
    ]


@router.get("/targets", response=list[TargetOut], tags=["targets"], summary="List target bodies")
def list_targets(request):
    return [target_payload(request, b, b.asked) for b in target_bodies.with_public_counts()]


@router.get("/targets/{slug:slug}", response=TargetOut, tags=["targets"], summary="One target body")
def get_target(request, slug: str):
    body = TargetBody.objects.filter(slug=slug).first()
    if body is None:
        raise HttpError(404, NO_TARGET)
    count = visibility.published().filter(targets=body).count()
    return target_payload(request, body, count)


# --- Writing (staff tokens) ----------------------------------------------------------------


def _lookup(model, slugs: list[str], field_name: str, errors: dict, **filters) -> list:
    wanted = list(dict.fromkeys(slugs))
    found = {item.slug: item for item in model.objects.filter(slug__in=wanted, **filters)}
    missing = [slug for slug in wanted if slug not in found]
    if missing:
        errors[field_name] = [f"Nothing has the slug {slug!r}." for slug in missing]
    return [found[slug] for slug in wanted if slug in found]


@router.post(
    "/recommendations",
    auth=staff_token_auth,
    response={201: RecommendationDetail},
    summary="Create a recommendation (staff)",
)
def create_recommendation(request, payload: RecommendationIn):
    """Create a recommendation; `publish: true` publishes it at once, which needs at least
    one target and one source (otherwise 422 and nothing is created)."""
    errors: dict[str, list[str]] = {}
    targets = _lookup(TargetBody, payload.targets, "targets", errors)
    networks = _lookup(Network, payload.networks, "networks", errors)
    sources = _lookup(Resource, payload.sources, "sources", errors)
    parts = _lookup(Term, payload.parts, "parts", errors, vocabulary=Vocabulary.PART)
    themes = _lookup(Term, payload.themes, "themes", errors, vocabulary=Vocabulary.THEME)
    repeats = None
    if payload.repeats:
        repeats = Recommendation.objects.filter(slug=payload.repeats).first()
        if repeats is None:
            errors["repeats"] = ["There is no recommendation with that slug."]
    if payload.first_made_on and payload.first_made_on > timezone.localdate():
        errors["first_made_on"] = ["A recommendation cannot be first made in the future."]
    if payload.publish:
        refusals = recommendations.publishing_refusals(
            merged=False, has_targets=bool(targets), has_sources=bool(sources)
        )
        for field_name, refusal in refusals.items():
            errors.setdefault(field_name, []).append(refusal)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        recommendation = recommendations.create_recommendation(
            request.auth,
            title=payload.title.strip(),
            text=payload.text.strip(),
            rationale=payload.rationale.strip(),
            first_made_on=payload.first_made_on,
            targets=targets,
            networks=networks,
            sources=sources,
            parts=parts,
            themes=themes,
            repeats=repeats,
        )
        if payload.publish:
            recommendations.publish(request.auth, recommendation)
    return Status(201, detail_payload(request, recommendation))


@router.post(
    "/recommendations/{slug:slug}/status",
    auth=staff_token_auth,
    response={201: EntryOut},
    summary="Record a status change (staff)",
)
def record_status(request, slug: str, payload: StatusIn):
    """Add an entry to the timeline with one target. Refused (422) if dated in the future,
    before that target's latest entry, or for a body the recommendation does not ask."""
    recommendation = Recommendation.objects.filter(slug=slug, merged_into__isnull=True).first()
    if recommendation is None:
        raise HttpError(404, "There is no recommendation with that slug.")
    errors = {}
    if payload.status not in StatusChoice.values:
        errors["status"] = [f"Choose one of: {', '.join(StatusChoice.values)}."]
    target = TargetBody.objects.filter(slug=payload.target).first()
    if target is None:
        errors["target"] = [NO_TARGET]
    if errors:
        raise ValidationError(errors)
    change = status_changes.record_status_change(
        request.auth,
        recommendation,
        target,
        payload.status,
        payload.happened_on,
        note=payload.note,
        evidence_url=payload.evidence_url,
    )
    change = StatusChange.objects.select_related("target").get(pk=change.pk)
    return Status(201, entry_payload(request, change, recommendation))
