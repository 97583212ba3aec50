"""What became of a mailing, for its staff page: opens (only while the alliance counts them),
and the recipients a crashed worker left `uncertain`, which staff may choose to send again."""

from django.db import transaction

from comms import conf
from comms.models import Delivery, DeliveryStatus, Mailing, MailingStatus
from comms.services import retry, worker

# Addresses listed on the page, at most; the count is always exact.
SHOWN = 50


class ResendRefused(Exception):
    """Why nothing was sent again, in words for staff."""


def opened_count(mailing: Mailing) -> int | None:
    """How many recipients opened it, by the provider's reports; None while opens are not
    counted (the page then says nothing about opens at all)."""
    if not (mailing.is_marketing and conf.open_counts()):
        return None
    return Delivery.objects.filter(mailing=mailing, opened_at__isnull=False).count()


def uncertain(mailing: Mailing):
    """Deliveries caught mid-hand-over by a crash that no provider report has settled."""
    return Delivery.objects.filter(mailing=mailing, status=DeliveryStatus.UNCERTAIN)


def resend_uncertain(mailing: Mailing, user, expected: int) -> int:
    """Send the mailing again to its uncertain recipients, as the staff member `user` chose
    on seeing `expected` of them (some may get it twice; the page says so). Refused while the
    mailing is still being sent, or when the number changed since the page was shown (a
    provider's report settled some), so what is sent is what staff agreed to. Returns how
    many were queued again."""

    def requeue():
        with transaction.atomic():
            waiting = uncertain(mailing)
            count = waiting.count()
            if count == 0:
                raise ResendRefused("No recipient of this mailing is uncertain any more.")
            if count != expected:
                raise ResendRefused(
                    f"The number of uncertain recipients changed to {count} since the page "
                    "was shown; check it and press again if you still want to send."
                )
            reopened = Mailing.objects.filter(
                pk=mailing.pk, status__in=[MailingStatus.DONE, MailingStatus.FAILED]
            ).update(status=MailingStatus.QUEUED, finished_at=None, error="")
            if not reopened:
                raise ResendRefused("This mailing is still being sent; wait until it ends.")
            who = getattr(user, "email", "") or "staff"
            waiting.update(
                status=DeliveryStatus.PENDING,
                last_event=f"Sent again by {who}: unknown whether the first copy left."[:300],
            )
            worker.record_progress(mailing, heartbeat=False)
            worker.enqueue(mailing)
            return count

    return retry.at_once(requeue)
