"""This app's parts of the pages that gather many apps' work: home panels, navigation,
site-wide search and topic pages. (Personal data: plans/personal_data.py.)"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from core.registries import home, navigation, search
from core.roles import is_staff_member
from plans.models import Activity, ActivityStatus, PlanStatus, Report, Survey
from taxonomy.sections import TopicSection
from taxonomy.sections import register as register_topic_section

TOPIC_SIZE = 8


# --- Signed-in home ---------------------------------------------------------------------------


def staff_panel(request) -> dict | None:
    troubled = Activity.objects.filter(
        plan__status=PlanStatus.PUBLISHED,
        status__in=(ActivityStatus.AT_RISK, ActivityStatus.OFF_TRACK),
    ).select_related("plan__network")[:6]
    drafts = Report.objects.filter(status=PlanStatus.DRAFT).count()
    if not troubled and not drafts:
        return None
    return {"troubled": troubled, "drafts": drafts, "more_url": reverse("plans:staff_index")}


def member_panel(request) -> dict | None:
    from plans.services import reports
    from plans.services.survey import answered, organisations_for

    latest = (
        reports.readable_by(request.user)
        .select_related("plan__network")
        .order_by("-published_at")[:3]
    )
    open_surveys = []
    for survey in Survey.objects.filter(is_open=True).select_related("network"):
        waiting = [o for o in organisations_for(request.user, survey) if not answered(survey, o)]
        if waiting:
            open_surveys.append(survey)
    if not latest and not open_surveys:
        return None
    return {"reports": latest, "surveys": open_surveys, "more_url": reverse("plans:index")}


home.register(home.HomePanel(
    key="plans.staff", title="Action plan", template="plans/_home_staff.html",
    context=staff_panel, audiences=frozenset({home.STAFF}), order=60,
))  # fmt: skip
home.register(home.HomePanel(
    key="plans.member", title="Our progress", template="plans/_home_member.html",
    context=member_panel, audiences=frozenset({home.MEMBER}), order=60,
))  # fmt: skip


# --- Navigation -------------------------------------------------------------------------------

navigation.register(
    navigation.NavEntry("plans", "Strategy and progress", "plans:index", navigation.TOOLS,
                        order=60)
)  # fmt: skip
navigation.register(
    navigation.NavEntry("plans.staff", "Action plan (staff)", "plans:staff_index",
                        navigation.STAFF_WORK, visible=is_staff_member, order=60)
)  # fmt: skip


# --- Site-wide search: published plans' activities and readable reports ---------------------


def search_plans(query: str, user, limit: int) -> search.KindResults:
    from plans.services.reports import readable_by

    words = query.split()
    if not words:
        return search.KindResults(total=0)
    activities = Activity.objects.filter(plan__status=PlanStatus.PUBLISHED).select_related(
        "plan__network"
    )
    found_reports = readable_by(user).select_related("plan__network")
    for word in words:
        activities = activities.filter(Q(title__icontains=word) | Q(description__icontains=word))
        found_reports = found_reports.filter(
            Q(title__icontains=word) | Q(summary__icontains=word) | Q(learning__icontains=word)
        )
    hits = [
        search.SearchHit(title=r.title, url=r.get_absolute_url(), summary=r.summary[:300],
                         meta=f"Progress report · {r.plan.network.label}")
        for r in found_reports[:limit]
    ] + [
        search.SearchHit(title=a.title, url=a.plan.get_absolute_url(),
                         summary=a.description[:300],
                         meta=f"Action plan {a.plan.year_label} · {a.get_status_display()}")
        for a in activities[:limit]
    ]  # fmt: skip
    return search.KindResults(total=found_reports.count() + activities.count(), hits=hits[:limit])


search.register(search.SearchKind(
    key="plans", label="Action plan and progress reports", search=search_plans,
    more_url=lambda q: reverse("plans:index"), order=90,
))  # fmt: skip


# --- Topic pages: plan activities about records on the topic --------------------------------


def _linked_on_topic(term) -> Q:
    """Activities linked to a recommendation, consultation or event on the topic."""
    from consultations.models import Consultation
    from events.models import Event
    from influence.models import Recommendation

    condition = Q(pk__in=[])
    for model, ids in (
        (Recommendation, Recommendation.objects.filter(
            Q(parts=term) | Q(themes=term) | Q(populations=term) | Q(places=term))),
        (Consultation, Consultation.objects.filter(Q(parts=term) | Q(themes=term))),
        (Event, Event.objects.filter(topics=term)),
    ):  # fmt: skip
        condition |= Q(
            links__content_type=ContentType.objects.get_for_model(model),
            links__object_id__in=ids.values("pk"),
        )
    return condition


def activities_on_topic(request, term) -> dict | None:
    rows = list(
        Activity.objects.filter(_linked_on_topic(term), plan__status=PlanStatus.PUBLISHED)
        .select_related("plan__network")
        .distinct()[:TOPIC_SIZE]
    )
    return {"activities": rows} if rows else None


register_topic_section(TopicSection(
    key="plans", title="In the action plan", template="plans/_topic_activities.html",
    context=activities_on_topic, order=85,
))  # fmt: skip


# --- What changed: published progress reports, for member updates --------------------------


def published_reports(since, until, *, networks=None, topics=None) -> list:
    from core.registries import changes

    start, end = changes.period_bounds(since, until)
    found = Report.objects.filter(
        status=PlanStatus.PUBLISHED, published_at__gte=start, published_at__lt=end
    ).select_related("plan__network")
    if networks is not None:
        found = found.filter(plan__network__in=networks)
    return [
        changes.ChangeItem(
            kind="plans.report",
            title=report.title,
            summary="Progress against the action plan: activities, indicators and what we learned.",
            url=report.get_absolute_url(),
            when=timezone.localtime(report.published_at).date(),
            app="plans",
            key=f"plans.report:{report.pk}",
            networks=frozenset({report.plan.network_id}),
            public=report.audience == "public",
        )
        for report in found
    ]


def _register_changes():
    from core.registries import changes

    changes.register(changes.ChangeProvider(
        key="plans.reports", label="Progress reports", collect=published_reports, order=70,
    ))  # fmt: skip


_register_changes()
