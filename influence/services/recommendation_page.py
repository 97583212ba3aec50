"""What the public page of one recommendation shows, read in five queries after the
recommendation itself.

The page is the tracker's most visited and the benchmark's
(bench/sections/influence_tracker.py: p95 under 80 ms at 10,000 recommendations). Measured
there, its cost was not the database but the ORM around it: twelve queries, ten of them
prefetches each compiled, run and turned into full model instances. So:

- the names the page lists (targets, the four kinds of topic, networks) come in one UNION
  ALL of the many-to-many tables, only the columns shown, its SQL written once;
- the recommendations around this one (the one it repeats, those that repeat it, related
  ones) in another UNION;
- sources and evidence with only the columns shown, and the timeline without who recorded
  each entry (the public page does not say).

Published filters are applied in Python where the rows are few: on SQLite an
`is_published` condition tempts the planner to walk that index over every recommendation.
"""

import functools
from dataclasses import dataclass, field
from operator import attrgetter

from django.db import connection
from django.db.models import DEFERRED, CharField, Value

from influence.models import Evidence, Recommendation, StatusChange, TargetBody
from influence.services import timeline, visibility
from library.models import Resource, ResourceStatus
from members.models import Network
from taxonomy.models import Term

# (many-to-many field, heading on the page) for the topics, in the order shown.
TOPIC_FIELDS = (
    ("parts", "Parts of the system"),
    ("themes", "Themes"),
    ("populations", "Populations"),
    ("places", "Places"),
)
# many-to-many field -> (model listed, column of the through table naming it)
LISTED = {
    "targets": (TargetBody, "targetbody"),
    "networks": (Network, "network"),
    **{name: (Term, "term") for name, _heading in TOPIC_FIELDS},
}


@dataclass
class RecommendationPage:
    recommendation: Recommendation
    targets: list[TargetBody]
    networks: list[Network]
    topics: list[tuple[str, list[Term]]]  # (heading, terms), headings with none left out
    sources: list[Resource]
    evidence: list[Evidence]
    timeline: list[dict]  # {"target", "entries", "current"} per target, by name
    headline: StatusChange | None  # the furthest any target has gone
    earlier: Recommendation | None = None  # the published one this repeats
    repeated_by: list[Recommendation] = field(default_factory=list)
    related: list[Recommendation] = field(default_factory=list)


@functools.cache
def _listed_sql() -> str:
    """One UNION ALL over the many-to-many tables in LISTED, written once from the models'
    own table and column names. Built with the ORM it cost ~3 ms a page to compile its six
    parts (the database needs ~1 ms to run it), every time."""
    quote = connection.ops.quote_name
    parts = []
    for name, (model, column) in LISTED.items():
        through = getattr(Recommendation, name).through._meta
        listed = model._meta
        position = f"l.{quote(listed.get_field('position').column)}" if model is Term else "0"
        parts.append(
            f"SELECT '{name}', l.id, l.{quote('slug')}, l.{quote('name')}, {position} "  # noqa: S608 (our own names; the id is a parameter)
            f"FROM {quote(through.db_table)} t JOIN {quote(listed.db_table)} l "
            f"ON l.id = t.{quote(through.get_field(column).column)} "
            f"WHERE t.{quote(through.get_field('recommendation').column)} = %s"
        )
    return " UNION ALL ".join(parts)


def _listed(recommendation_id: int) -> dict[str, list]:
    """{field: [instances with id, slug and name]} for every field in LISTED, one query."""
    with connection.cursor() as cursor:
        cursor.execute(_listed_sql(), [recommendation_id] * len(LISTED))
        rows = cursor.fetchall()
    listed: dict[str, list] = {name: [] for name in LISTED}
    for relation, pk, slug, name, position in rows:
        instance = _partial(LISTED[relation][0], id=pk, slug=slug, name=name)
        listed[relation].append((position, name, instance))
    return {
        relation: [instance for _position, _name, instance in sorted(items, key=_by_position)]
        for relation, items in listed.items()
    }


def _partial(model, **values):
    """An instance from some of its columns, the others deferred, as .only() would make."""
    row = [values.get(field.attname, DEFERRED) for field in model._meta.concrete_fields]
    return model.from_db(connection.alias, list(values), row)


def _by_position(item):
    position, name, _instance = item
    return (position, name)


def _neighbours(recommendation: Recommendation) -> dict[str, list[Recommendation]]:
    """{"earlier": [...], "repeated_by": [...], "related": [...]}, published ones only."""
    shown = ("pk", "title", "slug", "first_made_on", "is_published", "merged_into")

    def linked(link: str, **lookup):
        return (
            Recommendation.objects.filter(**lookup)
            .only(*shown)
            .annotate(link=Value(link, output_field=CharField()))
            .order_by()
        )

    pk = recommendation.pk
    # Through a subquery, which SQLite answers from the index alone: after ANALYZE of a
    # column that is nearly all NULL it would rather scan every row than look up the index
    # and then the rows (3 ms at 10,000 recommendations, against 0.02 ms).
    later = Recommendation.objects.filter(repeats_id=pk).values("pk")
    queries = [linked("repeated_by", pk__in=later), linked("related", related__id=pk)]
    if recommendation.repeats_id:
        queries.append(linked("earlier", pk=recommendation.repeats_id))
    found: dict[str, list[Recommendation]] = {"earlier": [], "repeated_by": [], "related": []}
    for item in queries[0].union(*queries[1:], all=True):
        if visibility.is_public(item):
            found[item.link].append(item)
    for items in found.values():  # as Recommendation.Meta.ordering: newest, then by title
        items.sort(key=attrgetter("title"))
        items.sort(key=attrgetter("first_made_on"), reverse=True)
    return found


def _sources(recommendation_id: int) -> list[Resource]:
    return list(
        Resource.objects.filter(recommendations_made=recommendation_id)
        .only("pk", "title", "slug", "kind", "published_on", "status")
        .filter(status=ResourceStatus.PUBLISHED)
    )


def _evidence(recommendation_id: int) -> list[Evidence]:
    return list(
        Evidence.objects.filter(
            recommendation_id=recommendation_id, resource__status=ResourceStatus.PUBLISHED
        )
        .select_related("resource")
        .only("page", "quote", "resource__title", "resource__slug")
        .order_by("pk")
    )


def load(recommendation: Recommendation) -> RecommendationPage:
    """Everything the page of `recommendation` (already checked visible) shows."""
    listed = _listed(recommendation.pk)
    neighbours = _neighbours(recommendation)
    by_target = timeline.timeline(recommendation, targets=listed["targets"], recorders=False)
    blocks = [
        {"target": target, "entries": entries, "current": timeline.current_of(entries)}
        for target, entries in by_target
    ]
    return RecommendationPage(
        recommendation=recommendation,
        targets=listed["targets"],
        networks=listed["networks"],
        topics=[(heading, listed[name]) for name, heading in TOPIC_FIELDS if listed[name]],
        sources=_sources(recommendation.pk),
        evidence=_evidence(recommendation.pk),
        timeline=blocks,
        headline=timeline.most_advanced([b["current"] for b in blocks if b["current"]]),
        earlier=next(iter(neighbours["earlier"]), None),
        repeated_by=neighbours["repeated_by"],
        related=neighbours["related"],
    )
