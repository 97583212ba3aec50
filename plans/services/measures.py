"""Measured indicators: named queries over the platform's own records.

Each measure computes a figure for one network over a period, *from the records as they stood
at the period's end*: it only counts what had been recorded by then (created, decided, sent,
checked-in and status-change timestamps the apps keep). Where an app keeps no history of a
field (an organisation's "lived-experience-led" flag, an event's status, whether a membership
has since ended), the definition says so, because a past figure then uses today's value.

Apps are read through their models only; nothing here writes.
"""

import statistics
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q

from plans.models import Unit
from plans.services.periods import Period


@dataclass(frozen=True)
class Measure:
    key: str
    title: str
    unit: str
    definition: str
    history: str
    compute: Callable  # (network, period) -> Decimal | None


_measures: dict[str, Measure] = {}


def register(measure: Measure) -> Measure:
    _measures[measure.key] = measure
    return measure


def get(key: str) -> Measure | None:
    return _measures.get(key)


def all_measures() -> list[Measure]:
    return sorted(_measures.values(), key=lambda m: m.title)


def choices() -> list[tuple[str, str]]:
    return [(m.key, m.title) for m in all_measures()]


def compute(key: str, network, period: Period) -> Decimal | None:
    measure = _measures[key]
    value = measure.compute(network, period)
    return None if value is None else Decimal(value).quantize(Decimal("0.01"))


def _share(part: int, whole: int) -> Decimal | None:
    return None if not whole else Decimal(100 * part) / Decimal(whole)


# --- Members ---------------------------------------------------------------------------------

MEMBERSHIP_HISTORY = (
    "A membership counts from its joining date. Memberships keep no date of leaving, so a past "
    "figure leaves out organisations that have since lapsed or left (it can only undercount); "
    "memberships with no joining date are counted as if they had always been members."
)
FLAG_HISTORY = (
    MEMBERSHIP_HISTORY + " Organisations' self-descriptions keep no history either: the share "
    "uses each organisation's description as it is today."
)


def _members(network, period: Period):
    from members.models import MembershipStatus, Organisation

    return Organisation.objects.filter(
        Q(memberships__joined_on__lte=period.end) | Q(memberships__joined_on__isnull=True),
        memberships__network=network,
        memberships__status=MembershipStatus.ACTIVE,
    ).distinct()


def member_organisations(network, period):
    return _members(network, period).count()


def _member_share(condition: Q):
    def compute(network, period):
        members = _members(network, period)
        return _share(members.filter(condition).count(), members.count())

    return compute


def new_members(network, period):
    from members.models import Membership

    return Membership.objects.filter(
        network=network, joined_on__gte=period.start, joined_on__lte=period.end
    ).count()


def median_days_to_decide_applications(network, period):
    from members.models import MembershipApplication

    decided = MembershipApplication.objects.filter(
        networks=network,
        decided_at__gte=period.start_moment,
        decided_at__lte=period.end_moment,
    ).values_list("submitted_at", "decided_at")
    days = [(decided_at - submitted).days for submitted, decided_at in decided]
    return statistics.median(days) if days else None


register(Measure(
    "member_organisations", "Member organisations", Unit.COUNT,
    "Organisations with an active membership of the network that had joined by the end of the "
    "period.", MEMBERSHIP_HISTORY, member_organisations,
))  # fmt: skip
register(Measure(
    "new_members", "Organisations joining", Unit.COUNT,
    "Memberships of the network whose joining date falls in the period.",
    "Joining dates are kept, so past periods are exact.", new_members,
))  # fmt: skip
register(Measure(
    "share_lived_experience_led", "Members led by people with lived experience", Unit.PERCENT,
    "Of the member organisations (as counted above), the share that describe themselves as "
    "led by people with lived experience of the justice system.", FLAG_HISTORY,
    _member_share(Q(lived_experience_led=True)),
))  # fmt: skip
register(Measure(
    "share_by_and_for", "Members that are by-and-for groups", Unit.PERCENT,
    "Of the member organisations, the share that describe themselves as run by and for the "
    "communities they serve.", FLAG_HISTORY, _member_share(Q(by_and_for=True)),
))  # fmt: skip
register(Measure(
    "share_racial_equality", "Members tackling racial inequality", Unit.PERCENT,
    "Of the member organisations, the share whose profile lists the theme “racial equality”.",
    FLAG_HISTORY, _member_share(Q(themes__slug="racial-equality")),
))  # fmt: skip
register(Measure(
    "median_days_to_decide_applications", "Median days to decide a membership application",
    Unit.DAYS,
    "For membership applications to the network decided in the period: the median number of "
    "days from the application arriving to the decision.",
    "Arrival and decision times are kept, so past periods are exact.",
    median_days_to_decide_applications,
))  # fmt: skip


