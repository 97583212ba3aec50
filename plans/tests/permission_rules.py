"""Who gets what from each plans page: merged into groundswell/tests/permission_rules.py.

Visitors read strategies, published plans and public reports; members-only reports need a
signed-in member contact (or staff); the survey is answered by member contacts of the
network's member organisations; everything under /plans/staff/ is staff's.
"""

from groundswell.tests.permission_rules import (
    FORBIDDEN,
    LOGIN,
    NOT_FOUND,
    OK,
    PUBLIC,
    STAFF_ONLY,
    STAFF_POST_ONLY,
    Expect,
    everyone,
    get,
    public,
    rule,
    staff_only,
)

SAMPLES = {
    "plans_network": "slug of network N (it has a strategy and a published plan)",
    "plans_year": "year of network N's published plan",
    "plans_draft_year": "year of network N's draft plan",
    "plans_strategy": "pk of network N's strategy",
    "plans_aim": "pk of an aim of that strategy",
    "plans_plan": "pk of the published plan",
    "plans_activity": "pk of an activity in it",
    "plans_indicator": "pk of a reported indicator in it",
    "plans_quarter": "a quarter (2)",
    "plans_bad_quarter": "a quarter outside the plan year (5)",
    "plans_value": "pk of that indicator's value with an evidence file",
    "plans_public_report": "pk of a quarterly update published to everyone",
    "plans_members_report": "pk of a quarterly update published to members",
    "plans_draft_report": "pk of a draft quarterly update",
    "plans_survey": "pk of network N's open members' survey",
    "plans_response": "pk of an answer to it",
    "plans_plan_m": "pk of network M's plan (the matrix's staff member staffs N only)",
    "plans_activity_m": "pk of an activity in it",
    "plans_indicator_m": "pk of an indicator in it",
    "plans_report_m": "pk of a draft update of it",
}

MEMBERS_ONLY = Expect(anonymous=LOGIN, member=OK, judge=LOGIN, staff=OK, admin=OK)
SURVEY = Expect(anonymous=LOGIN, member=OK, judge=FORBIDDEN, staff=FORBIDDEN, admin=FORBIDDEN)


# Staff work only on their own networks' plans (another network's are not found); admins all.
OTHER_NETWORK = Expect(
    anonymous=LOGIN, member=FORBIDDEN, judge=FORBIDDEN, staff=NOT_FOUND, admin=OK
)


def network_staff(name: str, own: str, other: str):
    return rule(
        get(STAFF_ONLY, label="own network", **{name: own}),
        get(OTHER_NETWORK, label="another network", **{name: other}),
        why="Staff of the plan's network, and admins; other staff find nothing there.",
    )


def _post(**samples):
    return rule(get(STAFF_POST_ONLY, **samples), why="POST only.")


def _report(name):
    return rule(
        get(PUBLIC, label="public report", pk="plans_public_report"),
        get(MEMBERS_ONLY, label="members' report", pk="plans_members_report"),
        get(everyone(NOT_FOUND), label="draft report", pk="plans_draft_report"),
        why="Members-only reports send visitors (and judges, who are not members) to sign in.",
    )


