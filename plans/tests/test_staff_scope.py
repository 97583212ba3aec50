"""A staff member works on the plans of the networks they staff; another network's strategy,
plan, activities, indicators, reports and survey are not found (404) and stay unchanged.
Admins reach every network."""

import pytest
from django.urls import reverse

from core.tests.factories import AdminFactory, StaffFactory
from members.tests.factories import NetworkFactory
from plans.models import Activity, ActivityStatus, Indicator, IndicatorValue, Report
from plans.services import reports
from plans.tests.factories import (
    ActivityFactory,
    AimFactory,
    IndicatorFactory,
    PlanFactory,
    SurveyFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(client):
    mine, theirs = NetworkFactory(name="Mine"), NetworkFactory(name="Theirs")
    staff = StaffFactory()
    staff.staffed_networks.add(mine)
    plan = PlanFactory(strategy__network=theirs, strategy__title="Their strategy")
    activity = ActivityFactory(plan=plan, title="Their activity")
    indicator = IndicatorFactory(plan=plan, title="Their indicator")
    report = reports.draft(None, plan, 1)
    survey = SurveyFactory(network=theirs)
    AimFactory(strategy=plan.strategy)
    client.force_login(staff)
    return {
        "staff": staff, "mine": mine, "theirs": theirs, "plan": plan, "activity": activity,
        "indicator": indicator, "report": report, "survey": survey,
    }  # fmt: skip


def _pages(s):
    plan, strategy = s["plan"], s["plan"].strategy
    return [
        reverse("plans:staff_strategy", args=[strategy.pk]),
        reverse("plans:staff_strategy_edit", args=[strategy.pk]),
        reverse("plans:staff_aim_new", args=[strategy.pk]),
        reverse("plans:staff_objective_new", args=[strategy.aims.first().pk]),
        reverse("plans:staff_plan", args=[plan.pk]),
        reverse("plans:staff_activity_new", args=[plan.pk]),
        reverse("plans:staff_activity", args=[s["activity"].pk]),
        reverse("plans:staff_indicator_new", args=[plan.pk]),
        reverse("plans:staff_indicator", args=[s["indicator"].pk]),
        reverse("plans:staff_indicator_edit", args=[s["indicator"].pk]),
        reverse("plans:staff_indicator_value", args=[s["indicator"].pk, 1]),
        reverse("plans:staff_report", args=[s["report"].pk]),
        reverse("plans:staff_survey", args=[s["survey"].pk]),
    ]


def test_another_networks_pages_are_not_found(client, setup):
    for url in _pages(setup):
        assert client.get(url).status_code == 404, url


def test_another_networks_edits_are_refused_and_change_nothing(client, setup):
    activity, indicator, report = setup["activity"], setup["indicator"], setup["report"]
    posts = [
        (reverse("plans:staff_activity", args=[activity.pk]), {"title": "Hijacked"}),
        (reverse("plans:staff_activity_status", args=[activity.pk]),
         {"status": ActivityStatus.DROPPED, "status_reason": "no"}),
        (reverse("plans:staff_indicator_edit", args=[indicator.pk]), {"title": "Hijacked"}),
        (reverse("plans:staff_indicator_value", args=[indicator.pk, 1]),
         {"value": "5", "unit": indicator.unit, "evidence_note": "x"}),
        (reverse("plans:staff_report", args=[report.pk]), {"summary": "Hijacked"}),
        (reverse("plans:staff_report_publish", args=[report.pk]), {"audience": "public"}),
        (reverse("plans:staff_plan_publish", args=[setup["plan"].pk]), {}),
        (reverse("plans:staff_report_draft", args=[setup["plan"].pk]), {"quarter": "2"}),
    ]  # fmt: skip
    for url, data in posts:
        assert client.post(url, data).status_code == 404, url
    activity.refresh_from_db(), indicator.refresh_from_db(), report.refresh_from_db()
    assert activity.title == "Their activity" and activity.status != ActivityStatus.DROPPED
    assert indicator.title == "Their indicator"
    assert not IndicatorValue.objects.exists()
    assert report.published_at is None and Report.objects.count() == 1
    assert Activity.objects.count() == 1 and Indicator.objects.count() == 1


def test_staff_index_lists_only_their_networks(client, setup):
    own = PlanFactory(strategy__network=setup["mine"], strategy__title="Our strategy")
    page = client.get(reverse("plans:staff_index")).content.decode()
    assert "Our strategy" in page and "Their strategy" not in page
    assert client.get(reverse("plans:staff_plan", args=[own.pk])).status_code == 200


def test_new_plans_and_strategies_offer_only_their_networks(client, setup):
    page = client.get(reverse("plans:staff_plan_new")).content.decode()
    assert "Mine" in page and "Theirs" not in page
    response = client.post(reverse("plans:staff_strategy_new"), {
        "network": setup["theirs"].pk, "title": "Sneaky", "starts_year": 2026, "ends_year": 2028,
    })  # fmt: skip
    assert response.status_code == 200 and b"Select a valid choice" in response.content


def test_admins_reach_every_network(client, setup):
    client.force_login(AdminFactory())
    for url in _pages(setup):
        assert client.get(url).status_code == 200, url
