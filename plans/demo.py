"""Demo strategy, plans and reports for both seed networks (words in plans/demo_content.py).

Last year's plan (complete: four quarterly updates and the annual impact report, all
published) and this year's plan (published in April, updates for the quarters that have
ended). Activities move status on dated days through the year; indicators are the platform's
own measures plus two reported ones; reports are drafted from the demo records of the other
apps, so they must load first. Loaded by `load_demo` into an empty plans app; running it again
changes nothing.
"""

import datetime
import random
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from members.models import MembershipStatus, Network, Organisation
from plans import demo_content as words
from plans.models import (
    ActionPlan,
    Activity,
    ActivityChange,
    ActivityLink,
    ActivityStatus,
    Aim,
    Audience,
    Direction,
    Indicator,
    IndicatorKind,
    IndicatorValue,
    Objective,
    PlanStatus,
    Statement,
    StatementAnswer,
    Strategy,
    Survey,
    SurveyCode,
    SurveyResponse,
    Unit,
)
from plans.services import measures, periods, planning, reports

STRATEGIES = {"cja": (words.CJA_STRATEGY, words.CJA_ACTIVITIES),
              "ayj": (words.AYJ_STRATEGY, words.AYJ_ACTIVITIES)}  # fmt: skip


def moment(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def load_demo_plans(seed: int = 14) -> int:
    if Strategy.objects.exists():
        return 0
    networks = {n.slug: n for n in Network.objects.filter(slug__in=STRATEGIES)}
    if not networks:
        return 0
    rng = random.Random(seed)
    this_year = periods.plan_year_of(timezone.localdate())
    made = 0
    with transaction.atomic():
        for slug, network in networks.items():
            content, activities = STRATEGIES[slug]
            strategy, objectives = _strategy(network, content)
            for year in (this_year - 1, this_year):
                plan = _plan(network, strategy, year, objectives, activities, rng)
                made += plan.activities.count()
                _indicators(plan, objectives)
                made += _reports(plan, rng)
            made += _survey(network, this_year, rng)
    return made


def _strategy(network, content):
    first, last = content["years"]
    strategy = Strategy.objects.create(
        network=network, title=content["title"], slug=f"strategy-{first}",
        starts_year=first, ends_year=last, vision=content["vision"], mission=content["mission"],
    )  # fmt: skip
    objectives = []
    for order, (title, objective_titles) in enumerate(content["aims"], start=1):
        aim = Aim.objects.create(strategy=strategy, order=order, title=title)
        for number, text in enumerate(objective_titles, start=1):
            objectives.append(Objective.objects.create(aim=aim, order=number, title=text))
    return strategy, objectives


def _plan(network, strategy, year, objectives, activities, rng):
    published = moment(datetime.date(year, 4, 8))
    plan = ActionPlan.objects.create(
        network=network, strategy=strategy, year=year, status=PlanStatus.PUBLISHED,
        published_at=published,
        introduction=f"What {network.label} will do between April {year} and March {year + 1}, "
        "under each aim of the strategy. Every activity shows where it stands; the reasons for "
        "any delay are given.",
    )  # fmt: skip
    today = timezone.localdate()
    for order, (objective, title, owner, quarters) in enumerate(activities, start=1):
        activity = Activity.objects.create(
            plan=plan, objective=objectives[objective], order=order, title=title, owner=owner,
            quarters=quarters,
        )  # fmt: skip
        _status_story(activity, year, today, rng)
    planning.record_version(None, plan, "First published.")
    PlanVersion = plan.versions.model
    PlanVersion.objects.filter(plan=plan).update(created_at=published)
    _links(plan, rng)
    return plan


REASONS = {
    ActivityStatus.AT_RISK: "Partner capacity is stretched; we have agreed a later date.",
    ActivityStatus.OFF_TRACK: "The funding we expected was not confirmed.",
    ActivityStatus.DROPPED: "Overtaken by the government's own review; effort moved elsewhere.",
}


def _status_story(activity, year, today, rng):
    """A dated path of statuses: started in its first quarter, and done, troubled or still
    going after its last, as far as today allows."""
    quarters = activity.quarter_list
    first = periods.quarter(year, quarters[0])
    last = periods.quarter(year, quarters[-1])
    steps = []
    start_day = first.start + datetime.timedelta(days=rng.randint(5, 40))
    if start_day <= today:
        steps.append((start_day, ActivityStatus.ON_TRACK))
    mid_day = start_day + datetime.timedelta(days=rng.randint(30, 80))
    roll = rng.random()
    if mid_day <= today and roll < 0.25:
        trouble = rng.choice([ActivityStatus.AT_RISK, ActivityStatus.OFF_TRACK])
        steps.append((mid_day, trouble))
        if roll < 0.05:
            steps.append((mid_day + datetime.timedelta(days=20), ActivityStatus.DROPPED))
        elif roll < 0.18:
            steps.append((mid_day + datetime.timedelta(days=30), ActivityStatus.ON_TRACK))
    end_day = last.end - datetime.timedelta(days=rng.randint(0, 20))
    if end_day <= today and steps and steps[-1][1] == ActivityStatus.ON_TRACK:
        steps.append((end_day, ActivityStatus.DONE))
    old = ActivityStatus.NOT_STARTED
    for day, status in steps:
        ActivityChange.objects.create(
            activity=activity, field="status", old_value=ActivityStatus(old).label,
            new_value=ActivityStatus(status).label, reason=REASONS.get(status, ""),
            changed_at=moment(day),
        )  # fmt: skip
        old = status
    activity.status = old
    activity.status_reason = REASONS.get(old, "")
    activity.save(update_fields=["status", "status_reason"])


def _links(plan, rng):
    """Link a few activities to the demo records they are about."""
    from consultations.models import Consultation
    from events.models import Event
    from influence.models import Recommendation

    pools = [
        list(Consultation.objects.filter(networks=plan.network)[:6]),
        list(Recommendation.objects.filter(networks=plan.network)[:10]),
        list(Event.objects.filter(networks=plan.network)[:8]),
    ]
    activities = list(plan.activities.all())
    for pool in pools:
        for target in pool:
            activity = rng.choice(activities)
            ActivityLink.objects.get_or_create(
                activity=activity, content_type=ContentType.objects.get_for_model(target),
                object_id=target.pk,
            )  # fmt: skip


def _indicators(plan, objectives):
    baseline_period = periods.quarter(plan.year - 1, 4)
    order = 0
    for key, change in words.MEASURED:
        measure = measures.get(key)
        order += 1
        baseline = measures.compute(key, plan.network, baseline_period)
        base = baseline or Decimal(0)
        target = max(Decimal(0), base + Decimal(change))
        if measure.unit == Unit.PERCENT:
            target = min(target, Decimal(100))
        Indicator.objects.create(
            plan=plan, order=order, title=measure.title, kind=IndicatorKind.MEASURED,
            measure=key, unit=measure.unit,
            direction=Direction.DOWN if change < 0 else Direction.UP,
            baseline=baseline, baseline_note=f"Q4 {baseline_period.year}/"
            f"{str(baseline_period.year + 1)[-2:]}", target=target,
        )  # fmt: skip
    for title, unit, target, definition in words.REPORTED:
        order += 1
        indicator = Indicator.objects.create(
            plan=plan, order=order, title=title, kind=IndicatorKind.REPORTED, unit=unit,
            definition=definition, target=target,
        )  # fmt: skip
        today = timezone.localdate()
        for q in range(1, 5):
            period = periods.quarter(plan.year, q)
            if period.end > today:
                break
            IndicatorValue.objects.create(
                indicator=indicator, quarter=q, unit=unit, as_at=period.end,
                value=Decimal(round(target * q / 4 * (0.8 + 0.1 * q))),
                evidence_note="Kept in the team's shared drive; summary in the board papers.",
            )  # fmt: skip


def _reports(plan, rng) -> int:
    today = timezone.localdate()
    made = 0
    for q in range(1, 5):
        period = periods.quarter(plan.year, q)
        if period.end >= today:
            break
        report = reports.draft(None, plan, q)
        report.summary = (
            f"In {period.label} {plan.network.label} moved its plan on: see which activities "
            "changed status and why, how each indicator stands against its target, and the "
            "quarter's highlights from across the alliance."
        )
        report.learning = words.LEARNING[q - 1]
        report.status = PlanStatus.PUBLISHED
        report.audience = Audience.PUBLIC if q % 2 else Audience.MEMBERS
        report.published_at = moment(period.end + datetime.timedelta(days=12))
        report.save()
        made += 1
    if periods.whole_year(plan.year).end < today:
        annual = reports.draft(None, plan, None)
        annual.learning = " ".join(words.LEARNING)
        annual.status, annual.audience = PlanStatus.PUBLISHED, Audience.PUBLIC
        annual.published_at = moment(datetime.date(plan.year + 1, 5, 20))
        annual.save()
        made += 1
    return made


def _survey(network, year, rng) -> int:
    survey = Survey.objects.create(
        network=network, year=year, title=f"{network.label} members' feedback survey {year}",
        introduction="Ten minutes, once a year: tell us whether our work helps yours.",
    )  # fmt: skip
    statements = [Statement.objects.create(survey=survey, order=i, text=text)
                  for i, text in enumerate(words.SURVEY_STATEMENTS, start=1)]  # fmt: skip
    codes = {}
    members = list(
        Organisation.objects.filter(
            memberships__network=network, memberships__status=MembershipStatus.ACTIVE
        ).order_by("pk")[:45]
    )
    for index, organisation in enumerate(members):
        text, code = ("", None)
        if index % 3 == 0 and index // 3 < len(words.SURVEY_COMMENTS):
            text, code = words.SURVEY_COMMENTS[index // 3]
        elif index % 3 == 0:
            text = words.SURVEY_UNCODED[(index // 3) % len(words.SURVEY_UNCODED)]
        response = SurveyResponse.objects.create(
            survey=survey, organisation=organisation, free_text=text,
            submitted_at=moment(periods.quarter(year, 3).start + datetime.timedelta(days=index)),
        )  # fmt: skip
        StatementAnswer.objects.bulk_create(
            StatementAnswer(response=response, statement=s,
                            agreement=rng.choices([1, 2, 3, 4, 5], [1, 2, 4, 9, 6])[0])
            for s in statements
        )  # fmt: skip
        if code:
            if code not in codes:
                codes[code] = SurveyCode.objects.create(survey=survey, name=code)
            response.codes.add(codes[code])
    return len(members)
