"""The awards in a real browser: a visitor nominates, staff screen it and put a judge on the
panel, the judge declares a conflict and scores the rest on a phone-sized screen, and staff
shortlist and publish a winner. axe-core checks every page on the way."""

import re

import pytest
from playwright.sync_api import expect

from awards.models import Nomination, NominationStatus, Score
from awards.tests.factories import CategoryFactory, NominationFactory, days_from_today
from core.tests.browser_support import axe_check, log_in
from core.tests.factories import JudgeFactory, StaffFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_nominate_screen_judge_with_a_conflict_and_publish_a_winner(page, new_page, live_server):
    from core.tests.browser_support import PHONE

    category = CategoryFactory(name="Outstanding Organisation", quorum=1,
                               questions="What difference has the work made?")  # fmt: skip
    cycle = category.cycle
    conflicted = NominationFactory(category=category, nominee_name="Judge's Old Charity")
    staff, judge = StaffFactory(name="Robin Staff"), JudgeFactory(name="Femi Judge")

    # A visitor nominates.
    page.goto(f"{live_server.url}/awards/")
    axe_check(page)
    page.get_by_role("link", name=re.compile("Nominate for Outstanding Organisation")).click()
    axe_check(page)
    page.get_by_label("Another organisation").check()
    page.get_by_label("Name of the organisation").fill("Second Chances Leeds")
    page.get_by_label("Why do they deserve this award?").fill("They changed our court.")
    page.get_by_label("What difference has the work made?").fill("Fewer young adults charged.")
    page.get_by_role("textbox", name="Your name:").fill("Ada Nominator")
    page.get_by_label("Your email address").fill("ada@example.org")
    page.get_by_label(re.compile("You may keep these details")).check()
    page.wait_for_timeout(3200)  # a person takes longer than the form's minimum time
    page.get_by_role("button", name="Send the nomination").click()
    expect(page.get_by_role("heading", name="Thank you for your nomination")).to_be_visible()
    axe_check(page)
    nomination = Nomination.objects.get(nominee_name="Second Chances Leeds")

    # Staff screen it and put the judge on the panel.
    log_in(page, live_server.url, staff.email)
    page.goto(f"{live_server.url}/awards/staff/nominations/{nomination.pk}/")
    axe_check(page)
    page.get_by_label("Eligible", exact=True).check()
    page.get_by_role("button", name="Save screening").click()
    expect(page.get_by_text("Screening saved.")).to_be_visible()
    page.goto(f"{live_server.url}/awards/staff/categories/{category.pk}/panel/")
    axe_check(page)
    page.get_by_label("Judge:").select_option(label=str(judge))
    page.get_by_label("Lived experience").check()
    page.get_by_role("button", name="Add to the panel").click()
    expect(page.get_by_text("Judge added")).to_be_visible()
    expect(page.get_by_text("The panel keeps its rules.")).to_be_visible()

    # The judge, on a phone, declares a conflict and scores the other nomination.
    phone = new_page(PHONE)
    log_in(phone, live_server.url, judge.email)
    phone.goto(f"{live_server.url}/awards/judging/")
    axe_check(phone)
    phone.get_by_role("link", name="Outstanding Organisation").click()
    axe_check(phone)
    phone.get_by_role("link", name="Judge's Old Charity").click()
    axe_check(phone)
    phone.get_by_label("What is your interest?").fill("I was its treasurer until last year.")
    phone.get_by_role("button", name="Declare and step aside").click()
    expect(phone.get_by_text("You are recused from Judge's Old Charity")).to_be_visible()
    expect(phone.get_by_role("link", name="Judge's Old Charity")).to_have_count(0)
    assert phone.goto(f"{live_server.url}/awards/judging/nomination/{conflicted.pk}/").status == 404
    phone.goto(f"{live_server.url}/awards/judging/panel/{category.pk}/")
    phone.get_by_role("link", name="Second Chances Leeds").click()
    for criterion, value in (("Impact", "8"), ("Innovation", "7"), ("Lived experience", "9")):
        phone.get_by_label(f"Score for {criterion.lower()}").fill(value)
    phone.get_by_role("button", name="Save my scores").click()
    expect(phone.get_by_text("Your scores for Second Chances Leeds are saved.")).to_be_visible()
    axe_check(phone)
    assert Score.objects.filter(nomination=nomination).count() == 3

    # Staff shortlist it as the winner and publish the winners.
    page.goto(f"{live_server.url}/awards/staff/categories/{category.pk}/ranking/")
    axe_check(page)
    page.get_by_role("link", name="Second Chances Leeds").click()
    page.get_by_label("Winner").check()
    page.get_by_label("Citation").fill("For keeping young adults out of court.")
    page.get_by_role("button", name="Save the decision").click()
    expect(page.get_by_text("Decision saved.")).to_be_visible()
    page.goto(f"{live_server.url}/awards/staff/cycles/{cycle.pk}/edit/")
    axe_check(page)
    page.get_by_label("Winners published on").fill(days_from_today(0).isoformat())
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Cycle saved.")).to_be_visible()

    page.context.clear_cookies()
    page.goto(f"{live_server.url}/awards/winners/")
    expect(page.get_by_text("For keeping young adults out of court.")).to_be_visible()
    axe_check(page)
    nomination.refresh_from_db()
    assert nomination.winner and nomination.status == NominationStatus.ELIGIBLE
