"""What a provider's report about a message means for the address and the delivery.

- A hard bounce (the mailbox does not exist) or a complaint (marked as spam) suppresses the
  address for every list at once; transactional mail still goes.
- A soft bounce (mailbox full, server busy: SMTP 4xx, "deferred", "SoftBounce",
  "Transient") sends the delivery round again later, up to COMMS_MAX_ATTEMPTS tries.
- An open is recorded on the delivery (its first time) only while the alliance counts opens
  (COMMS_OPEN_COUNTS); otherwise it is dropped, whatever the provider's account sends us.
- Anything else (delivered, clicked) is noted on the delivery only.
- Any report that shows the provider had the message (queued, sent, delivered, opened...)
  settles a delivery left `uncertain` by a crashed worker: it went, and will not be offered
  for sending again.

The delivery is found by the metadata sent with the message (`delivery`), or else by the
provider's message id. Reports about messages we do not know still suppress a hard-bounced
or complaining address: the address is what matters.
"""

import logging

from anymail.signals import EventType
from django.utils import timezone

from comms import conf
from comms.models import Delivery, DeliveryStatus, Mailing, MailingStatus, SuppressionReason
from comms.services import suppression, worker

logger = logging.getLogger(__name__)

# Reports that only come for a message the provider accepted.
WENT_OUT = {
    EventType.QUEUED,
    EventType.SENT,
    EventType.DELIVERED,
    EventType.OPENED,
    EventType.CLICKED,
    EventType.AUTORESPONDED,
}
SOFT_MARKERS = ("softbounce", "transient", "soft_bounce", "soft-bounce", "deferred")


def is_soft(event) -> bool:
    if event.event_type == EventType.DEFERRED:
        return True
    if event.event_type != EventType.BOUNCED:
        return False
    if (event.mta_response or "").strip().startswith("4"):
        return True
    raw = event.esp_event if isinstance(event.esp_event, dict) else {}
    kind = str(raw.get("Type") or raw.get("bounce_classification") or raw.get("type") or "")
    return kind.lower().replace(" ", "") in SOFT_MARKERS


def find_delivery(event) -> Delivery | None:
    delivery_id = (event.metadata or {}).get("delivery")
    if delivery_id and str(delivery_id).isdigit():
        found = Delivery.objects.filter(pk=int(delivery_id)).first()
        if found and (not event.recipient or found.email == event.recipient.lower()):
            return found
    if event.message_id:
        return Delivery.objects.filter(message_id=str(event.message_id)).first()
    return None


def handle(event, esp_name: str = "") -> str:
    """Apply one tracking event; returns what was done (for logs and tests)."""
    recipient = (event.recipient or "").strip().lower()
    delivery = find_delivery(event)
    note = f"{esp_name} {event.event_type}: {event.description or event.mta_response or ''}"
    settled = delivery is not None and event.event_type in WENT_OUT
    settled = settled and settle_uncertain(delivery, note)
    if event.event_type == EventType.COMPLAINED and recipient:
        suppression.suppress(recipient, SuppressionReason.COMPLAINT, detail=note)
        _mark(delivery, DeliveryStatus.COMPLAINED, note)
        return "suppressed: complaint"
    if is_soft(event):
        if delivery is not None:
            retry_later(delivery, note)
            return "retry"
        return "ignored"
    if event.event_type in (EventType.BOUNCED, EventType.REJECTED) and recipient:
        suppression.suppress(recipient, SuppressionReason.HARD_BOUNCE, detail=note)
        _mark(delivery, DeliveryStatus.BOUNCED, note)
        return "suppressed: hard bounce"
    if event.event_type == EventType.OPENED:
        return record_open(delivery, event)
    if settled:
        return "settled: sent"
    if delivery is not None:
        Delivery.objects.filter(pk=delivery.pk).update(last_event=note[:300])
    return "noted"


def record_open(delivery: Delivery | None, event) -> str:
    if not conf.open_counts():
        return "ignored: opens are not counted"
    if delivery is None:
        return "ignored"
    Delivery.objects.filter(pk=delivery.pk, opened_at__isnull=True).update(
        opened_at=event.timestamp or timezone.now()
    )
    return "opened"


def settle_uncertain(delivery: Delivery, note: str) -> bool:
    settled = Delivery.objects.filter(pk=delivery.pk, status=DeliveryStatus.UNCERTAIN).update(
        status=DeliveryStatus.SENT, last_event=f"Confirmed by the provider: {note}"[:300]
    )
    if settled:
        delivery.status = DeliveryStatus.SENT
        worker.record_progress(delivery.mailing, heartbeat=False)
    return bool(settled)


def _mark(delivery: Delivery | None, status: str, note: str) -> None:
    if delivery is not None:
        Delivery.objects.filter(pk=delivery.pk).update(status=status, last_event=note[:300])


def retry_later(delivery: Delivery, note: str) -> None:
    """Put the delivery back in the queue after a delay (or fail it after the last try), and
    make sure its mailing will run again."""
    worker.defer(delivery, note)
    delivery.refresh_from_db()
    if delivery.status != DeliveryStatus.DEFERRED:
        return
    waiting = Mailing.objects.filter(pk=delivery.mailing_id, status=MailingStatus.DONE)
    if waiting.update(status=MailingStatus.QUEUED, finished_at=None):
        worker.schedule_retry(delivery.mailing_id, delivery.next_attempt_at)
