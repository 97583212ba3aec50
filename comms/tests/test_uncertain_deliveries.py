"""Recipients a crashed worker left "uncertain" (the message may or may not have left):
never resent by themselves; settled as sent when the provider reports the message; shown to
staff on the mailing's page, who may send to exactly those recipients, knowingly, once."""

import pytest
from anymail.signals import AnymailTrackingEvent, EventType, tracking
from django.core import mail
from django.test import Client
from django.urls import reverse

from comms.models import Delivery, DeliveryStatus, Mailing, MailingStatus
from comms.services import render, sending
from comms.tests.factories import MailingListFactory, SubscriptionFactory
from core.tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client():
    client = Client()
    client.force_login(StaffFactory(email="officer@example.org"))
    return client


@pytest.fixture
def crashed():
    """A finished send in which two copies were caught mid-hand-over by a crash."""
    mailing_list = MailingListFactory()
    for n in range(4):
        SubscriptionFactory(mailing_list=mailing_list, email=f"p{n}@example.org")
    mailing = sending.send_to_list(mailing_list, "News", "<p>News</p>", "News", key="news")
    Delivery.objects.filter(mailing=mailing, email__in=["p1@example.org", "p3@example.org"]).update(
        status=DeliveryStatus.UNCERTAIN, message_id=""
    )
    mail.outbox.clear()
    return mailing


def _page(client, mailing) -> str:
    return client.get(reverse("communications:mailing", args=[mailing.pk])).content.decode()


def _resend(client, mailing, expected):
    url = reverse("communications:resend_uncertain", args=[mailing.pk])
    return client.post(url, {"expected": str(expected)}, follow=True)


def test_every_copy_of_one_delivery_has_the_same_message_id(crashed):
    delivery = crashed.deliveries.first()
    first = render.build(crashed, delivery).extra_headers["Message-ID"]
    assert first == render.build(crashed, delivery).extra_headers["Message-ID"]
    other = crashed.deliveries.exclude(pk=delivery.pk).first()
    assert first != render.build(crashed, other).extra_headers["Message-ID"]


def test_staff_see_who_is_uncertain_and_send_to_exactly_them_once(crashed, staff_client):
    page = _page(staff_client, crashed)
    assert "Uncertain: 2 recipients" in page
    assert "p1@example.org" in page and "p3@example.org" in page
    assert "Send to the 2 uncertain recipients" in page
    assert "will get the email twice" in page

    answer = _resend(staff_client, crashed, 2).content.decode()
    assert "Sending again to 2 uncertain recipients." in answer
    assert sorted(m.to[0] for m in mail.outbox) == ["p1@example.org", "p3@example.org"]
    assert set(crashed.deliveries.values_list("status", flat=True)) == {DeliveryStatus.SENT}
    resent = crashed.deliveries.get(email="p1@example.org")
    assert "Sent again by officer@example.org" in resent.last_event
    crashed.refresh_from_db()
    assert (crashed.status, crashed.sent_count, crashed.failed_count) == ("done", 4, 0)

    again = _resend(staff_client, crashed, 2).content.decode()
    assert "No recipient of this mailing is uncertain any more." in again
    assert len(mail.outbox) == 2
    assert "Uncertain:" not in _page(staff_client, crashed)


def test_a_changed_count_or_a_send_still_running_is_refused_and_sends_nothing(
    crashed, staff_client
):
    answer = _resend(staff_client, crashed, 3).content.decode()
    assert "changed to 2 since the page was shown" in answer
    Mailing.objects.filter(pk=crashed.pk).update(status=MailingStatus.RUNNING)
    answer = _resend(staff_client, crashed, 2).content.decode()
    assert "still being sent" in answer
    assert mail.outbox == []
    assert crashed.deliveries.filter(status=DeliveryStatus.UNCERTAIN).count() == 2


def test_a_forged_count_is_refused(crashed, staff_client):
    answer = _resend(staff_client, crashed, "two").content.decode()
    assert "out of date" in answer and mail.outbox == []


def test_a_provider_report_settles_an_uncertain_delivery_as_sent(crashed, staff_client):
    delivery = crashed.deliveries.get(email="p1@example.org")
    event = AnymailTrackingEvent(
        event_type=EventType.DELIVERED,
        recipient="p1@example.org",
        metadata={"delivery": str(delivery.pk)},
    )
    tracking.send(sender=object, event=event, esp_name="Postmark")
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SENT
    assert "Confirmed by the provider" in delivery.last_event
    page = _page(staff_client, crashed)
    assert "Uncertain: 1 recipient" in page and "p1@example.org" not in page
    crashed.refresh_from_db()
    assert (crashed.sent_count, crashed.failed_count) == (3, 1)


def test_members_cannot_send_again(crashed, client):
    from core.tests.factories import UserFactory

    client.force_login(UserFactory())
    response = client.post(reverse("communications:resend_uncertain", args=[crashed.pk]),
                           {"expected": "2"})  # fmt: skip
    assert response.status_code == 403
    assert mail.outbox == []
