"""Making a Mailing and its Delivery rows, once per key.

The deliveries are written before anything is sent, in chunks, with conflicts ignored: asking
again with the same key, or a queueing step that crashed half-way and is run again, adds only
the rows that are missing and never a second row for anyone.
"""

import uuid

from django.db import IntegrityError, transaction

from comms.models import Delivery, MailClass, Mailing, MailingList, MailingStatus
from comms.services import audiences

CHUNK = 2000


def make_mailing(*, key: str, **fields) -> tuple[Mailing, bool]:
    """The mailing for `key`, made now or found; True when made now."""
    try:
        with transaction.atomic():
            return Mailing.objects.create(key=key, **fields), True
    except IntegrityError:
        return Mailing.objects.get(key=key), False


def add_deliveries(mailing: Mailing, recipients) -> int:
    """Write a delivery per (email, person id), skipping anyone already there. Returns the
    total the mailing now has."""
    chunk: list[Delivery] = []
    for email, person_id in recipients:
        chunk.append(Delivery(mailing=mailing, email=email.strip().lower(), person_id=person_id))
        if len(chunk) >= CHUNK:
            Delivery.objects.bulk_create(chunk, ignore_conflicts=True)
            chunk = []
    if chunk:
        Delivery.objects.bulk_create(chunk, ignore_conflicts=True)
    total = Delivery.objects.filter(mailing=mailing).count()
    Mailing.objects.filter(pk=mailing.pk).update(total=total)
    mailing.total = total
    return total


def list_mailing(
    mailing_list: MailingList,
    subject: str,
    html: str,
    text: str,
    *,
    key: str,
    sender=None,
    kind: str = "comms.list",
    frequencies=None,
    topics=None,
    organisations: bool = True,
) -> tuple[Mailing, bool]:
    mailing, made = make_mailing(
        key=key,
        mailing_list=mailing_list,
        mail_class=MailClass.MARKETING,
        kind=kind,
        subject=subject,
        html=html,
        text=text,
        sender=sender,
    )
    if mailing.status == MailingStatus.QUEUED:
        add_deliveries(
            mailing,
            audiences.recipients(
                mailing_list, frequencies=frequencies, topics=topics, organisations=organisations
            ),
        )
    return mailing, made


def direct_mailing(
    recipients: list[str],
    subject: str,
    text: str,
    *,
    mail_class: str,
    kind: str,
    html: str = "",
    attachments=None,
    mailing_list: MailingList | None = None,
    sender=None,
    key: str | None = None,
) -> tuple[Mailing, bool]:
    if mail_class not in MailClass.values:
        raise ValueError(f"mail_class must be one of {MailClass.values}, not {mail_class!r}")
    if mail_class == MailClass.MARKETING and mailing_list is None:
        raise ValueError("Marketing mail needs the list people can unsubscribe from.")
    mailing, made = make_mailing(
        key=key or f"{kind}:{uuid.uuid4()}",
        mailing_list=mailing_list,
        mail_class=mail_class,
        kind=kind,
        subject=subject[:300],
        html=html,
        text=text,
        attachments=[list(a) for a in attachments or ()],
        sender=sender,
    )
    # Still queued: made now, or by an earlier try that stopped before its deliveries were all
    # written (adding them again writes only the missing ones).
    waiting = made or mailing.status == MailingStatus.QUEUED
    if waiting:
        add_deliveries(mailing, ((email, None) for email in recipients if email))
    return mailing, waiting
