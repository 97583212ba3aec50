"""Recommendations, their timelines and target bodies in the JSON API.

Reading is public and shows exactly what the tracker shows: published recommendations, with
the same filters (influence.tracker). Writing needs a staff or admin token and goes through
the same rules and audit-logged services as the staff pages (influence.services).
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import field_validator

from core.api_auth import staff_token_auth
from core.lib.pagination import DEFAULT_LIMIT, Limit, LimitOffsetPage, Offset, paginate
from influence import services, tracker
from influence.models import Recommendation, StatusChange, TargetBody
from influence.models import Status as StatusChoice
from library.models import Resource, ResourceStatus
from members.models import Network
from taxonomy.models import Term, Vocabulary

router = Router(tags=["recommendations"])

NO_RECOMMENDATION = "There is no published recommendation with that slug."
NO_TARGET = "There is no target body with that slug."
SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"


def _no_nulls(value):
    if isinstance(value, str) and "\x00" in value:
        raise ValueError("Null characters are not allowed.")
    return value


# --- Schemas -------------------------------------------------------------------------------


class TargetRef(Schema):
    slug: str
    name: str


class TargetOut(TargetRef):
    kind: str
    kind_label: str
    website: str
    url: str
    recommendations: int = Field(description="Published recommendations addressed to it.")
    median_response_days: float | None = Field(
        description="Median days from being raised to a first response (acknowledged or later)."
    )


class EntryOut(Schema):
    id: int
    target: str = Field(description="The target body's slug.")
    status: str
    status_label: str
    happened_on: datetime.date
    note: str
    evidence_url: str
    evidence_file: str | None = Field(
        description="Where to download the uploaded evidence document; none for a corrected "
        "entry (its document is for staff only)."
    )
    corrected: bool
    corrected_by: int | None = Field(description="The id of the entry that corrects this one.")


class CurrentOut(Schema):
    target: str
    status: str
    status_label: str
    happened_on: datetime.date


class RecommendationOut(Schema):
    slug: str
    title: str
    text: str
    first_made_on: datetime.date
    targets: list[TargetRef]
    parts: list[str]
    themes: list[str]
    networks: list[str]
    current_statuses: list[CurrentOut]
    url: str


class RecommendationDetail(RecommendationOut):
    rationale: str
    populations: list[str]
    places: list[str]
    sources: list[str] = Field(description="Library resource slugs it appears in.")
    repeats: str | None
    repeated_by: list[str]
    timeline: list[EntryOut]


class RecommendationPage(LimitOffsetPage):
    results: list[RecommendationOut]


class RecommendationFilters(Schema):
    q: str = Field("", max_length=tracker.MAX_QUERY_LENGTH, description="Words in title or text.")
    status: str | None = Field(None, max_length=20, description="Current status.")
    target: str | None = Field(None, max_length=200, description="Target body slug.")
    part: str | None = Field(None, max_length=120)
    theme: str | None = Field(None, max_length=120)
    network: str | None = Field(None, max_length=60)
    year: int | None = Field(None, ge=1900, le=2999, description="Year first made.")
    sort: str = Field("recent", pattern="^(recent|oldest|title)$")
    limit: Limit = DEFAULT_LIMIT
    offset: Offset = 0

    _nulls = field_validator("q", "status", "target", "part", "theme", "network")(_no_nulls)


class RecommendationIn(Schema):
    title: str = Field(min_length=3, max_length=200)
    text: str = Field(min_length=1, max_length=20000)
    rationale: str = Field("", max_length=20000)
    first_made_on: datetime.date | None = None
    targets: list[str] = Field(default_factory=list, max_length=50)
    networks: list[str] = Field(default_factory=list, max_length=20)
    sources: list[str] = Field(default_factory=list, max_length=50)
    parts: list[str] = Field(default_factory=list, max_length=30)
    themes: list[str] = Field(default_factory=list, max_length=30)
    repeats: str | None = Field(None, max_length=220)
    publish: bool = False

    _nulls = field_validator("title", "text", "rationale")(_no_nulls)


class StatusIn(Schema):
    target: str = Field(max_length=200, description="Target body slug.")
    status: str = Field(max_length=20)
    happened_on: datetime.date
    note: str = Field("", max_length=services.MAX_NOTE_LENGTH)
    evidence_url: str = Field("", max_length=200)

    _nulls = field_validator("target", "status", "note", "evidence_url")(_no_nulls)


# --- Payloads ------------------------------------------------------------------------------


def _entry(request, change: StatusChange, slug: str) -> dict:
    """One timeline entry; `slug` is its recommendation's. The document's address is given
    for entries the public page shows (a corrected entry's document is for staff only)."""
    document = None
    if change.evidence_file and change.corrected_by_id is None:
        document = request.build_absolute_uri(
            reverse("influence:evidence_document", args=[slug, change.pk])
        )
    return {
        "id": change.pk,
        "target": change.target.slug,
        "status": change.status,
        "status_label": change.get_status_display(),
        "happened_on": change.happened_on,
        "note": change.note,
        "evidence_url": change.evidence_url,
        "evidence_file": document,
        "corrected": change.corrected_by_id is not None,
        "corrected_by": change.corrected_by_id,
    }


def _current(change: StatusChange) -> dict:
    return {
        "target": change.target.slug,
        "status": change.status,
        "status_label": change.get_status_display(),
        "happened_on": change.happened_on,
    }


def _summary(request, recommendation: Recommendation, current: list) -> dict:
    return {
        "slug": recommendation.slug,
        "title": recommendation.title,
        "text": recommendation.text,
        "first_made_on": recommendation.first_made_on,
        "targets": [{"slug": t.slug, "name": t.name} for t in recommendation.targets.all()],
        "parts": [t.slug for t in recommendation.parts.all()],
        "themes": [t.slug for t in recommendation.themes.all()],
        "networks": [n.slug for n in recommendation.networks.all()],
        "current_statuses": [_current(change) for change in current],
        "url": request.build_absolute_uri(recommendation.get_absolute_url()),
    }


def _timeline(recommendation) -> list[StatusChange]:
    return list(
        StatusChange.objects.filter(recommendation=recommendation)
        .select_related("target")
        .order_by("target__name", "happened_on", "recorded_at", "pk")
    )


def _detail(request, recommendation: Recommendation) -> dict:
    recommendation = (
        Recommendation.objects.select_related("repeats")
        .prefetch_related("targets", "parts", "themes", "populations", "places", "networks")
        .get(pk=recommendation.pk)
    )
    entries = _timeline(recommendation)
    current = services.current_status_rows([recommendation])[recommendation.pk]
    payload = _summary(request, recommendation, current)
    repeats = recommendation.repeats
    payload.update(
        rationale=recommendation.rationale,
        populations=[t.slug for t in recommendation.populations.all()],
        places=[t.slug for t in recommendation.places.all()],
        sources=list(
            recommendation.sources.filter(status=ResourceStatus.PUBLISHED).values_list(
                "slug", flat=True
            )
        ),
        repeats=repeats.slug if repeats and repeats.is_published else None,
        repeated_by=list(
            recommendation.repeated_by.filter(is_published=True).values_list("slug", flat=True)
        ),
        timeline=[_entry(request, change, recommendation.slug) for change in entries],
    )
    return payload


def _published(slug: str) -> Recommendation:
    recommendation = tracker.published().filter(slug=slug).first()
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
        current = services.current_status_rows(page)
        return [_summary(request, r, current[r.pk]) for r in page]

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
    return _detail(request, _published(slug))


@router.get(
    "/recommendations/{slug:slug}/timeline",
    response=list[EntryOut],
    summary="A recommendation's timeline",
)
def get_timeline(request, slug: str):
    """Every entry, oldest first per target; corrected ones say which entry corrects them."""
    recommendation = _published(slug)
    return [_entry(request, change, recommendation.slug) for change in _timeline(recommendation)]


def _target_payload(request, body: TargetBody, count: int) -> dict:
    return {
        "slug": body.slug,
        "name": body.name,
        "kind": body.kind,
        "kind_label": body.get_kind_display(),
        "website": body.website,
        "url": request.build_absolute_uri(body.get_absolute_url()),
        "recommendations": count,
        "median_response_days": services.median_response_days(body),
    }


@router.get("/targets", response=list[TargetOut], tags=["targets"], summary="List target bodies")
def list_targets(request):
    counts = dict(
        Recommendation.targets.through.objects.filter(
            recommendation__in=tracker.published().values("pk")
        )
        .values_list("targetbody_id")
        .annotate(n=Count("recommendation_id"))
        .order_by()
    )
    return [_target_payload(request, b, counts.get(b.pk, 0)) for b in TargetBody.objects.all()]


@router.get("/targets/{slug:slug}", response=TargetOut, tags=["targets"], summary="One target body")
def get_target(request, slug: str):
    body = TargetBody.objects.filter(slug=slug).first()
    if body is None:
        raise HttpError(404, NO_TARGET)
    count = tracker.published().filter(targets=body).count()
    return _target_payload(request, body, count)


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
        if not targets:
            errors.setdefault("targets", []).append("Add at least one target body to publish.")
        if not sources:
            errors.setdefault("sources", []).append("Add at least one source to publish.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        recommendation = services.create_recommendation(
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
            services.publish(request.auth, recommendation)
    return Status(201, _detail(request, recommendation))


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
    change = services.record_status_change(
        request.auth,
        recommendation,
        target,
        payload.status,
        payload.happened_on,
        note=payload.note,
        evidence_url=payload.evidence_url,
    )
    change = StatusChange.objects.select_related("target").get(pk=change.pk)
    return Status(201, _entry(request, change, recommendation.slug))
