"""What changed: each app reports what happened in a period, for whoever writes it up.

A member update, the quarterly progress report and any "what's new" page need the same
thing: the records that appeared or moved between two dates, each as a line a reader can
follow to its page. Rather than one module reaching into every app, each app registers a
*provider* from its `registries.py`:

    from core.registries import changes

    def new_resources(since, until, *, networks=None, topics=None) -> list[changes.ChangeItem]:
        ...

    changes.register(changes.ChangeProvider(
        key="library.resources", label="New in the library", collect=new_resources, order=10,
    ))

and a reader asks for everything at once:

    items = changes.collect(since, until, networks={1}, topics={4, 9}, public_only=True)

The contract (keep it stable: `comms`, `plans` and `opportunities` depend on it):

- **The period** is two `datetime.date`s, half-open: `since <= day < until`, in the
  installation's time zone (use `period_bounds()` to turn it into aware datetimes for
  DateTimeFields). Consecutive periods therefore never report a change twice.
- **Things still to come** (an event, a consultation's closing date) are reported when they
  fall in the `LOOKAHEAD` after the period: `until <= day < until + LOOKAHEAD`. Their item's
  `upcoming` is True, so a reader can group them apart ("Coming up").
- **Filters.** `networks` and `topics` are collections of `members.Network` and
  `taxonomy.Term` primary keys, or None for no filter. A provider may use them to query less
  (it should, when its tables are big), but need not: `collect()` applies the same rule to
  every item, so a provider that ignores them is still correct. The rule:
  an item with no networks concerns every network; an item matches a topic filter only if
  it shares a topic with it (an item with no topics is left out of a topic-filtered list).
- **Audience.** `public` says whether the item may go to the public (a list open to anyone);
  members-only items (a members' event, say) go only to members-only lists. Providers never
  report drafts, unpublished or invitation-only records at all.
- **Fast.** A provider runs a few queries whatever the number of rows: a range condition on
  an indexed date column, and the networks and topics of the rows found fetched in one query
  per relation (`related_ids()` below), never one per row.
- **Plain text.** `title` and `summary` are plain text (whoever renders them escapes them);
  `url` is the record's page as a site-relative path ("" when there is no page the readers
  of an update could open, e.g. a figure from a staff dashboard).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

# How far past the period "coming up" items (events, closing dates) are looked for.
LOOKAHEAD = datetime.timedelta(days=42)


@dataclass(frozen=True)
class ChangeItem:
    """One thing that changed, as a line of an update.

    `kind` says what sort of change it is, dotted by app ("library.resource",
    "influence.status", "events.upcoming"); `key` identifies the change itself, so the same
    change drafted twice can be recognised ("influence.status:412"). `when` is the day it
    happened (or will happen, for upcoming items).
    """

    kind: str
    title: str
    summary: str
    url: str
    when: datetime.date
    app: str
    key: str
    networks: frozenset[int] = field(default_factory=frozenset)
    topics: frozenset[int] = field(default_factory=frozenset)
    public: bool = True
    upcoming: bool = False

    def matches(self, networks: Collection[int] | None, topics: Collection[int] | None) -> bool:
        """The filter rule every reader relies on (see the module's docstring)."""
        if networks is not None and self.networks and not (self.networks & set(networks)):
            return False
        return not topics or bool(self.topics & set(topics))


Collector = Callable[..., list[ChangeItem]]


@dataclass(frozen=True)
class ChangeProvider:
    """A source of changes: `collect(since, until, *, networks=None, topics=None)`.

    `label` heads the provider's items where they are grouped ("New in the library"); `order`
    places the group (lower first)."""

    key: str
    label: str
    collect: Collector
    order: int = 100


_providers: dict[str, ChangeProvider] = {}


def register(provider: ChangeProvider) -> None:
    """Add (or replace, by key) a provider. Call it from the app's `registries.py`."""
    _providers[provider.key] = provider


def providers() -> list[ChangeProvider]:
    return sorted(_providers.values(), key=lambda p: (p.order, p.key))


def provider(key: str) -> ChangeProvider | None:
    return _providers.get(key)


@dataclass(frozen=True)
class ChangeGroup:
    provider: ChangeProvider
    items: list[ChangeItem]


def collect(
    since: datetime.date,
    until: datetime.date,
    *,
    networks: Collection[int] | None = None,
    topics: Collection[int] | None = None,
    public_only: bool = False,
    keys: Iterable[str] | None = None,
) -> list[ChangeItem]:
    """Every provider's changes in the period, filtered, in provider order then by day.
    `keys` limits the providers asked (e.g. only "events.upcoming")."""
    return [item for group in collect_grouped(since, until, networks=networks, topics=topics,
                                              public_only=public_only, keys=keys)
            for item in group.items]  # fmt: skip


def collect_grouped(
    since: datetime.date,
    until: datetime.date,
    *,
    networks: Collection[int] | None = None,
    topics: Collection[int] | None = None,
    public_only: bool = False,
    keys: Iterable[str] | None = None,
) -> list[ChangeGroup]:
    """As `collect()`, grouped by provider; providers with nothing to report are left out."""
    if until <= since:
        return []
    wanted = set(keys) if keys is not None else None
    networks = set(networks) if networks is not None else None
    topics = set(topics) if topics else None
    groups = []
    for each in providers():
        if wanted is not None and each.key not in wanted:
            continue
        found = each.collect(since, until, networks=networks, topics=topics)
        items = [
            item
            for item in found
            if item.matches(networks, topics) and (item.public or not public_only)
        ]
        if items:
            items.sort(key=lambda item: (item.upcoming, item.when, item.title))
            groups.append(ChangeGroup(provider=each, items=items))
    return groups


# --- Helpers for providers --------------------------------------------------------------------


def period_bounds(
    since: datetime.date, until: datetime.date
) -> tuple[datetime.datetime, datetime.datetime]:
    """The period as aware datetimes at local midnight: filter `field__gte=start,
    field__lt=end` on a DateTimeField."""
    zone = timezone.get_current_timezone()
    start = datetime.datetime.combine(since, datetime.time.min, tzinfo=zone)
    end = datetime.datetime.combine(until, datetime.time.min, tzinfo=zone)
    return start, end


def lookahead(until: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The days after the period in which upcoming things are reported."""
    return until, until + LOOKAHEAD


def related_ids(model, relation: str, pks: Collection[int]) -> dict[int, frozenset[int]]:
    """For the rows `pks` of `model`, the primary keys behind a many-to-many `relation`, in
    one query: {row pk: frozenset of related pks}. Rows with none are absent."""
    if not pks:
        return {}
    through, source, target = _through(model, relation)
    found: dict[int, set[int]] = defaultdict(set)
    for row, other in through.objects.filter(**{f"{source}__in": list(pks)}).values_list(
        source, target
    ):
        found[row].add(other)
    return {row: frozenset(others) for row, others in found.items()}


def merged_ids(model, relations: Iterable[str], pks: Collection[int]) -> dict[int, frozenset]:
    """`related_ids()` over several relations, merged (e.g. a record's parts, themes,
    populations and places as its topics): one query per relation."""
    merged: dict[int, frozenset[int]] = defaultdict(frozenset)
    for relation in relations:
        for row, others in related_ids(model, relation, pks).items():
            merged[row] = merged[row] | others
    return dict(merged)


def _through(model, relation: str):
    descriptor = getattr(model, relation)
    return (descriptor.through, descriptor.field.m2m_field_name(),
            descriptor.field.m2m_reverse_field_name())  # fmt: skip


def _linked(model, relation: str, pks=None) -> Exists:
    through, source, target = _through(model, relation)
    rows = through.objects.filter(**{source: OuterRef("pk")})
    if pks is not None:
        rows = rows.filter(**{f"{target}__in": list(pks)})
    return Exists(rows)


def narrow(queryset, *, networks=None, network_relation="networks", topics=None,
           topic_relations: Iterable[str] = ()):  # fmt: skip
    """Let the database apply the filter rule: rows in one of `networks` (or in none, which
    means all), and when `topics` is given, rows with one of them in any `topic_relations`.
    Optional for a provider (collect() filters anyway); worth it on big tables."""
    model = queryset.model
    if networks is not None and network_relation:
        queryset = queryset.filter(
            _linked(model, network_relation, networks) | ~_linked(model, network_relation)
        )
    if topics:
        on_topic = Q()
        for relation in topic_relations:
            on_topic |= _linked(model, relation, topics)
        queryset = queryset.filter(on_topic)
    return queryset
