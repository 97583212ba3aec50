"""What changed in the recommendation tracker, for member updates
(core.registries.changes): each status change with what the target said."""

from core.registries import changes
from influence.models import Recommendation, StatusChange

TOPIC_RELATIONS = ("parts", "themes", "populations", "places")


def status_changes(since, until, *, networks=None, topics=None) -> list[changes.ChangeItem]:
    """Status changes dated in the period on published recommendations; an entry later
    corrected is left out (its correction is reported instead, when it falls in a period)."""
    recommendations = changes.narrow(
        Recommendation.objects.filter(is_published=True, merged_into__isnull=True),
        networks=networks, topics=topics, topic_relations=TOPIC_RELATIONS,
    )  # fmt: skip
    found = (
        StatusChange.objects.filter(
            happened_on__gte=since,
            happened_on__lt=until,
            corrected_by__isnull=True,
            recommendation__in=recommendations,
        )  # fmt: skip
        .select_related("recommendation", "target")
        .only(
            "pk",
            "status",
            "happened_on",
            "note",
            "target__name",
            "recommendation__title",
            "recommendation__slug",
        )  # fmt: skip
        .order_by("happened_on", "pk")
    )
    rows = list(found)
    pks = {row.recommendation_id for row in rows}
    network_ids = changes.related_ids(Recommendation, "networks", pks)
    topic_ids = changes.merged_ids(Recommendation, TOPIC_RELATIONS, pks)
    items = []
    for row in rows:
        response = row.note.strip()
        summary = f"{row.target.name}: {row.get_status_display().lower()}."
        if response:
            summary += f" Their response: {response}"
        items.append(
            changes.ChangeItem(
                kind="influence.status",
                title=row.recommendation.title,
                summary=summary,
                url=row.recommendation.get_absolute_url(),
                when=row.happened_on,
                app="influence",
                key=f"influence.status:{row.pk}",
                networks=network_ids.get(row.recommendation_id, frozenset()),
                topics=topic_ids.get(row.recommendation_id, frozenset()),
            )
        )
    return items
