"""The events listing (/events/): upcoming or past, filtered by kind, network, topic,
online or in person, and month, with counts per option through the shared facets."""

import datetime
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, Max, Min, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone

from core.lib import facets as shared
from core.lib.freshness import reuse
from core.lib.months import add_months, month_label, month_of, months_between
from events.models import Event, EventFormat, EventKind, ListingVersion
from events.services import access
from members.models import Network
from taxonomy.models import Term, Vocabulary

PAGE_SIZE = 20
TAG_FILTERS: shared.TagFilters = {
    "part": ("topics", Vocabulary.PART),
    "theme": ("topics", Vocabulary.THEME),
}
TAG_LABELS = {"part": "Part of the system", "theme": "Theme"}
ATTENDANCE = [("online", "Online"), ("in_person", "In person")]
_ATTENDANCE_FILTER = {
    "online": Q(format__in=[EventFormat.ONLINE, EventFormat.HYBRID]),
    "in_person": Q(format__in=[EventFormat.IN_PERSON, EventFormat.HYBRID]),
}
WHEN = {"upcoming": "Upcoming", "past": "Past"}


@dataclass
class EventQuery:
    when: str = "upcoming"
    kind: str = ""
    network: Network | None = None
    attend: str = ""
    month: datetime.date | None = None
    tags: dict = field(default_factory=dict)
    text: str = ""  # the shared template's search words; this listing has none
    ignored: list[str] = field(default_factory=list)

    @property
    def is_filtered(self) -> bool:
        return bool(self.kind or self.network or self.attend or self.month or self.tags)


def _month(value: str) -> datetime.date | None:
    try:
        return datetime.datetime.strptime(value, "%Y-%m").date()
    except ValueError:
        return None


def read_query(params, terms) -> EventQuery:
    query = EventQuery(when=params.get("when") if params.get("when") in WHEN else "upcoming")
    if kind := params.get("kind", ""):
        if kind in EventKind.values:
            query.kind = kind
        else:
            query.ignored.append("kind")
    if slug := params.get("network", ""):
        query.network = Network.objects.filter(slug=slug).first()
        if query.network is None:
            query.ignored.append("network")
    if attend := params.get("attend", ""):
        if attend in _ATTENDANCE_FILTER:
            query.attend = attend
        else:
            query.ignored.append("attend")
    if value := params.get("month", ""):
        query.month = _month(value)
        if query.month is None:
            query.ignored.append("month")
    query.tags, unknown = shared.read_tags(params.get, TAG_FILTERS, terms)
    query.ignored += unknown
    return query


def _in_time(events: QuerySet, when: str, now) -> QuerySet:
    if when == "past":
        return events.filter(ends_at__lt=now)
    return events.filter(ends_at__gte=now)


def _filtered(base: QuerySet, query: EventQuery, skip: str = "") -> QuerySet:
    events = base
    if query.kind and skip != "kind":
        events = events.filter(kind=query.kind)
    if query.network and skip != "network":
        events = shared.with_related(events, "networks", query.network)
    if query.attend and skip != "attend":
        events = events.filter(_ATTENDANCE_FILTER[query.attend])
    if query.month and skip != "month":
        events = events.filter(
            starts_at__gte=_month_edge(query.month),
            starts_at__lt=_month_edge(add_months(query.month, 1)),
        )
    return shared.filter_by_tags(events, TAG_FILTERS, query.tags, skip=[skip])


def _count_by(events: QuerySet, field_name: str) -> dict:
    return dict(events.values_list(field_name).annotate(n=Count("pk")).order_by())


# Beyond this many months the conditional counts below would be one wide query; the
# database then groups by month itself.
MONTH_COLUMNS = 120


def _month_counts(events: QuerySet) -> dict[datetime.date, int]:
    """Events per UK month. The months' edges are worked out here, in Europe/London, and
    counted with one conditional count per month in a single pass: comparisons the database
    makes on the stored UTC values, where grouping by TruncMonth has SQLite call back into
    Python to convert every row's time zone."""
    span = events.aggregate(first=Min("starts_at"), last=Max("starts_at"))
    if span["first"] is None:
        return {}
    months = months_between(month_of(span["first"]), month_of(span["last"]))
    if len(months) > MONTH_COLUMNS:
        return _month_counts_grouped(events)
    edges = [_month_edge(month) for month in [*months, add_months(months[-1], 1)]]
    counts = events.aggregate(
        **{
            f"m{i}": Count("pk", filter=Q(starts_at__gte=edges[i], starts_at__lt=edges[i + 1]))
            for i in range(len(months))
        }
    )
    return {month: counts[f"m{i}"] for i, month in enumerate(months) if counts[f"m{i}"]}


