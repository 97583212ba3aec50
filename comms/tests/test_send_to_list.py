"""A list send reaches each active subscriber once, skips the suppressed and the unsubscribed,
and a second call with the same key sends nothing more."""

import pytest
from django.core import mail

from comms.models import DeliveryStatus, MailingStatus, SubscriptionStatus, SuppressionReason
from comms.services import sending
from comms.services.suppression import suppress
from comms.tests.factories import MailingListFactory, SubscriptionFactory

pytestmark = pytest.mark.django_db


def test_each_active_subscriber_gets_one_copy():
    mailing_list = MailingListFactory()
    active = SubscriptionFactory.create_batch(3, mailing_list=mailing_list)
    SubscriptionFactory(mailing_list=mailing_list, status=SubscriptionStatus.PENDING)
    SubscriptionFactory(mailing_list=mailing_list, status=SubscriptionStatus.UNSUBSCRIBED)
    bounced = SubscriptionFactory(mailing_list=mailing_list)
    suppress(bounced.email, SuppressionReason.HARD_BOUNCE)

    mailing = sending.send_to_list(mailing_list, "June update", "<p>News</p>", "News", key="june")
    mailing.refresh_from_db()

    assert sorted(m.to[0] for m in mail.outbox) == sorted(s.email for s in active)
    assert mailing.status == MailingStatus.DONE
    assert (mailing.total, mailing.sent_count, mailing.skipped_count) == (4, 3, 1)
    assert mailing.deliveries.get(email=bounced.email).status == DeliveryStatus.SKIPPED

    again = sending.send_to_list(mailing_list, "June update", "<p>News</p>", "News", key="june")
    assert again.pk == mailing.pk
    assert len(mail.outbox) == 3


def test_a_list_with_no_recipients_finishes_with_nothing_sent():
    mailing = sending.send_to_list(MailingListFactory(), "Empty", "", "Nobody", key="empty")
    mailing.refresh_from_db()
    assert mailing.status == MailingStatus.DONE
    assert mailing.total == 0
    assert mail.outbox == []


def test_marketing_mail_needs_a_list_to_leave():
    with pytest.raises(ValueError, match="list"):
        sending.send_message(
            ["a@example.org"], "Hi", "Text", mail_class=sending.MARKETING, kind="x.y"
        )
