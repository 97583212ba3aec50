"""Equality monitoring in a real browser: a member answers (on a phone), sees and deletes
their answers; staff open a form, preview and publish the year's report; a visitor reads it.
axe-core checks every page; screenshots at 1280 and 390 px go to test-artifacts/."""

import pytest
from playwright.sync_api import expect

from core.tests.browser_support import DESKTOP, PHONE, artifact_path, axe_check, log_in
from core.tests.factories import StaffFactory, UserFactory
from equality.models import Group, PublishedReport, Response
from equality.questions import QUESTIONS
from equality.tests.factories import ExerciseFactory
from equality.tests.test_report import add_answers
from members.tests.factories import OrganisationFactory, member_contact_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def shoot(page, name):
    for size, label in ((DESKTOP, "1280"), (PHONE, "390")):
        page.set_viewport_size(size)
        page.screenshot(path=str(artifact_path(f"equality-{name}-{label}")), full_page=True)


def test_answer_see_delete_then_staff_publish_and_a_visitor_reads(page, new_page, live_server):
    base = live_server.url
    leaders = ExerciseFactory(group=Group.MEMBER_LEADERSHIP, year=2026,
                              title="Member organisations' leaders 2026")  # fmt: skip
    add_answers(leaders, 30, ethnicity="white_1", sex="female")
    add_answers(leaders, 9, ethnicity="black_1", sex="male")
    add_answers(leaders, 3, ethnicity="asian_3", sex="male")  # small: hidden on the report
    add_answers(ExerciseFactory(group=Group.TRUSTEES, year=2026), 7, ethnicity="mixed_3")
    member, staff = UserFactory(), StaffFactory()
    member_contact_for(OrganisationFactory(), member)  # the leaders' form is for member contacts

    phone = new_page(PHONE)
    log_in(phone, base, member.email)
    phone.goto(f"{base}{leaders.get_absolute_url()}")
    axe_check(phone)
    phone.get_by_role("button", name="Save my answers").click()
    expect(phone.get_by_role("link", name="Tick the box to agree")).to_be_visible()
    axe_check(phone)
    for question in QUESTIONS:
        phone.get_by_role("group", name=question.text).get_by_label("Prefer not to say").check()
    phone.get_by_role("group", name=QUESTIONS[0].text).get_by_label("Black: Caribbean").check()
    phone.get_by_label("I choose to give these answers").check()
    phone.get_by_role("button", name="Save my answers").click()
    expect(phone.get_by_text("Your answers are saved")).to_be_visible()
    expect(phone.get_by_text("Black: Caribbean")).to_be_visible()
    axe_check(phone)
    shoot(phone, "mine")
    phone.get_by_role("button", name="Delete my answers").click()
    expect(phone.get_by_text("You have not answered")).to_be_visible()
    assert Response.objects.count() == 49

    log_in(page, base, staff.email)
    page.goto(f"{base}/plans/staff/equality/")
    axe_check(page)
    page.get_by_label("Group").select_option(label="Staff")
    page.get_by_label("Title").fill("Staff 2026")
    page.get_by_role("button", name="Open the form").click()
    expect(page.get_by_text("“Staff 2026” is open for answers.")).to_be_visible()
    shoot(page, "staff")
    page.get_by_role("link", name="Preview the 2026 report").click()
    axe_check(page)
    page.get_by_role("button", name="Publish the 2026 report").click()
    expect(page.get_by_text("is published")).to_be_visible()
    assert PublishedReport.objects.filter(year=2026).exists()

    visitor = new_page(DESKTOP)
    visitor.goto(f"{base}/plans/equality/")
    axe_check(visitor)
    shoot(visitor, "index")
    visitor.get_by_role("link", name="Equality Impact Report 2026").click()
    expect(visitor.get_by_role("heading", name="How small numbers are hidden")).to_be_visible()
    axe_check(visitor)
    shoot(visitor, "report")
    assert visitor.locator("td abbr", has_text="[c]").count() > 0
    assert visitor.evaluate("document.documentElement.scrollWidth") <= 390
