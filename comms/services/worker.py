"""The background send: batches of deliveries, at a steady rate, resumable after a crash.

Each delivery moves pending → sending → sent, each step committed on its own:

- `sending` is written (committed) before the message is handed to the mail server, `sent`
  right after the server accepts it. A worker killed between the two leaves one row in
  `sending`: whether that message left is unknown. A resumed send marks it `uncertain` and
  never sends it again by itself, so nobody gets a message twice. Neither SMTP nor the
  providers anymail supports take an idempotency key that would let us simply try again, so:
  a provider that had it reports it (delivered, opened...) and that settles it as sent
  (comms.services.bounces); the rest staff see on the mailing's page and may choose to send
  again, knowing some may get it twice (comms.services.outcomes). Each copy of a delivery
  carries the same Message-ID, which some mail systems use to keep only one.
- Everything still `pending` when a worker dies is sent by the resumed run, so nothing else
  is lost. A run takes the mailing with a conditional UPDATE (queued → running, or running
  with a heartbeat older than COMMS_STALE_AFTER_SECONDS), so only one worker sends at a time.
- A soft failure (the server said "try later", a connection refused) defers the delivery
  with a growing delay, up to COMMS_MAX_ATTEMPTS tries; marketing mail is checked against
  suppressions just before it is sent, so an unsubscribe during a long send is obeyed.
"""

import datetime
import logging
import smtplib
import time

from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone
from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend

from comms import conf
from comms.models import Delivery, DeliveryStatus, Mailing, MailingStatus
from comms.services import render, retry, suppression

logger = logging.getLogger(__name__)

RETRY_DELAYS_MINUTES = (5, 30, 120, 480)


@task()
def send_mailing(mailing_id: int) -> str:
    return run(mailing_id)


def enqueue(mailing: Mailing) -> None:
    """Queue the send once the caller's transaction commits, so a worker elsewhere finds the
    mailing's rows (the immediate backend, in tests, runs here and sees them at once). If the
    queue refuses, the mailing says so instead of waiting forever."""
    if isinstance(send_mailing.get_backend(), ImmediateBackend):
        run(mailing.pk, here=True)
    else:
        transaction.on_commit(lambda: _enqueue(mailing.pk))


def _enqueue(mailing_id: int) -> None:
    try:
        send_mailing.enqueue(mailing_id)
    except Exception:
        Mailing.objects.filter(pk=mailing_id).update(
            status=MailingStatus.FAILED, error="The send could not be queued. Try again."
        )
        raise


def run_here(mailing_id: int) -> str:
    """Send in this process: the immediate task backend (tests, local use) or code already
    running in the worker. Each step is safe to repeat, so a write that meets SQLite's lock
    held by another connection is tried again (comms.services.retry)."""
    return retry.at_once(lambda: run(mailing_id, here=True))


def claim(mailing_id: int, here: bool = False) -> bool:
    """Take the mailing to send it. `here`: the caller made it in this thread and may take it
    back from its own earlier, interrupted try."""
    now = timezone.now()
    stale = now - datetime.timedelta(seconds=conf.stale_after_seconds())
    takeable = (
        Q(status=MailingStatus.QUEUED)
        | Q(status=MailingStatus.RUNNING, heartbeat_at__lt=stale)
        | Q(status=MailingStatus.RUNNING, heartbeat_at__isnull=True)
    )
    if here:
        takeable |= Q(status__in=[MailingStatus.RUNNING, MailingStatus.FAILED])
    taken = Mailing.objects.filter(pk=mailing_id).filter(takeable)
    if not taken.update(status=MailingStatus.RUNNING, heartbeat_at=now):
        return False
    Mailing.objects.filter(pk=mailing_id, started_at__isnull=True).update(started_at=now)
    # Rows a dead worker left mid-hand-over: they may have gone, so they never go again.
    Delivery.objects.filter(mailing_id=mailing_id, status=DeliveryStatus.SENDING).update(
        status=DeliveryStatus.UNCERTAIN, last_event="The sender stopped while handing it over."
    )
    return True


def run(mailing_id: int, here: bool = False) -> str:
    if not claim(mailing_id, here):
        return "not claimed"
    mailing = Mailing.objects.select_related("mailing_list").get(pk=mailing_id)
    throttle = Throttle(conf.send_rate())
    try:
        while batch := next_batch(mailing):
            send_batch(mailing, batch, throttle)
            record_progress(mailing)
    except Exception as error:  # a bug or a database failure: stop, say so, keep the rows
        logger.exception("Mailing %s stopped", mailing_id)
        try:
            record_progress(mailing)
            Mailing.objects.filter(pk=mailing_id).update(
                status=MailingStatus.FAILED, error=f"Sending stopped: {error}"[:1000]
            )
        except Exception:  # noqa: BLE001  the database itself failed; the first error goes up
            logger.exception("Mailing %s: could not record the stop", mailing_id)
        raise
    return finish(mailing)


def next_batch(mailing: Mailing) -> list[Delivery]:
    due = Q(status=DeliveryStatus.PENDING) | Q(
        status=DeliveryStatus.DEFERRED, next_attempt_at__lte=timezone.now()
    )
    deliveries = Delivery.objects.filter(due, mailing=mailing).select_related("variant")
    return list(deliveries.order_by("pk")[: conf.batch_size()])