def _month_edge(month: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(month, datetime.time()))


def _month_counts_grouped(events: QuerySet) -> dict[datetime.date, int]:
    rows = events.annotate(m=TruncMonth("starts_at")).values_list("m").annotate(n=Count("pk"))
    counts: dict[datetime.date, int] = {}
    for moment, n in rows.order_by():
        day = moment.date() if isinstance(moment, datetime.datetime) else moment
        counts[day] = counts.get(day, 0) + n
    return counts


def _attendance_counts(events: QuerySet) -> dict[str, int]:
    return {key: events.filter(q).count() for key, q in _ATTENDANCE_FILTER.items()}


def _audience(user) -> tuple:
    """Who the counts are for: every visitor sees the same events, so do all staff; a
    signed-in member sees their own networks' and invitations' events."""
    if not user.is_authenticated:
        return ("visitor",)
    if access.may_manage(user):
        return ("staff",)
    return ("user", user.pk)


def _query_key(query: EventQuery) -> tuple:
    return (
        query.when, query.kind, query.network.pk if query.network else None, query.attend,
        query.month, tuple(sorted((name, term.pk) for name, term in query.tags.items())),
    )  # fmt: skip


def listing_version():
    """The sign of change for what visitors and staff see listed: the version the database
    raises when events, their networks or topics change (models.ListingVersion), so an
    unrelated commit (a session, a registration taking a place) counts nothing again. None
    inside a transaction, or if the row is missing (an emptied test database): no reuse."""
    if connection.in_atomic_block:
        return None
    version = ListingVersion.objects.filter(pk=1).values_list("version", flat=True).first()
    return None if version is None else ("events-listing-version", version)


def _token_for(audience: tuple):
    """A member's events also follow their organisations' memberships, invitations and
    registrations, kept by other tables and apps: those keep the database-wide sign."""
    return listing_version if audience[0] in ("visitor", "staff") else None


def _counts(base: QuerySet, query: EventQuery) -> dict:
    """Every facet's counts and the total: plain data, reused between requests."""
    return {
        "months": _month_counts(_filtered(base, query, skip="month")),
        "tags": shared.count_tags(lambda name: _filtered(base, query, skip=name), TAG_FILTERS),
        "kind": _count_by(_filtered(base, query, skip="kind"), "kind"),
        "network": shared.count_related(_filtered(base, query, skip="network"), "networks"),
        "attend": _attendance_counts(_filtered(base, query, skip="attend")),
        "total": _filtered(base, query).count(),
    }


def event_listing(user, params, now=None) -> shared.FacetedPage:
    """The page of events and the facets' counts. The counts and which events the page lists
    are reused between requests while nothing they depend on changes (core.lib.freshness;
    for visitors and staff, the listing's own version, which only writes to events and their
    networks and topics raise) and within the same minute: "upcoming" is worked out to the
    minute, so an event that has just ended moves to "past" within a minute."""
    now = now or timezone.now().replace(second=0, microsecond=0)
    terms = list(Term.objects.filter(vocabulary__in=[Vocabulary.PART, Vocabulary.THEME]))
    query = read_query(params, terms)
    base = _in_time(access.visible_events(user), query.when, now)
    audience = _audience(user)
    key = ("events-listing", *audience, now.isoformat(), *_query_key(query))
    token = _token_for(audience)
    counts = reuse(key, lambda: _counts(base, query), token=token)
    networks = list(Network.objects.order_by("name"))
    facet_list = [
        shared.choice_facet(
            params, "kind", "Kind of event", EventKind.choices, counts["kind"], query.kind
        ),
        shared.object_facet(
            params, "network", "Network", networks, counts["network"], query.network
        ),
        shared.choice_facet(
            params, "attend", "Online or in person", ATTENDANCE, counts["attend"], query.attend
        ),
        *shared.tag_facets(params, TAG_FILTERS, TAG_LABELS, terms, counts["tags"], query.tags),
        shared.facet(
            params, "month", "Month",
            (
                (m.strftime("%Y-%m"), month_label(m), n, m == query.month)
                for m, n in sorted(counts["months"].items(), reverse=query.when == "past")
            ),
        ),
    ]  # fmt: skip
    order = ("-starts_at", "-pk") if query.when == "past" else ("starts_at", "pk")
    page = shared.listed_page(
        _filtered(base, query).order_by(*order),
        counts["total"],
        params.get("page", 1),
        PAGE_SIZE,
        key,
        Event.objects.select_related("venue").prefetch_related("networks"),
        token=token,
    )
    return shared.FacetedPage(query=query, page=page, facets=facet_list)
