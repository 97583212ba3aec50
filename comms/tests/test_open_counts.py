"""Open counts (issue 16 §3): off by default, with nothing asked of the provider and nothing
recorded; turned on, marketing mail asks the provider to count opens through anymail's
esp-neutral `track_opens`, the footer says so, the provider's "opened" reports (a real request
to anymail's Postmark tracking webhook) are recorded on the delivery once, and the mailing's
staff page shows the count. Transactional mail is never counted."""

import json

import pytest
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse

from comms.models import Delivery
from comms.services import sending
from comms.tests.factories import MailingListFactory, SubscriptionFactory
from comms.tests.test_bounces_and_complaints import WEBHOOK, auth
from core.tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

ANYMAIL_TEST_BACKEND = "anymail.backends.test.EmailBackend"
COUNTING = override_settings(EMAIL_BACKEND=ANYMAIL_TEST_BACKEND, COMMS_OPEN_COUNTS=True)
NOT_COUNTING = override_settings(EMAIL_BACKEND=ANYMAIL_TEST_BACKEND, COMMS_OPEN_COUNTS=False)


@pytest.fixture
def staff_client():
    """Signed in apart from `client`, which plays the provider."""
    staff = Client()
    staff.force_login(StaffFactory())
    return staff


def _send_news():
    mailing_list = MailingListFactory()
    SubscriptionFactory(mailing_list=mailing_list, email="reader@example.org")
    return sending.send_to_list(mailing_list, "News", "<p>News</p>", "News", key="news")


def _opened_report(delivery) -> str:
    return json.dumps(
        {
            "RecordType": "Open",
            "MessageID": delivery.message_id or "unknown",
            "Recipient": delivery.email,
            "ReceivedAt": "2026-06-01T10:00:00Z",
            "Metadata": {"delivery": str(delivery.pk)},
        }
    )


@NOT_COUNTING
def test_off_by_default_nothing_is_asked_shown_or_recorded(client, staff_client):
    mailing = _send_news()
    (message,) = mail.outbox
    assert "track_opens" not in message.anymail_test_params
    assert "open this email" not in message.body
    assert "open this email" not in message.alternatives[0][0]
    delivery = mailing.deliveries.get()
    response = client.post(WEBHOOK, _opened_report(delivery), content_type="application/json",
                           **auth())  # fmt: skip
    assert response.status_code == 200
    delivery.refresh_from_db()
    assert delivery.opened_at is None
    page = staff_client.get(reverse("communications:mailing", args=[mailing.pk]))
    assert "Opened by" not in page.content.decode()


@COUNTING
def test_turned_on_opens_are_asked_for_said_recorded_once_and_counted(client, staff_client):
    mailing = _send_news()
    (message,) = mail.outbox
    assert message.anymail_test_params["track_opens"] is True
    assert "track_clicks" not in message.anymail_test_params  # links are never rewritten
    assert "We count how many people open this email" in message.body
    assert "We count how many people open this email" in message.alternatives[0][0]
    delivery = mailing.deliveries.get()
    for _ in range(2):  # a second open is the same person: counted once
        response = client.post(WEBHOOK, _opened_report(delivery),
                               content_type="application/json", **auth())  # fmt: skip
        assert response.status_code == 200
    delivery.refresh_from_db()
    assert delivery.opened_at is not None
    assert Delivery.objects.filter(opened_at__isnull=False).count() == 1
    page = staff_client.get(reverse("communications:mailing", args=[mailing.pk]))
    assert "Opened by 1 of the 1 sent" in page.content.decode()


@COUNTING
def test_transactional_mail_is_never_counted(staff_client):
    mailing = sending.send_message(
        ["someone@example.org"], "Reset", "Your link",
        mail_class=sending.TRANSACTIONAL, kind="accounts.reset",
    )  # fmt: skip
    (message,) = mail.outbox
    assert "track_opens" not in message.anymail_test_params
    assert "open this email" not in message.body
    page = staff_client.get(reverse("communications:mailing", args=[mailing.pk]))
    assert "Opened by" not in page.content.decode()
