"""Award announcements, for member updates (core.registries.changes): nominations opening,
shortlists announced and winners published in the period."""

from collections import defaultdict

from django.db.models import Q

from awards.models import Category, Cycle
from core.registries import changes

# (date field on Cycle, kind, sentence).
MILESTONES = (
    ("nominations_open", "nominations", "Nominations are open for the {cycle}."),
    ("shortlist_announced_on", "shortlist", "The shortlist for the {cycle} is announced."),
    ("winners_published_on", "winners", "The winners of the {cycle} are announced."),
)


def announcements(since, until, *, networks=None, topics=None) -> list[changes.ChangeItem]:
    in_period = Q()
    for field, _kind, _sentence in MILESTONES:
        in_period |= Q(**{f"{field}__gte": since, f"{field}__lt": until})
    cycles = list(Cycle.objects.filter(in_period).select_related("scheme"))
    topic_ids: dict[int, set[int]] = defaultdict(set)
    for cycle_id, term_id in Category.topics.through.objects.filter(
        category__cycle__in=[c.pk for c in cycles]
    ).values_list("category__cycle_id", "term_id"):
        topic_ids[cycle_id].add(term_id)
    items = []
    for cycle in cycles:
        network = cycle.scheme.network_id
        for field, kind, sentence in MILESTONES:
            day = getattr(cycle, field)
            if day is None or not since <= day < until:
                continue
            items.append(
                changes.ChangeItem(
                    kind=f"awards.{kind}",
                    title=str(cycle),
                    summary=sentence.format(cycle=cycle),
                    url=cycle.get_absolute_url(),
                    when=day,
                    app="awards",
                    key=f"awards.{kind}:{cycle.pk}",
                    networks=frozenset({network}) if network else frozenset(),
                    topics=frozenset(topic_ids.get(cycle.pk, ())),
                )
            )
    return items