# --- Consultations -----------------------------------------------------------------------------


def submissions_sent(network, period):
    from consultations.models import Submission

    return Submission.objects.filter(
        consultation__networks=network,
        sent_at__gte=period.start_moment,
        sent_at__lte=period.end_moment,
    ).count()


def contributions_received(network, period):
    from consultations.models import Contribution

    return Contribution.objects.filter(
        consultation__networks=network,
        submitted_at__gte=period.start_moment,
        submitted_at__lte=period.end_moment,
    ).count()


def contributing_organisations(network, period):
    from consultations.models import Contribution

    return (
        Contribution.objects.filter(
            consultation__networks=network,
            submitted_at__gte=period.start_moment,
            submitted_at__lte=period.end_moment,
        )
        .values("organisation")
        .distinct()
        .count()
    )


register(Measure(
    "submissions_sent", "Consultation submissions sent", Unit.COUNT,
    "The alliance's consultation responses sent to the asking body in the period, for "
    "consultations of this network.",
    "Each submission keeps the moment it was sent, so past periods are exact.", submissions_sent,
))  # fmt: skip
register(Measure(
    "contributions_received", "Members' evidence contributions received", Unit.COUNT,
    "Contributions of evidence members submitted to the network's consultations in the period.",
    "Each contribution keeps the moment it was submitted, so past periods are exact.",
    contributions_received,
))  # fmt: skip
register(Measure(
    "contributing_organisations", "Organisations contributing evidence", Unit.COUNT,
    "Different organisations that submitted evidence to the network's consultations in the "
    "period.", "Submission times are kept, so past periods are exact.",
    contributing_organisations,
))  # fmt: skip


# --- Recommendations ---------------------------------------------------------------------------

ACCEPTED_OR_FURTHER = ("accepted", "partial", "implemented")
RESPONSES = ("acknowledged", "considering", "accepted", "partial", "implemented", "rejected")
TIMELINE_HISTORY = (
    "Each status entry keeps the date it happened and the moment it was recorded; a past figure "
    "uses only entries recorded by the end of the period, and a correction counts only from "
    "when it was recorded, so the figure is what the tracker showed then."
)


def _timeline_as_recorded(network, period):
    """Status entries of the network's recommendations as the tracker stood at period end."""
    from influence.models import StatusChange

    return StatusChange.objects.filter(
        recommendation__networks=network,
        recommendation__merged_into__isnull=True,
        happened_on__lte=period.end,
        recorded_at__lte=period.end_moment,
    ).exclude(corrected_by__recorded_at__lte=period.end_moment)


def recommendations_made(network, period):
    from influence.models import Recommendation

    return Recommendation.objects.filter(
        networks=network,
        merged_into__isnull=True,
        first_made_on__gte=period.start,
        first_made_on__lte=period.end,
        created_at__lte=period.end_moment,
    ).count()


def recommendations_accepted(network, period):
    return (
        _timeline_as_recorded(network, period)
        .filter(status__in=ACCEPTED_OR_FURTHER)
        .values("recommendation")
        .distinct()
        .count()
    )


def median_days_to_respond(network, period):
    """From the first time the recommendation was raised with a target to that target's first
    response, for responses in the period."""
    entries = (
        _timeline_as_recorded(network, period)
        .filter(status__in=("raised", *RESPONSES))
        .order_by("happened_on", "recorded_at")
        .values_list("recommendation_id", "target_id", "status", "happened_on")
    )
    raised, responded = {}, {}
    for recommendation, target, status, day in entries.iterator(chunk_size=5000):
        pair = (recommendation, target)
        if status == "raised":
            raised.setdefault(pair, day)
        elif pair in raised and pair not in responded:
            responded[pair] = day
    days = [
        (day - raised[pair]).days
        for pair, day in responded.items()
        if period.start <= day <= period.end
    ]
    return statistics.median(days) if days else None


register(Measure(
    "recommendations_made", "Recommendations made", Unit.COUNT,
    "Recommendations of this network first made in the period (duplicates merged away are "
    "not counted).", "First-made dates and creation times are kept; past periods are exact.",
    recommendations_made,
))  # fmt: skip
register(Measure(
    "recommendations_accepted", "Recommendations accepted in principle or further", Unit.COUNT,
    "Recommendations of this network that, by the end of the period, at least one target had "
    "accepted in principle, partially implemented or implemented.", TIMELINE_HISTORY,
    recommendations_accepted,
))  # fmt: skip
register(Measure(
    "median_days_to_respond", "Median days for a target to respond", Unit.DAYS,
    "For each recommendation and target that first responded in the period (acknowledged it or "
    "went further, or rejected it): days from the recommendation first being raised with that "
    "target to that response; the median of those.", TIMELINE_HISTORY, median_days_to_respond,
))  # fmt: skip


