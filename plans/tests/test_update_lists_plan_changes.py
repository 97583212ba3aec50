"""A change to the published plan is a new version with its reason, and the next quarterly
update lists what changed: the version, the field, old and new, and why."""

import pytest
from django.urls import reverse
from django.utils import timezone

from core.tests.factories import StaffFactory
from plans.models import Audience
from plans.services import periods, planning, reports
from plans.tests.factories import ActivityFactory, PlanFactory

pytestmark = pytest.mark.django_db


def test_the_next_update_lists_each_change_with_its_version_and_reason(client):
    today = timezone.localdate()
    plan = PlanFactory(year=periods.plan_year_of(today))
    staff = StaffFactory()
    activity = ActivityFactory(plan=plan, owner="Policy team", title="Brief new MPs")
    planning.publish_plan(staff, plan)
    activity.owner = "Communications team"
    planning.save_activity(staff, activity, change_reason="The policy lead left.")
    report = reports.draft(staff, plan, periods.quarter_of(today))
    assert report.content["versions"] == [
        {"number": 2, "reason": "The policy lead left.", "on": today.isoformat()}
    ]
    (change,) = report.content["plan_changes"]
    assert (change["field"], change["old"], change["new"], change["reason"]) == (
        "owner", "Policy team", "Communications team", "The policy lead left.",
    )  # fmt: skip
    reports.publish(staff, report, Audience.PUBLIC)
    page = client.get(reverse("plans:report", args=[report.pk])).content.decode()
    assert "Version 2" in page and "The policy lead left." in page
    assert "Communications team" in page
