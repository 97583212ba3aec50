"""Registration in a real browser: a member registers and the event fills, a second person
joins the waitlist, the first cancels from the link in their email, and the second is
offered the place and takes it. axe-core checks every page on the way."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from core.tests.browser_support import axe_check, log_in
from core.tests.factories import UserFactory
from events.models import Registration, RegistrationStatus
from events.tests.factories import EventFactory, QuestionFactory
from members.tests.factories import AffiliationFactory, NetworkFactory, OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _member(email, network):
    user = UserFactory(email=email, name=email.split("@")[0].title())
    AffiliationFactory(
        person__user=user,
        person__email=email,
        organisation=OrganisationFactory(networks=[network]),
    )
    return user


def _link_in(email, name):
    message = next(m for m in reversed(mail.outbox) if m.to == [email] and f"/{name}/" in m.body)
    return "/" + re.search(rf"https?://[^/\s]+/(events/\S+/{name}/\S+/)", message.body).group(1)


def test_register_fill_waitlist_cancel_from_email_and_promotion(page, live_server):
    network = NetworkFactory()
    event = EventFactory(title="Spring member forum", capacity=1, networks=[network])
    QuestionFactory(event=event, text="Access needs", sensitive=True)
    first, second = _member("first@example.org", network), _member("second@example.org", network)

    log_in(page, live_server.url, first.email)
    page.goto(f"{live_server.url}/events/")
    axe_check(page)
    page.get_by_role("link", name="Spring member forum").click()
    expect(page.get_by_text("1 of 1 left")).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="Register", exact=True).click()
    axe_check(page)
    page.get_by_label("Access needs").fill("Step-free route please")
    page.get_by_label(re.compile("I agree")).check()
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_text("Your place is confirmed")).to_be_visible()
    expect(page.get_by_text("Full: you can join the waitlist")).to_be_visible()
    axe_check(page)

    page.context.clear_cookies()
    log_in(page, live_server.url, second.email)
    page.goto(f"{live_server.url}{event.get_absolute_url()}")
    page.get_by_role("link", name="Join the waitlist").click()
    page.get_by_label(re.compile("I agree")).check()
    page.get_by_role("button", name="Join the waitlist").click()
    expect(page.get_by_text("you are on the waitlist")).to_be_visible()

    # The first person cancels from their confirmation email, signed out.
    page.context.clear_cookies()
    page.goto(live_server.url + _link_in(first.email, "cancel"))
    axe_check(page)
    page.get_by_role("button", name="Cancel my registration").click()
    expect(page.get_by_text("Your registration is cancelled.")).to_be_visible()

    # The second is offered the place, held for them, and takes it from their email.
    promoted = Registration.objects.get(email=second.email)
    assert promoted.status == RegistrationStatus.OFFERED
    page.goto(live_server.url + _link_in(second.email, "accept"))
    axe_check(page)
    page.get_by_role("button", name="Take the place").click()
    expect(page.get_by_text("The place is yours")).to_be_visible()
    promoted.refresh_from_db()
    assert promoted.status == RegistrationStatus.CONFIRMED


def test_month_view_and_staff_check_in_on_a_phone(phone_page, live_server):
    from core.tests.factories import StaffFactory

    staff = StaffFactory(email="staff@example.org")
    event = EventFactory(title="Autumn webinar")
    Registration.objects.create(
        event=event, name="Priya Shah", email="priya@example.org", status="confirmed"
    )
    Registration.objects.create(
        event=event, name="Tom Reed", email="tom@example.org", status="confirmed"
    )
    page = phone_page
    page.goto(f"{live_server.url}/events/month/?m={event.starts_at:%Y-%m}")
    expect(page.get_by_role("link", name=re.compile("Autumn webinar"))).to_be_visible()
    axe_check(page)
    log_in(page, live_server.url, staff.email)
    page.goto(f"{live_server.url}/events/staff/{event.slug}/check-in/")
    axe_check(page)
    page.get_by_label("Name, email or organisation").fill("pri")
    expect(page.get_by_role("button", name="Check in Tom Reed")).to_have_count(0)
    page.get_by_role("button", name="Check in Priya Shah").click()
    expect(page.get_by_text(re.compile("Checked in"))).to_be_visible()
    assert Registration.objects.get(email="priya@example.org").checked_in_at is not None
