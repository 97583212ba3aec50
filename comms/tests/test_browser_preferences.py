"""A member changes what they get from the link in an email, then leaves a list in one click
from the footer link; axe-core on every page and screenshots at 1280 and 390 px wide
(test-artifacts/comms-send-*.png)."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from comms.models import Audience, Frequency, Subscription, SubscriptionStatus
from comms.services import sending
from comms.tests.factories import MailingListFactory, SubscriptionFactory
from core.tests.browser_support import ARTIFACTS, PHONE, axe_check

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _shoot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"comms-send-{name}.png"), full_page=True)


def _link(body: str, part: str, live_server) -> str:
    url = next(word for word in body.split() if part in word)
    return re.sub(r"^https?://[^/]+", live_server.url, url)


def test_a_member_changes_preferences_from_the_email_and_unsubscribes(page, live_server):
    news = MailingListFactory(name="Policy news", slug="policy-news", audience=Audience.PUBLIC)
    events = MailingListFactory(name="Events in Wales", slug="events-wales")
    SubscriptionFactory(mailing_list=news, email="mina@member.example.org")
    SubscriptionFactory(mailing_list=events, email="mina@member.example.org")
    sending.send_to_list(news, "June policy news", "<p>News.</p>", "News.", key="june")
    [message] = mail.outbox

    page.goto(_link(message.body, "/email/preferences/", live_server))
    expect(page.get_by_role("heading", name="Email preferences")).to_be_visible()
    axe_check(page)
    _shoot(page, "preferences-1280")
    page.set_viewport_size(PHONE)
    _shoot(page, "preferences-390")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.locator(f"#id_frequency_{news.pk}").select_option(Frequency.WEEKLY)
    page.get_by_role("button", name="Save my preferences").click()
    expect(page.get_by_text("Your email preferences are saved.")).to_be_visible()
    assert Subscription.objects.get(mailing_list=news).frequency == Frequency.WEEKLY

    page.goto(_link(message.body, "/email/unsubscribe/", live_server))
    axe_check(page)
    page.get_by_role("button", name="Unsubscribe").click()
    expect(page.get_by_role("heading", name="You are unsubscribed")).to_be_visible()
    axe_check(page)
    _shoot(page, "unsubscribed-1280")
    assert Subscription.objects.get(mailing_list=news).status == SubscriptionStatus.UNSUBSCRIBED
    assert Subscription.objects.get(mailing_list=events).status == SubscriptionStatus.ACTIVE


def test_public_pages_pass_axe(page, live_server):
    MailingListFactory(name="Policy news", slug="policy-news", audience=Audience.PUBLIC)
    for path in ("/email/subscribe/policy-news/", "/email/preferences/link/",
                 "/email/preferences/forged/"):  # fmt: skip
        page.goto(live_server.url + path)
        axe_check(page)
    _shoot(page, "link-refused-1280")
