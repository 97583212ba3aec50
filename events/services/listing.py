"""The events listing (/events/): upcoming or past, filtered by kind, network, topic,
online or in person, and month, with counts per option through the shared facets."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone

from core.lib import facets as shared
from core.lib.months import add_months, month_label
from events.models import EventFormat, EventKind
from events.services.access import visible_events
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
        start = timezone.make_aware(datetime.datetime.combine(query.month, datetime.time()))
        end = timezone.make_aware(
            datetime.datetime.combine(add_months(query.month, 1), datetime.time())
        )
        events = events.filter(starts_at__gte=start, starts_at__lt=end)
    return shared.filter_by_tags(events, TAG_FILTERS, query.tags, skip=[skip])


def _count_by(events: QuerySet, field_name: str) -> dict:
    return dict(events.values_list(field_name).annotate(n=Count("pk")).order_by())


def _month_counts(events: QuerySet) -> dict[datetime.date, int]:
    rows = events.annotate(m=TruncMonth("starts_at")).values_list("m").annotate(n=Count("pk"))
    counts: dict[datetime.date, int] = {}
    for moment, n in rows.order_by():
        day = moment.date() if isinstance(moment, datetime.datetime) else moment
        counts[day] = counts.get(day, 0) + n
    return counts


def _attendance_counts(events: QuerySet) -> dict[str, int]:
    return {key: events.filter(q).count() for key, q in _ATTENDANCE_FILTER.items()}


def event_listing(user, params, now=None) -> shared.FacetedPage:
    now = now or timezone.now()
    terms = list(Term.objects.filter(vocabulary__in=[Vocabulary.PART, Vocabulary.THEME]))
    query = read_query(params, terms)
    base = _in_time(visible_events(user), query.when, now)
    matching = _filtered(base, query)
    networks = list(Network.objects.order_by("name"))
    months = _month_counts(_filtered(base, query, skip="month"))
    tag_counts = shared.count_tags(lambda name: _filtered(base, query, skip=name), TAG_FILTERS)
    facet_list = [
        shared.choice_facet(
            params, "kind", "Kind of event", EventKind.choices,
            _count_by(_filtered(base, query, skip="kind"), "kind"), query.kind,
        ),
        shared.object_facet(
            params, "network", "Network", networks,
            shared.count_related(_filtered(base, query, skip="network"), "networks"),
            query.network,
        ),
        shared.choice_facet(
            params, "attend", "Online or in person", ATTENDANCE,
            _attendance_counts(_filtered(base, query, skip="attend")), query.attend,
        ),
        *shared.tag_facets(params, TAG_FILTERS, TAG_LABELS, terms, tag_counts, query.tags),
        shared.facet(
            params, "month", "Month",
            (
                (m.strftime("%Y-%m"), month_label(m), n, m == query.month)
                for m, n in sorted(months.items(), reverse=query.when == "past")
            ),
        ),
    ]  # fmt: skip
    ordered = matching.order_by(
        *(("-starts_at", "-pk") if query.when == "past" else ("starts_at", "pk"))
    )
    total = ordered.count()
    page = shared.counted_page(total, params.get("page", 1), PAGE_SIZE)
    start = (page.number - 1) * PAGE_SIZE
    page.object_list = list(
        ordered.select_related("venue").prefetch_related("networks")[start : start + PAGE_SIZE]
    )
    return shared.FacetedPage(query=query, page=page, facets=facet_list)
