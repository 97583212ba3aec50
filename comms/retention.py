"""How long comms keeps delivery records and unconfirmed sign-ups."""

import datetime

from core.registries import retention
from core.registries.retention import RetentionRule

DELIVERY_DAYS = 730
UNCONFIRMED_DAYS = 30


def old_deliveries(now, dry_run: bool) -> int:
    from comms.models import Delivery

    found = Delivery.objects.filter(
        mailing__created_at__lt=now - datetime.timedelta(days=DELIVERY_DAYS)
    )
    return found.count() if dry_run else found.delete()[0]


def unconfirmed_signups(now, dry_run: bool) -> int:
    from comms.models import Subscription, SubscriptionStatus

    found = Subscription.objects.filter(
        status=SubscriptionStatus.PENDING,
        created_at__lt=now - datetime.timedelta(days=UNCONFIRMED_DAYS),
    )
    return found.count() if dry_run else found.delete()[0]


retention.register(
    RetentionRule(
        key="comms.deliveries",
        records="Who each email was sent to, and what happened to it",
        kept_for=f"{DELIVERY_DAYS // 365} years after the send",
        then="deleted; the mailing's totals stay",
        apply=old_deliveries,
    )
)
retention.register(
    RetentionRule(
        key="comms.unconfirmed_signups",
        records="Sign-ups to a mailing list never confirmed from the email",
        kept_for=f"{UNCONFIRMED_DAYS} days",
        then="deleted",
        apply=unconfirmed_signups,
    )
)
