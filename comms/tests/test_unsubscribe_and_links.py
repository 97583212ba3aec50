"""RFC 8058 one-click unsubscribe, the footer's page, and signed links that are forged,
expired or for an address nobody knows."""

import re

import pytest
from django.core import signing
from django.urls import reverse
from freezegun import freeze_time

from comms.models import ConsentAction, ConsentRecord, Subscription, SubscriptionStatus, Suppression
from comms.services import tokens
from comms.tests.factories import MailingListFactory, SubscriptionFactory

pytestmark = pytest.mark.django_db


def unsubscribe_url(email, mailing_list):
    return reverse(
        "communications:unsubscribe", args=[tokens.make(tokens.UNSUBSCRIBE, email, mailing_list.pk)]
    )


def test_a_one_click_post_unsubscribes_at_once_without_signing_in(client):
    subscription = SubscriptionFactory()
    url = unsubscribe_url(subscription.email, subscription.mailing_list)
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.UNSUBSCRIBED
    assert Suppression.objects.filter(
        email=subscription.email, mailing_list=subscription.mailing_list
    ).exists()
    record = ConsentRecord.objects.get(email=subscription.email)
    assert record.action == ConsentAction.WITHDRAWN
    assert "One-click" in record.source


def test_the_footer_link_shows_a_page_and_its_button_unsubscribes(client):
    subscription = SubscriptionFactory()
    url = unsubscribe_url(subscription.email, subscription.mailing_list)
    page = client.get(url)
    assert b"Unsubscribe" in page.content
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.ACTIVE  # a GET changes nothing
    client.post(url)
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.UNSUBSCRIBED


def test_an_unknown_address_gets_the_same_answer_as_a_known_one(client):
    subscription = SubscriptionFactory()
    mailing_list = subscription.mailing_list
    known = client.post(unsubscribe_url(subscription.email, mailing_list))
    unknown = client.post(unsubscribe_url("nobody@example.org", mailing_list))
    assert known.status_code == unknown.status_code == 200
    # Alike but for the signed preferences link, which is each address's own.
    assert same_page(known.content) == same_page(unknown.content)


def same_page(content: bytes) -> bytes:
    return re.sub(rb"/email/preferences/[^/\"]+/", b"/email/preferences/LINK/", content)


@pytest.mark.parametrize("purpose", ["unsubscribe", "preferences_link", "confirm"])
def test_a_forged_link_is_refused_clearly_and_changes_nothing(client, purpose):
    subscription = SubscriptionFactory()
    good = tokens.make(tokens.UNSUBSCRIBE, subscription.email, subscription.mailing_list.pk)
    forged = good[:-3] + ("aaa" if not good.endswith("aaa") else "bbb")
    response = client.post(reverse(f"communications:{purpose}", args=[forged]))
    assert response.status_code == 400
    assert b"This link is not valid" in response.content
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.ACTIVE


def test_a_link_made_for_one_purpose_does_not_work_for_another(client):
    subscription = SubscriptionFactory()
    preferences = tokens.make(tokens.PREFERENCES, subscription.email)
    response = client.post(reverse("communications:unsubscribe", args=[preferences]))
    assert response.status_code == 400


def test_an_expired_link_says_so(client):
    subscription = SubscriptionFactory()
    with freeze_time("2020-01-01"):
        old = tokens.make(tokens.CONFIRM, subscription.email, subscription.mailing_list.pk)
    response = client.post(reverse("communications:confirm", args=[old]))
    assert response.status_code == 400
    assert b"This link has expired" in response.content


def test_hostile_payloads_inside_a_validly_signed_token_are_refused():
    token = signing.dumps(["not", "a", "dict"], salt=tokens.PREFERENCES)
    with pytest.raises(tokens.LinkRefused):
        tokens.read(tokens.PREFERENCES, token)


def test_unsubscribing_is_for_that_list_only(client):
    subscription = SubscriptionFactory()
    other = SubscriptionFactory(email=subscription.email, mailing_list=MailingListFactory())
    client.post(unsubscribe_url(subscription.email, subscription.mailing_list))
    other.refresh_from_db()
    assert other.status == SubscriptionStatus.ACTIVE
    assert Subscription.objects.get(pk=subscription.pk).status == SubscriptionStatus.UNSUBSCRIBED
