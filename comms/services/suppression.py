"""Who must not get marketing mail: addresses that bounced hard or complained (every list) and
people who unsubscribed (that list). Transactional mail ignores all of it."""

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from comms.models import (
    ConsentAction,
    ConsentRecord,
    Subscription,
    SubscriptionStatus,
    Suppression,
    SuppressionReason,
)

UNSUBSCRIBE_WORDING = "Unsubscribed from this list."


def suppress(email: str, reason: str, mailing_list=None, detail: str = "") -> bool:
    """Record a suppression once; True when it is new."""
    email = email.strip().lower()
    try:
        with transaction.atomic():
            Suppression.objects.create(
                email=email, mailing_list=mailing_list, reason=reason, detail=detail[:300]
            )
    except IntegrityError:
        return False
    return True


def suppressed_among(emails, mailing_list) -> set[str]:
    """Which of `emails` must not get marketing mail on `mailing_list`."""
    emails = [e.lower() for e in emails]
    scope = Q(mailing_list__isnull=True)
    if mailing_list is not None:
        scope |= Q(mailing_list=mailing_list)
    return set(Suppression.objects.filter(scope, email__in=emails).values_list("email", flat=True))


def unsubscribe(email: str, mailing_list, source: str) -> None:
    """Leave `mailing_list` at once and for good. Answers the same whether or not the address
    was ever on it, so nothing can be learned from calling it."""
    email = email.strip().lower()
    with transaction.atomic():
        Subscription.objects.filter(mailing_list=mailing_list, email=email).exclude(
            status=SubscriptionStatus.UNSUBSCRIBED
        ).update(status=SubscriptionStatus.UNSUBSCRIBED, unsubscribed_at=timezone.now())
        if suppress(email, SuppressionReason.UNSUBSCRIBE, mailing_list):
            ConsentRecord.objects.create(
                email=email,
                mailing_list=mailing_list,
                action=ConsentAction.WITHDRAWN,
                source=source,
                wording=UNSUBSCRIBE_WORDING,
            )
