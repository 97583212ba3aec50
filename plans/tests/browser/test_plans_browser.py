"""The plan in a real browser: staff update an activity's status and a reported indicator,
draft and publish a quarterly update for members, and a member reads it on a phone. axe-core
checks every page on the way, and the screenshots are kept for a person to look at."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from core.tests.browser_support import DESKTOP, PHONE, artifact_path, axe_check, log_in
from core.tests.factories import StaffFactory, UserFactory
from members.tests.factories import NetworkFactory, OrganisationFactory, member_contact_for
from plans.models import IndicatorValue, PlanStatus, SurveyResponse
from plans.services import periods
from plans.services import survey as surveys
from plans.tests.factories import (
    ActivityFactory,
    AimFactory,
    IndicatorFactory,
    MeasuredIndicatorFactory,
    ObjectiveFactory,
    PlanFactory,
    StrategyFactory,
    SurveyFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def shoot(page, name):
    page.screenshot(path=str(artifact_path(f"plans-{name}")), full_page=True)


def test_staff_update_the_plan_publish_an_update_and_a_member_reads_it(page, new_page, live_server):
    network = NetworkFactory(name="Criminal Justice Alliance", slug="cja")
    strategy = StrategyFactory(network=network, title="Strategy 2022–2027")
    objective = ObjectiveFactory(aim=AimFactory(strategy=strategy, title="Working together"))
    year = periods.plan_year_of(timezone.localdate()) - 1  # a year whose quarters have ended
    plan = PlanFactory(network=network, strategy=strategy, year=year,
                       status=PlanStatus.PUBLISHED, published_at=timezone.now())  # fmt: skip
    ActivityFactory(plan=plan, objective=objective, title="Hold four members' forums")
    IndicatorFactory(plan=plan, title="Policy makers met", target=40)
    MeasuredIndicatorFactory(plan=plan, title="Member organisations", target=200)
    survey = SurveyFactory(network=network)
    staff = StaffFactory(name="Robin Staff")
    staff.staffed_networks.add(network)
    member = UserFactory(name="Mina Member")
    member_contact_for(OrganisationFactory(name="Open Doors", networks=[network]), member)

    log_in(page, live_server.url, staff.email)
    page.goto(f"{live_server.url}/plans/staff/plans/{plan.pk}/")
    axe_check(page)
    shoot(page, "staff-plan-desktop")
    page.get_by_label("New status for Hold four members' forums").select_option("at_risk")
    page.get_by_label("Reason for Hold four members' forums").fill("Venue costs rose.")
    page.get_by_role("button", name="Update Hold four members' forums").click()
    expect(page.get_by_text("is now at risk")).to_be_visible()

    page.get_by_role("link", name="Policy makers met").click()
    axe_check(page)
    page.get_by_role("link", name="Enter or annotate quarter 4").click()
    axe_check(page)
    page.get_by_label("Value").fill("12%")
    page.get_by_label("Where the evidence is").fill("Meeting log, shared drive.")
    page.get_by_role("button", name="Save value").click()
    expect(page.get_by_text("looks like per cent")).to_be_visible()  # wrong unit refused
    page.get_by_label("Value").fill("38")
    page.get_by_role("button", name="Save value").click()
    expect(page.get_by_text("Value saved.")).to_be_visible()
    assert IndicatorValue.objects.get(quarter=4).value == 38

    page.goto(f"{live_server.url}/plans/staff/plans/{plan.pk}/")
    page.get_by_label("Draft from the records").select_option("4")
    page.get_by_role("button", name="Draft", exact=True).click()
    expect(page.get_by_text("Drafted from the records.")).to_be_visible()
    axe_check(page)
    page.get_by_label("Learning").fill("Smaller rooms worked better for forums.")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Report saved.")).to_be_visible()
    page.get_by_label("Members only (signed in)").check()
    page.get_by_role("button", name="Publish", exact=True).click()
    expect(page.get_by_text("Published.")).to_be_visible()
    shoot(page, "staff-report-desktop")
    page.goto(f"{live_server.url}/plans/staff/")
    axe_check(page)

    phone = new_page(PHONE)
    log_in(phone, live_server.url, member.email)
    phone.goto(f"{live_server.url}/plans/")
    axe_check(phone)
    shoot(phone, "index-phone")
    phone.get_by_role("link", name=re.compile("progress update: Q4")).first.click()
    expect(phone.get_by_text("Smaller rooms worked better for forums.")).to_be_visible()
    expect(phone.get_by_role("row", name=re.compile("Policy makers met"))).to_contain_text("38")
    axe_check(phone)
    shoot(phone, "report-phone")
    phone.goto(f"{live_server.url}/plans/cja/")
    axe_check(phone)
    phone.goto(f"{live_server.url}/plans/cja/{year}/")
    axe_check(phone)
    shoot(phone, "plan-phone")
    phone.goto(f"{live_server.url}/plans/survey/{survey.pk}/")
    axe_check(phone)
    for statement in survey.statements.all():
        phone.get_by_role("group", name=statement.text).get_by_label("Agree", exact=True).check()
    phone.get_by_role("button", name="Send our answer").click()
    expect(phone.get_by_text("answer is recorded")).to_be_visible()
    phone.goto(f"{live_server.url}/plans/survey/{survey.pk}/")
    expect(phone.get_by_text("Every organisation you work for has answered")).to_be_visible()

    # Staff read the survey results, with a code suggested for an uncoded comment and accepted
    # in one click, and a strategy page (axe on the rest of the staff pages).
    coded = SurveyResponse.objects.create(
        survey=survey, organisation=OrganisationFactory(), free_text="Policy briefings helped us."
    )
    surveys.code_response(coded, [surveys.add_code(survey, "Policy support").pk])
    SurveyResponse.objects.create(
        survey=survey, organisation=OrganisationFactory(), free_text="More policy briefings."
    )
    page.goto(f"{live_server.url}/plans/staff/surveys/{survey.pk}/")
    axe_check(page)
    page.get_by_role("button", name=re.compile("Accept “Policy support”")).click()
    expect(page.get_by_text("“Policy support”").first).to_be_visible()
    axe_check(page)
    page.goto(f"{live_server.url}/plans/staff/strategies/{strategy.pk}/")
    axe_check(page)
    page.goto(f"{live_server.url}/plans/staff/activities/{plan.activities.first().pk}/")
    axe_check(page)
    # Staff pages with links in table cells do not widen the page on a phone.
    page.set_viewport_size(PHONE)
    for path in (f"plans/{plan.pk}/", f"indicators/{plan.indicators.first().pk}/", "equality/"):
        page.goto(f"{live_server.url}/plans/staff/{path}")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], (path, width)
    page.set_viewport_size(DESKTOP)

    # Every other staff form, and the annual report drafted and read: axe on each.
    indicator = plan.indicators.first()
    aim = strategy.aims.first()
    for path in (
        f"plans/{plan.pk}/indicators/new/", f"indicators/{indicator.pk}/edit/",
        "strategies/new/", f"strategies/{strategy.pk}/edit/", f"strategies/{strategy.pk}/aims/new/",
        f"aims/{aim.pk}/objectives/new/", "plans/new/", f"plans/{plan.pk}/activities/new/",
    ):  # fmt: skip
        page.goto(f"{live_server.url}/plans/staff/{path}")
        axe_check(page)
    page.goto(f"{live_server.url}/plans/staff/plans/{plan.pk}/")
    page.get_by_label("Draft from the records").select_option("annual")
    page.get_by_role("button", name="Draft", exact=True).click()
    expect(page.get_by_text("Drafted from the records.")).to_be_visible()
    axe_check(page)
    page.get_by_label("Everyone", exact=True).check()
    page.get_by_role("button", name="Publish", exact=True).click()
    expect(page.get_by_text("Published.")).to_be_visible()
    annual = plan.reports.get(quarter__isnull=True)
    visitor = new_page(PHONE)
    visitor.goto(f"{live_server.url}{annual.get_absolute_url()}")
    expect(visitor.get_by_role("heading", level=1)).to_contain_text("annual impact report")
    axe_check(visitor)
    shoot(visitor, "annual-phone")
