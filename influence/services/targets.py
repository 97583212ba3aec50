"""The bodies recommendations are addressed to, as the public sees them: how many public
recommendations each is asked, and where each of those stands with it."""

from django.db.models import Count, QuerySet

from influence.models import Status, TargetBody
from influence.services import timeline, visibility


def with_public_counts() -> QuerySet:
    """Every target body by name, each with `asked`: how many public recommendations it is
    asked. (The order is given again: Django leaves Meta.ordering out of grouped queries.)"""
    return TargetBody.objects.annotate(
        asked=Count("recommendations", filter=visibility.public("recommendations__"))
    ).order_by("name")


def bodies_by_kind() -> list[tuple[str, list[TargetBody]]]:
    """[(kind, bodies with their counts)] in kind order, for the list of target bodies."""
    groups: dict[str, list] = {}
    for body in with_public_counts():
        groups.setdefault(body.get_kind_display(), []).append(body)
    return sorted(groups.items())


def target_page(body: TargetBody) -> dict:
    """What the public page of one target body shows: each public recommendation asked of
    it with its current status there, the count at each status, and how fast it responds."""
    asked = list(
        visibility.published()
        .filter(targets=body)
        .prefetch_related("parts", "themes")
        .order_by("-first_made_on", "title")
    )
    current = {
        change.recommendation_id: change
        for change in timeline.current_changes()
        .filter(target=body, recommendation__in=[r.pk for r in asked])
        .select_related("target")
    }
    rows = [{"recommendation": r, "current": current.get(r.pk)} for r in asked]
    by_status = dict.fromkeys(Status.values, 0)
    for change in current.values():
        by_status[change.status] += 1
    return {
        "target": body,
        "rows": rows,
        "by_status": [
            (label, by_status[value], value) for value, label in Status.choices if by_status[value]
        ],
        "no_status": sum(1 for row in rows if row["current"] is None),
        "median_days": timeline.median_response_days(body),
    }