# --- Media -------------------------------------------------------------------------------------


def stigmatising_share(network, period):
    from media.models import Article

    counts = Article.objects.filter(
        published_at__gte=period.start_moment,
        published_at__lte=period.end_moment,
        analysed_at__lte=period.end_moment,
        is_syndicated_copy=False,
    ).aggregate(
        total=Count("pk"),
        labelled=Count("pk", filter=Q(headline_labels__gt=0) | Q(body_labels__gt=0)),
    )
    return _share(counts["labelled"], counts["total"])


register(Measure(
    "stigmatising_share", "Monitored articles using stigmatising labels", Unit.PERCENT,
    "Of the news articles the media monitor had analysed by the end of the period and that were "
    "published in it (syndicated copies counted once), the share using at least one "
    "stigmatising label in the headline or body. The monitor watches the news for the whole "
    "installation, so both networks show the same figure.",
    "Publication and analysis times are kept; an article analysed again later keeps only its "
    "latest score, so a past figure uses today's scoring of the articles known then.",
    stigmatising_share,
))  # fmt: skip


# --- Events ------------------------------------------------------------------------------------

EVENT_HISTORY = (
    "Start times and check-in times are kept. An event's status keeps no history: one "
    "cancelled after the period is left out of past figures too."
)


def _events_held(network, period):
    from events.models import Event, EventStatus

    return Event.objects.filter(
        networks=network,
        starts_at__gte=period.start_moment,
        starts_at__lte=period.end_moment,
        created_at__lte=period.end_moment,
        status__in=(EventStatus.PUBLISHED, EventStatus.FINISHED),
    )


def events_held(network, period):
    return _events_held(network, period).count()


def organisations_attending(network, period):
    from events.models import Registration

    return (
        Registration.objects.filter(
            event__in=_events_held(network, period),
            checked_in_at__isnull=False,
            checked_in_at__lte=period.end_moment,
            organisation__isnull=False,
        )
        .values("organisation")
        .distinct()
        .count()
    )


register(Measure(
    "events_held", "Events held", Unit.COUNT,
    "The network's forums, roundtables, webinars and other events that took place in the "
    "period (not cancelled or postponed).", EVENT_HISTORY, events_held,
))  # fmt: skip
register(Measure(
    "organisations_attending", "Organisations attending events", Unit.COUNT,
    "Different organisations with at least one person checked in at the network's events held "
    "in the period.", EVENT_HISTORY, organisations_attending,
))  # fmt: skip


# --- Library and awards ------------------------------------------------------------------------


def resources_published(network, period):
    from library.models import Resource, ResourceStatus

    return Resource.objects.filter(
        networks=network,
        status=ResourceStatus.PUBLISHED,
        published_on__gte=period.start,
        published_on__lte=period.end,
        created_at__lte=period.end_moment,
    ).count()


def award_nominations(network, period):
    from awards.models import Nomination

    return Nomination.objects.filter(
        category__cycle__scheme__network=network,
        created_at__gte=period.start_moment,
        created_at__lte=period.end_moment,
    ).count()


register(Measure(
    "resources_published", "Library publications", Unit.COUNT,
    "Published library resources of this network (reports, briefings, responses, toolkits) "
    "with a publication date in the period.",
    "Publication dates and creation times are kept. A resource's status keeps no history: one "
    "withdrawn since is left out of past figures.", resources_published,
))  # fmt: skip
register(Measure(
    "award_nominations", "Award nominations received", Unit.COUNT,
    "Nominations received in the period for the network's award schemes.",
    "Each nomination keeps when it arrived, so past periods are exact.", award_nominations,
))  # fmt: skip


# --- Programmes ------------------------------------------------------------------------------


def graduates_in_senior_roles(network, period):
    # The programmes app owns what counts as a graduate and a senior role.
    from programmes.services import outcomes

    return outcomes.graduates_in_senior_roles(network, period.end)


def _senior_roles_measure():
    from programmes.services import outcomes

    return Measure(
        "graduates_in_senior_roles", "Programme graduates in senior roles", Unit.COUNT,
        outcomes.SENIOR_ROLES_DEFINITION, outcomes.SENIOR_ROLES_HISTORY,
        graduates_in_senior_roles,
    )  # fmt: skip


register(_senior_roles_measure())
