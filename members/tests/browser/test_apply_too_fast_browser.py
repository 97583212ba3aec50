"""A quick applicant (or one whose browser filled the form in) is not thrown out: the form
comes back with every answer kept and says what to do, and sending it again works.

It used to answer with a bare 400 page and nothing kept."""

import re

import pytest
from playwright.sync_api import expect

from members.models import MembershipApplication
from members.tests.factories import NetworkFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_form_sent_too_fast_keeps_its_answers_and_goes_through_when_sent_again(page, live_server):
    NetworkFactory(name="Youth Justice Network", short_name="YJN", slug="yjn")
    page.goto(f"{live_server.url}/members/apply/")
    page.get_by_label("Name of your organisation").fill("New Leaf Mentoring")
    page.get_by_label("Type of organisation").select_option(label="Grassroots or community group")
    page.get_by_label("What your organisation does").fill("Peer mentoring for young adults.")
    page.get_by_label("Youth justice", exact=True).check()
    page.get_by_label("Your full name").fill("Ada Applicant")
    page.get_by_label("Your email address").fill("ada@newleaf.example.org")
    page.get_by_label("Youth Justice Network", exact=True).check()
    page.get_by_label(re.compile(r"^I agree that")).check()
    page.get_by_role("button", name="Send application").click()  # at once

    expect(page.get_by_text("sent within seconds of opening")).to_be_visible()
    expect(page.get_by_label("Name of your organisation")).to_have_value("New Leaf Mentoring")
    expect(page.get_by_label("Your email address")).to_have_value("ada@newleaf.example.org")
    expect(page.get_by_label("Youth Justice Network", exact=True)).to_be_checked()
    assert MembershipApplication.objects.count() == 0

    page.wait_for_timeout(3_500)  # a person reading the message
    page.get_by_role("button", name="Send application").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("your application has been sent")
    assert MembershipApplication.objects.get().organisation_name == "New Leaf Mentoring"