def send_batch(mailing: Mailing, batch: list[Delivery], throttle: "Throttle") -> None:
    blocked = (
        suppression.suppressed_among([d.email for d in batch], mailing.mailing_list)
        if mailing.is_marketing
        else set()
    )
    connection = get_connection()
    try:
        connection.open()
    except (OSError, smtplib.SMTPException) as error:
        for delivery in batch:
            defer(delivery, f"Could not reach the mail server: {error}")
        return
    try:
        for delivery in batch:
            if delivery.email in blocked:
                mark(delivery, DeliveryStatus.SKIPPED, last_event="Unsubscribed or suppressed.")
                continue
            throttle.wait()
            send_one(mailing, delivery, connection)
    finally:
        connection.close()


def send_one(mailing: Mailing, delivery: Delivery, connection) -> None:
    message = render.build(mailing, delivery)
    taken = Delivery.objects.filter(pk=delivery.pk, status=delivery.status).update(
        status=DeliveryStatus.SENDING, attempts=F("attempts") + 1
    )
    if not taken:
        return
    delivery.attempts += 1
    try:
        connection.send_messages([message])
    except smtplib.SMTPRecipientsRefused as error:
        mark(delivery, DeliveryStatus.FAILED, last_event=f"Refused: {error}"[:300])
        return
    except (OSError, smtplib.SMTPException) as error:
        defer(delivery, str(error))
        return
    status = getattr(message, "anymail_status", None)
    provider_id = getattr(status, "message_id", None) if status else None
    mark(
        delivery,
        DeliveryStatus.SENT,
        sent_at=timezone.now(),
        message_id=str(provider_id or message.extra_headers["Message-ID"])[:300],
    )


def mark(delivery: Delivery, status: str, **fields) -> None:
    Delivery.objects.filter(pk=delivery.pk).update(status=status, **fields)


def defer(delivery: Delivery, reason: str) -> None:
    """Try again later, or give up after COMMS_MAX_ATTEMPTS tries."""
    attempts = max(delivery.attempts, 1)
    if attempts >= conf.max_attempts():
        mark(delivery, DeliveryStatus.FAILED, last_event=f"Gave up: {reason}"[:300])
        return
    delay = RETRY_DELAYS_MINUTES[min(attempts, len(RETRY_DELAYS_MINUTES)) - 1]
    mark(
        delivery,
        DeliveryStatus.DEFERRED,
        attempts=attempts,
        next_attempt_at=timezone.now() + datetime.timedelta(minutes=delay),
        last_event=reason[:300],
    )


def record_progress(mailing: Mailing, heartbeat: bool = True) -> None:
    """The mailing's counts from its deliveries; `heartbeat` also says the worker lives (not
    when a provider's report changed a count)."""
    counts = dict(
        Delivery.objects.filter(mailing=mailing)
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    fields = {
        "sent_count": counts.get(DeliveryStatus.SENT, 0)
        + counts.get(DeliveryStatus.BOUNCED, 0)
        + counts.get(DeliveryStatus.COMPLAINED, 0),
        "skipped_count": counts.get(DeliveryStatus.SKIPPED, 0),
        "failed_count": counts.get(DeliveryStatus.FAILED, 0)
        + counts.get(DeliveryStatus.UNCERTAIN, 0),
    }
    if heartbeat:
        fields["heartbeat_at"] = timezone.now()
    Mailing.objects.filter(pk=mailing.pk).update(**fields)
    for name, value in fields.items():
        setattr(mailing, name, value)


def finish(mailing: Mailing) -> str:
    """Done, unless deliveries wait for a retry: then the send is queued again for the
    earliest of them (when the task backend can run work later; else `resume_mailings`)."""
    waiting = Delivery.objects.filter(mailing=mailing, status=DeliveryStatus.DEFERRED)
    next_try = waiting.order_by("next_attempt_at").values_list("next_attempt_at", flat=True)
    next_try = next_try.first()
    if next_try is None:
        Mailing.objects.filter(pk=mailing.pk).update(
            status=MailingStatus.DONE, finished_at=timezone.now()
        )
        return "done"
    Mailing.objects.filter(pk=mailing.pk).update(status=MailingStatus.QUEUED)
    schedule_retry(mailing.pk, next_try)
    return "retry later"


def schedule_retry(mailing_id: int, when) -> None:
    """Run the send again at `when`, if the task backend can wait; otherwise
    `manage.py resume_mailings` (run on a timer) picks it up once it is due."""
    if send_mailing.get_backend().supports_defer:
        transaction.on_commit(lambda: send_mailing.using(run_after=when).enqueue(mailing_id))


def resume_stalled() -> list[int]:
    """Queue again every send whose worker died (heartbeat too old) or whose retries are due.
    Run by `manage.py resume_mailings` (on a timer, or after a restart)."""
    stale = timezone.now() - datetime.timedelta(seconds=conf.stale_after_seconds())
    found = list(
        Mailing.objects.filter(
            Q(status=MailingStatus.RUNNING, heartbeat_at__lt=stale)
            | Q(
                status=MailingStatus.QUEUED,
                deliveries__status=DeliveryStatus.DEFERRED,
                deliveries__next_attempt_at__lte=timezone.now(),
            )
        )
        .distinct()
        .values_list("pk", flat=True)
    )
    for mailing_id in found:
        send_mailing.enqueue(mailing_id)
    return found


class Throttle:
    """Keeps to `rate` messages a second on average, sleeping only when ahead of it."""

    def __init__(self, rate: float):
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self.next_at = time.monotonic()

    def wait(self) -> None:
        now = time.monotonic()
        if self.next_at > now:
            time.sleep(self.next_at - now)
        self.next_at = max(self.next_at, now) + self.interval
