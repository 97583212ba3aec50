"""The shapes of the recommendations API (influence.api): what it accepts, what it answers,
and the functions that fill each answer from the models."""

import datetime

from django.urls import reverse
from ninja import Field, Schema
from pydantic import field_validator

from core.lib.pagination import DEFAULT_LIMIT, Limit, LimitOffsetPage, Offset
from influence.models import Recommendation, StatusChange, TargetBody
from influence.services import status as status_changes
from influence.services import timeline, tracker, visibility
from library.models import ResourceStatus


def no_nulls(value):
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

    _nulls = field_validator("q", "status", "target", "part", "theme", "network")(no_nulls)


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

    _nulls = field_validator("title", "text", "rationale")(no_nulls)


class StatusIn(Schema):
    target: str = Field(max_length=200, description="Target body slug.")
    status: str = Field(max_length=20)
    happened_on: datetime.date
    note: str = Field("", max_length=status_changes.MAX_NOTE_LENGTH)
    evidence_url: str = Field("", max_length=200)

    _nulls = field_validator("target", "status", "note", "evidence_url")(no_nulls)


# --- Payloads ------------------------------------------------------------------------------


def entry_payload(request, change: StatusChange, recommendation: Recommendation) -> dict:
    """One timeline entry of `recommendation`. The document's address is given for entries
    the public page shows (a corrected entry's document is for staff only)."""
    document = None
    if change.evidence_file and visibility.entry_is_public(recommendation, change):
        document = request.build_absolute_uri(
            reverse("influence:evidence_document", args=[recommendation.slug, change.pk])
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


def current_payload(change: StatusChange) -> dict:
    return {
        "target": change.target.slug,
        "status": change.status,
        "status_label": change.get_status_display(),
        "happened_on": change.happened_on,
    }


def summary_payload(request, recommendation: Recommendation, current: list) -> dict:
    return {
        "slug": recommendation.slug,
        "title": recommendation.title,
        "text": recommendation.text,
        "first_made_on": recommendation.first_made_on,
        "targets": [{"slug": t.slug, "name": t.name} for t in recommendation.targets.all()],
        "parts": [t.slug for t in recommendation.parts.all()],
        "themes": [t.slug for t in recommendation.themes.all()],
        "networks": [n.slug for n in recommendation.networks.all()],
        "current_statuses": [current_payload(change) for change in current],
        "url": request.build_absolute_uri(recommendation.get_absolute_url()),
    }


def timeline_entries(recommendation) -> list[StatusChange]:
    return list(
        StatusChange.objects.filter(recommendation=recommendation)
        .select_related("target")
        .order_by("target__name", "happened_on", "recorded_at", "pk")
    )


def detail_payload(request, recommendation: Recommendation) -> dict:
    recommendation = (
        Recommendation.objects.select_related("repeats")
        .prefetch_related("targets", "parts", "themes", "populations", "places", "networks")
        .get(pk=recommendation.pk)
    )
    entries = timeline_entries(recommendation)
    current = timeline.current_status_rows([recommendation])[recommendation.pk]
    payload = summary_payload(request, recommendation, current)
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
        repeats=repeats.slug if repeats and visibility.is_public(repeats) else None,
        repeated_by=list(
            recommendation.repeated_by.filter(visibility.public()).values_list("slug", flat=True)
        ),
        timeline=[entry_payload(request, change, recommendation) for change in entries],
    )
    return payload


def target_payload(request, body: TargetBody, count: int) -> dict:
    return {
        "slug": body.slug,
        "name": body.name,
        "kind": body.kind,
        "kind_label": body.get_kind_display(),
        "website": body.website,
        "url": request.build_absolute_uri(body.get_absolute_url()),
        "recommendations": count,
        "median_response_days": timeline.median_response_days(body),
    }
