"""The plan's life: activities with reasons, publication as a snapshot, later changes as
versions, and a quarterly update drafted from the records, published and read by a member."""

import pytest
from django.urls import reverse

from core.tests.factories import StaffFactory, UserFactory
from members.tests.factories import NetworkFactory, OrganisationFactory, member_contact_for
from plans.models import ActivityStatus, Audience, PlanVersion
from plans.services import planning, reports
from plans.tests.factories import ActivityFactory, IndicatorFactory, PlanFactory, StrategyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    network = NetworkFactory(slug="cja")
    return PlanFactory(strategy=StrategyFactory(network=network), network=network, year=2025)


def test_off_track_without_a_reason_is_refused(plan):
    activity = ActivityFactory(plan=plan)
    activity.status = ActivityStatus.OFF_TRACK
    with pytest.raises(planning.PlanRefused, match="Say why"):
        planning.save_activity(None, activity)


def test_a_change_after_publication_needs_a_reason_and_makes_a_version(plan):
    staff = StaffFactory()
    activity = ActivityFactory(plan=plan)
    planning.publish_plan(staff, plan)
    assert plan.versions.count() == 1
    activity.owner = "Communications team"
    with pytest.raises(planning.PlanRefused, match="say why"):
        planning.save_activity(staff, activity)
    planning.save_activity(staff, activity, change_reason="The policy lead left.")
    version = PlanVersion.objects.get(plan=plan, number=2)
    assert version.reason == "The policy lead left."
    assert version.snapshot["activities"][0]["owner"] == "Communications team"
    # The first snapshot is kept as it was.
    assert plan.versions.get(number=1).snapshot["activities"][0]["owner"] == "Policy team"


def test_a_quarter_outside_the_plan_year_is_refused(plan):
    from plans.services.periods import QuarterOutsidePlan

    with pytest.raises(QuarterOutsidePlan):
        reports.draft(None, plan, 5)
    with pytest.raises(planning.PlanRefused, match="not a quarter"):
        planning.parse_quarters("1, 5")


def test_update_drafted_published_and_read_by_a_member_only(client, plan):
    staff = StaffFactory()
    activity = ActivityFactory(plan=plan, title="Run four member forums")
    planning.publish_plan(staff, plan)
    activity.status, activity.status_reason = ActivityStatus.AT_RISK, "Venue costs rose."
    planning.save_activity(staff, activity, change_reason="Status changed.")
    IndicatorFactory(plan=plan, title="Forums held")
    report = reports.draft(staff, plan, 4)
    report.learning = "<script>alert(1)</script>Smaller rooms worked better."
    report.save()
    reports.publish(staff, report, Audience.MEMBERS)

    url = reverse("plans:report", args=[report.pk])
    assert client.get(url).status_code == 302  # a visitor signs in first
    member = UserFactory()
    member_contact_for(OrganisationFactory(networks=[plan.network]), member)
    client.force_login(member)
    page = client.get(url).content.decode()
    assert "Forums held" in page and "Smaller rooms worked better." in page
    assert "<script>alert(1)</script>" not in page
    csv = client.get(reverse("plans:report_csv", args=[report.pk])).content.decode()
    assert "Forums held" in csv


def test_a_published_report_is_not_redrafted(plan):
    report = reports.draft(None, plan, 1)
    reports.publish(None, report, Audience.PUBLIC)
    with pytest.raises(reports.ReportRefused):
        reports.draft(None, plan, 1)
