"""Provider reports, through anymail's own tools: a real webhook request to anymail's Postmark
tracking view (basic-auth secret checked by anymail), and anymail's tracking signal with its
normalised events. Hard bounces and complaints suppress; soft bounces retry; forged reports
change nothing."""

import base64
import json

import pytest
from anymail.signals import AnymailTrackingEvent, EventType, tracking
from django.core import mail
from django.test import override_settings

from comms.models import DeliveryStatus, MailingStatus, Suppression, SuppressionReason
from comms.services import sending
from comms.tests.factories import MailingListFactory, SubscriptionFactory

pytestmark = pytest.mark.django_db

WEBHOOK = "/email/anymail/postmark/tracking/"
SECRET = "provider:test-webhook-secret"


def auth(secret: str = SECRET) -> dict:
    return {"HTTP_AUTHORIZATION": "Basic " + base64.b64encode(secret.encode()).decode()}


def sent_mailing(*emails):
    mailing_list = MailingListFactory()
    for email in emails:
        SubscriptionFactory(mailing_list=mailing_list, email=email)
    mailing = sending.send_to_list(mailing_list, "News", "<p>News</p>", "News", key="news")
    return mailing_list, mailing


def postmark_bounce(delivery, kind: str = "HardBounce", type_code: int = 1) -> str:
    return json.dumps(
        {
            "RecordType": "Bounce",
            "Type": kind,
            "TypeCode": type_code,
            "ID": 42,
            "MessageID": "0e4c7b0e-postmark",
            "Email": delivery.email,
            "Metadata": {"delivery": str(delivery.pk)},
            "BouncedAt": "2026-06-01T10:00:00Z",
            "Description": "The server was unable to deliver your message",
            "Details": "smtp;550 5.1.1 The email account does not exist",
        }
    )


def test_a_hard_bounce_webhook_suppresses_the_address_everywhere(client):
    _, mailing = sent_mailing("gone@example.org")
    delivery = mailing.deliveries.get()
    response = client.post(
        WEBHOOK, postmark_bounce(delivery), content_type="application/json", **auth()
    )
    assert response.status_code == 200
    suppression = Suppression.objects.get(email="gone@example.org")
    assert (suppression.reason, suppression.mailing_list) == (SuppressionReason.HARD_BOUNCE, None)
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.BOUNCED


def test_a_report_without_the_secret_is_refused_and_changes_nothing(client):
    _, mailing = sent_mailing("gone@example.org")
    body = postmark_bounce(mailing.deliveries.get())
    forged = client.post(WEBHOOK, body, content_type="application/json", **auth("provider:guessed"))
    unsigned = client.post(WEBHOOK, body, content_type="application/json")
    assert forged.status_code == 400 and unsigned.status_code == 400
    assert not Suppression.objects.exists()


def test_a_complaint_suppresses_and_later_marketing_skips_the_address():
    mailing_list, mailing = sent_mailing("cross@example.org", "happy@example.org")
    delivery = mailing.deliveries.get(email="cross@example.org")
    event = AnymailTrackingEvent(
        event_type=EventType.COMPLAINED,
        recipient="cross@example.org",
        metadata={"delivery": str(delivery.pk)},
    )
    tracking.send(sender=object, event=event, esp_name="TestESP")
    assert Suppression.objects.filter(
        email="cross@example.org", reason=SuppressionReason.COMPLAINT
    ).exists()

    mail.outbox.clear()
    sending.send_to_list(mailing_list, "More news", "", "More", key="more")
    assert [m.to for m in mail.outbox] == [["happy@example.org"]]


@override_settings(EMAIL_BACKEND="anymail.backends.test.EmailBackend")
def test_a_soft_bounce_sends_the_delivery_again_later(client):
    from django.utils import timezone

    from comms.services import worker

    _, mailing = sent_mailing("full@example.org")
    delivery = mailing.deliveries.get()
    assert delivery.status == DeliveryStatus.SENT
    # anymail's test backend reports the provider's message id, which webhooks refer to.
    assert delivery.message_id

    response = client.post(
        WEBHOOK,
        postmark_bounce(delivery, kind="SoftBounce", type_code=4096),
        content_type="application/json",
        **auth(),
    )
    assert response.status_code == 200
    delivery.refresh_from_db()
    mailing.refresh_from_db()
    assert delivery.status == DeliveryStatus.DEFERRED
    assert mailing.status == MailingStatus.QUEUED
    assert not Suppression.objects.exists()

    type(delivery).objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
    worker.run_here(mailing.pk)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.SENT, 2)
    assert len(mail.outbox) == 2