RULES = {
    "plans:index": public(why="The public front door."),
    "plans:strategy": rule(
        get(PUBLIC, network="plans_network"),
        get(everyone(NOT_FOUND), label="unknown network", network="unknown_slug"),
    ),
    "plans:plan": rule(
        get(PUBLIC, label="published", network="plans_network", year="plans_year"),
        get(everyone(NOT_FOUND), label="draft", network="plans_network", year="plans_draft_year"),
    ),
    "plans:plan_csv": public(network="plans_network", year="plans_year"),
    "plans:report": _report("report"),
    "plans:report_csv": _report("csv"),
    "plans:report_pdf": _report("pdf"),
    "plans:survey": rule(
        get(SURVEY, pk="plans_survey"),
        why="Member contacts answer for their organisation; others have no organisation to "
        "answer for.",
    ),
    "plans:staff_index": staff_only(),
    "plans:staff_strategy_new": staff_only(),
    "plans:staff_strategy": staff_only(pk="plans_strategy"),
    "plans:staff_strategy_edit": staff_only(pk="plans_strategy"),
    "plans:staff_aim_new": staff_only(strategy="plans_strategy"),
    "plans:staff_objective_new": staff_only(aim="plans_aim"),
    "plans:staff_plan_new": staff_only(),
    "plans:staff_plan": network_staff("pk", "plans_plan", "plans_plan_m"),
    "plans:staff_plan_publish": _post(pk="plans_plan"),
    "plans:staff_activity_new": staff_only(plan="plans_plan"),
    "plans:staff_activity": network_staff("pk", "plans_activity", "plans_activity_m"),
    "plans:staff_activity_status": _post(pk="plans_activity"),
    "plans:staff_activity_link": _post(pk="plans_activity"),
    "plans:staff_indicator_new": staff_only(plan="plans_plan"),
    "plans:staff_indicator": staff_only(pk="plans_indicator"),
    "plans:staff_indicator_edit": network_staff("pk", "plans_indicator", "plans_indicator_m"),
    "plans:staff_indicator_value": rule(
        get(
            Expect(LOGIN, FORBIDDEN, FORBIDDEN, OK, OK),
            pk="plans_indicator",
            quarter="plans_quarter",
        ),
        get(
            Expect(LOGIN, FORBIDDEN, FORBIDDEN, NOT_FOUND, NOT_FOUND),
            label="quarter 5",
            pk="plans_indicator",
            quarter="plans_bad_quarter",
        ),
    ),  # fmt: skip
    "plans:staff_evidence": staff_only(pk="plans_value", why="Evidence files are internal."),
    "plans:staff_report_draft": _post(pk="plans_plan"),
    "plans:staff_report": network_staff("pk", "plans_draft_report", "plans_report_m"),
    "plans:staff_report_publish": _post(pk="plans_draft_report"),
    "plans:staff_survey": staff_only(pk="plans_survey"),
    "plans:staff_survey_code": _post(pk="plans_survey"),
    "plans:staff_response_code": _post(pk="plans_response"),
    "plans:staff_response_accept": _post(pk="plans_response"),
}


def build_samples(context) -> dict[str, str]:
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils import timezone

    from plans.models import Audience, IndicatorValue, PlanStatus, Report, SurveyResponse
    from plans.tests.factories import (
        ActivityFactory,
        AimFactory,
        IndicatorFactory,
        PlanFactory,
        StrategyFactory,
        SurveyFactory,
    )

    network = context["network_n"]
    strategy = StrategyFactory(network=network)
    aim = AimFactory(strategy=strategy)
    plan = PlanFactory(network=network, strategy=strategy, year=2026,
                       status=PlanStatus.PUBLISHED, published_at=timezone.now())  # fmt: skip
    draft_plan = PlanFactory(network=network, strategy=strategy, year=2027)
    activity = ActivityFactory(plan=plan)
    indicator = IndicatorFactory(plan=plan)
    value = IndicatorValue.objects.create(
        indicator=indicator, quarter=1, value=3, unit=indicator.unit, as_at="2026-06-30",
        evidence=SimpleUploadedFile("minutes.txt", b"Three forums held."),
        evidence_name="minutes.txt",
    )  # fmt: skip

    def report(quarter, **fields):
        return Report.objects.create(plan=plan, quarter=quarter, title=f"Q{quarter} update",
                                     content={"period": "Q"}, **fields)  # fmt: skip

    published = {"status": PlanStatus.PUBLISHED, "published_at": timezone.now()}
    public_report = report(1, audience=Audience.PUBLIC, **published)
    members_report = report(2, audience=Audience.MEMBERS, **published)
    draft_report = report(3)
    survey = SurveyFactory(network=network)
    response = SurveyResponse.objects.create(
        survey=survey, organisation=context["org_b"], free_text="Useful forums."
    )
    plan_m = PlanFactory(strategy__network=context["network_m"], year=2026)
    return {
        "plans_plan_m": str(plan_m.pk),
        "plans_activity_m": str(ActivityFactory(plan=plan_m).pk),
        "plans_indicator_m": str(IndicatorFactory(plan=plan_m).pk),
        "plans_report_m": str(
            Report.objects.create(plan=plan_m, quarter=1, title="Q1", content={"period": "Q"}).pk
        ),  # fmt: skip
        "plans_network": network.slug,
        "plans_year": str(plan.year),
        "plans_draft_year": str(draft_plan.year),
        "plans_strategy": str(strategy.pk),
        "plans_aim": str(aim.pk),
        "plans_plan": str(plan.pk),
        "plans_activity": str(activity.pk),
        "plans_indicator": str(indicator.pk),
        "plans_quarter": "2",
        "plans_bad_quarter": "5",
        "plans_value": str(value.pk),
        "plans_public_report": str(public_report.pk),
        "plans_members_report": str(members_report.pk),
        "plans_draft_report": str(draft_report.pk),
        "plans_survey": str(survey.pk),
        "plans_response": str(response.pk),
    }
