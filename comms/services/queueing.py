"""Making a Mailing and its Delivery rows, once per key.

The deliveries are written before anything is sent, in chunks, with conflicts ignored: asking
again with the same key, or a queueing step that crashed half-way and is run again, adds only
the rows that are missing and never a second row for anyone.

A recipient may get their own version of the message (a `Version`: an update with only the
items on their topics, a round-up of only what they have not had), stored once per distinct
version as a MailingVariant and found again by its key when queueing is run again.
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.db import IntegrityError, transaction

from comms.models import (
    Delivery,
    MailClass,
    Mailing,
    MailingList,
    MailingStatus,
    MailingVariant,
)
from comms.services import audiences
from comms.services import topics as topic_rules

CHUNK = 2000


def make_mailing(*, key: str, **fields) -> tuple[Mailing, bool]:
    """The mailing for `key`, made now or found; True when made now."""
    try:
        with transaction.atomic():
            return Mailing.objects.create(key=key, **fields), True
    except IntegrityError:
        return Mailing.objects.get(key=key), False


@dataclass(frozen=True)
class Version:
    """One recipient's own version of a message; `key` names it among the mailing's."""

    key: str
    subject: str
    html: str
    text: str


# What a version function returns for a recipient who should get nothing at all (every item
# of the update is on topics they did not choose).
NOTHING = Version("", "", "", "")

# Given the topics a subscriber chose (empty: none), their version: None for the message as
# it is, a Version, or NOTHING.
VersionFor = Callable[[frozenset[int]], Version | None]


def variant_id(mailing: Mailing, version: Version | None, made: dict[str, int]) -> int | None:
    """The stored variant for `version` (None: the mailing's own content), made once."""
    if version is None:
        return None
    if version.key not in made:
        variant, _ = MailingVariant.objects.get_or_create(
            mailing=mailing,
            key=version.key[:200],
            defaults={"subject": version.subject[:300], "html": version.html,
                      "text": version.text},
        )  # fmt: skip
        made[version.key] = variant.pk
    return made[version.key]


def add_deliveries(mailing: Mailing, recipients, variant_of: dict[str, int] | None = None) -> int:
    """Write a delivery per (email, person id), skipping anyone already there; `variant_of`
    maps an address to the variant it gets. Returns the total the mailing now has."""
    variant_of = variant_of or {}
    chunk: list[Delivery] = []
    for email, person_id in recipients:
        email = email.strip().lower()
        chunk.append(
            Delivery(
                mailing=mailing, email=email, person_id=person_id, variant_id=variant_of.get(email)
            )
        )
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
    version_for: VersionFor | None = None,
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
    if made and topics:
        mailing.topics.set(topics)
    if mailing.status == MailingStatus.QUEUED:
        recipients = audiences.recipients(
            mailing_list, frequencies=frequencies, topics=topics, organisations=organisations
        )
        variant_of = None
        if version_for is not None:
            recipients, variant_of = _versions(mailing, recipients, version_for)
        add_deliveries(mailing, recipients, variant_of)
    return mailing, made


def _versions(mailing: Mailing, recipients, version_for: VersionFor):
    """The recipients who get something, and the variant of each who gets their own; one
    version worked out per distinct choice of topics."""
    chosen = topic_rules.chosen_by(mailing.mailing_list)
    by_choice: dict[frozenset[int], Version | None] = {}
    made: dict[str, int] = {}
    kept, variant_of = [], {}
    for email, person_id in recipients:
        choice = chosen.get(email, frozenset())
        if choice not in by_choice:
            by_choice[choice] = version_for(choice)
        version = by_choice[choice]
        if version is NOTHING:
            continue
        if version is not None:
            variant_of[email] = variant_id(mailing, version, made)
        kept.append((email, person_id))
    return kept, variant_of


def personal_mailing(
    mailing_list: MailingList,
    subject: str,
    html: str,
    text: str,
    *,
    key: str,
    kind: str,
    recipients: list[tuple[str, int | None, Version | None]],
) -> tuple[Mailing, bool]:
    """A marketing mailing to exactly `recipients`, each with their version (None: the
    mailing's own content). Made once per key: asked again, it adds nobody."""
    mailing, made = make_mailing(
        key=key, mailing_list=mailing_list, mail_class=MailClass.MARKETING, kind=kind,
        subject=subject[:300], html=html, text=text,
    )  # fmt: skip
    if made:
        versions: dict[str, int] = {}
        variant_of = {
            email.lower(): variant_id(mailing, version, versions)
            for email, _, version in recipients
            if version is not None
        }
        add_deliveries(mailing, ((e, p) for e, p, _ in recipients), variant_of)
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
