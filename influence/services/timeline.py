"""Reading recommendations' timelines: the current status with each target, the furthest
any target has gone, and how long target bodies take to respond.

Current status is never stored: it is the latest uncorrected entry of each target's
timeline, ordered by the day it happened, then when it was recorded, then its id.
"""

import statistics
from collections import defaultdict

from django.db.models import Exists, OuterRef, Q, QuerySet

from influence.models import Recommendation, Status, StatusChange, TargetBody
from influence.services import visibility

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
            visibility.public("recommendation__"), target=target, corrected_by__isnull=True
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
