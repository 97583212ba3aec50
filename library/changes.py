"""What changed in the library, for member updates (core.registries.changes)."""

from core.registries import changes
from library.models import Resource, ResourceStatus

TOPIC_RELATIONS = ("parts", "themes", "populations", "places")


def new_resources(since, until, *, networks=None, topics=None) -> list[changes.ChangeItem]:
    """Resources published in the period (published_on is indexed)."""
    found = Resource.objects.filter(
        status=ResourceStatus.PUBLISHED, published_on__gte=since, published_on__lt=until
    )
    found = changes.narrow(found, networks=networks, topics=topics,
                           topic_relations=TOPIC_RELATIONS)  # fmt: skip
    rows = list(found.only("pk", "title", "slug", "kind", "summary", "published_on"))
    pks = [row.pk for row in rows]
    network_ids = changes.related_ids(Resource, "networks", pks)
    topic_ids = changes.merged_ids(Resource, TOPIC_RELATIONS, pks)
    return [
        changes.ChangeItem(
            kind="library.resource",
            title=row.title,
            summary=f"{row.get_kind_display()}. {row.summary}".strip(),
            url=row.get_absolute_url(),
            when=row.published_on,
            app="library",
            key=f"library.resource:{row.pk}",
            networks=network_ids.get(row.pk, frozenset()),
            topics=topic_ids.get(row.pk, frozenset()),
        )
        for row in rows
    ]
