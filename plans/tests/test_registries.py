"""This app's parts of shared pages: home panels, search, what-changed, personal data."""

import datetime

import pytest
from django.test import RequestFactory
from django.utils import timezone

from core.registries import changes, personal_data
from core.registries.personal_data import DataSubject
from core.tests.factories import StaffFactory, UserFactory
from plans.models import ActivityStatus, Audience, PlanStatus
from plans.registries import member_panel, search_plans, staff_panel
from plans.services import reports
from plans.tests.factories import ActivityFactory, PlanFactory

pytestmark = pytest.mark.django_db


def _published_report(audience):
    plan = PlanFactory(status=PlanStatus.PUBLISHED, published_at=timezone.now())
    ActivityFactory(plan=plan, title="Hold regional forums", status=ActivityStatus.AT_RISK,
                    status_reason="Venue costs rose.", owner="Jo Bloggs")  # fmt: skip
    report = reports.draft(None, plan, 1)
    reports.publish(None, report, audience)
    return report


def test_staff_panel_lists_troubled_activities_and_member_panel_reports():
    report = _published_report(Audience.MEMBERS)
    request = RequestFactory().get("/home/")
    request.user = StaffFactory()
    assert [a.title for a in staff_panel(request)["troubled"]] == ["Hold regional forums"]
    request.user = UserFactory()
    from members.tests.factories import OrganisationFactory, member_contact_for

    member_contact_for(OrganisationFactory(networks=[report.plan.network]), request.user)
    assert list(member_panel(request)["reports"]) == [report]


def test_search_shows_members_reports_only_to_members():
    report = _published_report(Audience.MEMBERS)
    from django.contrib.auth.models import AnonymousUser

    assert search_plans("progress", AnonymousUser(), 5).total == 0
    assert search_plans("forums", AnonymousUser(), 5).hits[0].title == "Hold regional forums"
    assert search_plans("progress", StaffFactory(), 5).hits[0].title == report.title


def test_published_reports_are_offered_to_member_updates():
    report = _published_report(Audience.PUBLIC)
    today = timezone.localdate()
    items = changes.collect(today, today + datetime.timedelta(days=1), keys=["plans.reports"])
    assert [item.url for item in items] == [report.get_absolute_url()]


def test_an_owner_named_in_the_plan_is_exported_and_erased():
    _published_report(Audience.PUBLIC)
    source = next(s for s in personal_data.sources() if s.key == "plans.activity_owners")
    subject = DataSubject(user=None, names=frozenset({"Jo Bloggs"}))
    assert source.export(subject)["action plan activities you own"][0]["named as owner"] == (
        "Jo Bloggs"
    )
    assert source.erase(subject) == 1
    assert source.erase(subject) == 0
