"""Email alerts for saved filters: confirmed, sent once per listing, unsubscribed."""

import datetime

import pytest
from django.core import mail
from django.http import QueryDict
from django.utils import timezone

from core.tests.factories import UserFactory
from opportunities.models import Alert, CheckLevel
from opportunities.services import alerts
from opportunities.tests.factories import OpportunityFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _set_up(client, **data):
    payload = {"email": "seeker@example.org", "filters": "check=basic", "consent": "on"}
    payload.update(data)
    return client.post("/opportunities/alerts/", payload, secure=True)


def test_a_visitor_confirms_then_gets_new_matches_once_and_can_unsubscribe(client):
    _set_up(client)
    alert = Alert.objects.get()
    assert alert.confirmed_at is None and alert.description == "Criminal record check: Basic check"
    assert "/alerts/confirm/" in mail.outbox[0].body
    OpportunityFactory(title="Early role", check_level=CheckLevel.BASIC)
    assert alerts.send_due("https://example.org") == 0  # not confirmed yet
    client.get(f"/opportunities/alerts/confirm/{alert.token}/", secure=True)
    alert.refresh_from_db()
    assert alert.confirmed_at
    later = timezone.now() + datetime.timedelta(seconds=1)
    OpportunityFactory(title="Basic role", check_level=CheckLevel.BASIC, published_at=later)
    OpportunityFactory(title="Enhanced role", check_level=CheckLevel.ENHANCED, published_at=later)
    mail.outbox.clear()
    assert alerts.send_due("https://example.org", now=later) == 1
    body = mail.outbox[0].body
    assert "Basic role" in body and "Enhanced role" not in body and "Early role" not in body
    assert f"/alerts/unsubscribe/{alert.token}/" in body
    assert alerts.send_due("https://example.org", now=later) == 0  # nothing sent twice
    client.post(f"/opportunities/alerts/unsubscribe/{alert.token}/", secure=True)
    assert not Alert.objects.exists()


def test_a_signed_in_persons_own_address_needs_no_confirming(client):
    user = UserFactory(email="me@example.org")
    client.force_login(user)
    _set_up(client, email="me@example.org")
    assert Alert.objects.get().confirmed_at and not mail.outbox


@pytest.mark.parametrize(
    "data", [{"email": "not-an-address"}, {"consent": ""}, {"email": "x" * 300 + "@a.org"}]
)
def test_bad_alert_requests_change_nothing(client, data):
    _set_up(client, **data)
    assert not Alert.objects.exists()


def test_the_same_alert_twice_is_one_alert(client):
    _set_up(client)
    _set_up(client)
    assert Alert.objects.count() == 1


def test_the_honeypot_and_the_rate_limit_stop_bots(client):
    _set_up(client, website="http://spam.example")
    assert not Alert.objects.exists()
    for n in range(12):
        _set_up(client, email=f"bot{n}@example.org")
    assert Alert.objects.count() == 10


def test_saved_filters_keep_only_real_filters():
    filters, words = alerts.saved_filters(QueryDict("check=basic&page=3&evil=1&kind=nope"))
    assert filters == "check=basic"
