"""The one way the product sends email (public module: other apps import only this).

Two classes of mail, and every caller says which:

- TRANSACTIONAL: mail a person must get because of something they did or asked for (password
  reset, a registration confirmation, a decision on their application). Always sent.
- MARKETING: everything else (updates, invitations, digests). Sent only to people not
  suppressed for the list (unsubscribed, hard-bounced, complained), with one-click unsubscribe
  headers (RFC 8058) and a footer linking to the person's preferences.

Every send is a `Mailing` with one `Delivery` per recipient (unique), sent by the background
worker in batches at COMMS_SEND_RATE; see comms/services/worker.py for why a crashed send
resumes without sending anyone the same message twice.

`html` given to these functions is trusted: render Markdown through core.lib.markdown (which
sanitises) or escape user text before passing it in.
"""

import uuid

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string

from comms.models import RESERVED_LIST_SLUGS, Frequency, MailClass, Mailing, MailingList
from comms.services import queueing, retry, worker
from core.lib.slugs import slug_base

TRANSACTIONAL = MailClass.TRANSACTIONAL
MARKETING = MailClass.MARKETING
# The kind of a mailing sent to a list's subscribers; round-ups collect mailings of this kind.
LIST_KIND = "comms.list"


def send_to_list(
    mailing_list: MailingList,
    subject: str,
    html: str,
    text: str,
    *,
    key: str,
    sender=None,
    frequencies=None,
    topics=None,
    kind: str = LIST_KIND,
    organisations: bool = True,
    version_for: queueing.VersionFor | None = None,
) -> Mailing:
    """Send a rendered message to everyone `mailing_list` reaches, in the background.

    `key` names this send (e.g. f"update-issue-{issue.pk}"): calling again with the same key
    returns the same Mailing and sends nothing more, so a double click or a retried request
    never sends twice. `sender` is the staff user who pressed send (kept on the Mailing).
    `frequencies` narrows the subscribers by how often they chose to hear; by default only
    those who chose "as it happens" get it now, and weekly and monthly subscribers get it in
    their round-up (comms/services/digests.py). `topics` (taxonomy Terms) says what the
    message is about: only subscribers who chose one of them, or no topics, get it (now and
    in round-ups). `version_for`, given the topics a subscriber chose, returns their own
    version of the message (queueing.Version), None for the message as it is, or
    queueing.NOTHING for nothing (an update's items filtered to their topics). The
    organisations' contacts of a list sent to member organisations are included
    unless `organisations=False`. `kind` names the email (round-ups are "comms.digest").
    Watch progress on the returned Mailing (status, total, sent_count, percent_done)."""

    def queue_and_start():
        mailing, made = queueing.list_mailing(
            mailing_list,
            subject,
            html,
            text,
            key=key,
            sender=sender,
            kind=kind,
            frequencies=frequencies or [Frequency.AS_IT_HAPPENS],
            topics=topics,
            organisations=organisations,
            version_for=version_for,
        )
        if made:
            worker.enqueue(mailing)
        return mailing

    return retry.at_once(queue_and_start)


def send_personal(
    mailing_list: MailingList,
    subject: str,
    html: str,
    text: str,
    *,
    key: str,
    kind: str,
    recipients: list[tuple[str, int | None, queueing.Version | None]],
    on_queued=None,
) -> Mailing | None:
    """Send to exactly `recipients` (email, person id, their own queueing.Version or None for
    the message as it is), as marketing mail of `mailing_list`, in the background. Made once
    per `key`: when it already exists nothing is done and None is returned. `on_queued(mailing)`
    runs in the same transaction as the queueing, so what it records (e.g. what each person
    has been sent) stands or falls with the send."""

    def queue_and_start():
        with transaction.atomic():
            mailing, made = queueing.personal_mailing(
                mailing_list, subject, html, text, key=key, kind=kind, recipients=recipients
            )
            if not made:
                return None
            if on_queued is not None:
                on_queued(mailing)
            worker.enqueue(mailing)
            return mailing

    return retry.at_once(queue_and_start)


def send_test(user, subject: str, html: str, text: str, *, mailing_list=None) -> Mailing:
    """Send the message once, now-ish, to `user` alone, with "[Test]" before the subject, in
    the same layout (with the footer of `mailing_list` when given). Nobody else gets it and it
    never counts as the real send."""
    key = f"comms.test:{uuid.uuid4()}"

    def queue_and_start():
        mailing, waiting = queueing.direct_mailing(
            [user.email],
            f"[Test] {subject}",
            text,
            html=html,
            mail_class=MARKETING if mailing_list is not None else TRANSACTIONAL,
            kind="comms.test",
            mailing_list=mailing_list,
            sender=user,
            key=key,
        )
        if waiting:
            worker.enqueue(mailing)
        return mailing

    return retry.at_once(queue_and_start)


def send_message(
    recipients: list[str],
    subject: str,
    text: str,
    *,
    mail_class: str,
    kind: str,
    html: str = "",
    attachments=None,
    mailing_list: MailingList | None = None,
    key: str | None = None,
    background: bool = True,
) -> Mailing:
    """Send one message to `recipients` (each gets their own copy) in the background.

    `mail_class` is TRANSACTIONAL or MARKETING, required; `kind` names the email for people
    reading the logs and the headers ("accounts.password_reset", "media.digest"). Marketing
    mail needs `mailing_list`, the list people leave when they unsubscribe (see
    `system_list`). `attachments` are [filename, text, MIME type]. `key`, when given, makes a
    repeated call send nothing more. `background=False` sends in this process (for code
    that already runs in the worker)."""
    key = key or f"{kind}:{uuid.uuid4()}"

    def queue_and_start():
        mailing, waiting = queueing.direct_mailing(
            list(recipients),
            subject,
            text,
            mail_class=mail_class,
            kind=kind,
            html=html,
            attachments=attachments,
            mailing_list=mailing_list,
            key=key,
        )
        if waiting and mailing.total:
            if background:
                worker.enqueue(mailing)
            else:
                worker.run(mailing.pk, here=True)
                mailing.refresh_from_db()
        return mailing

    # One transaction on SQLite (comms.services.retry.at_once): queued and, with the immediate
    # backend, sent, taking the write lock once.
    return retry.at_once(queue_and_start)


def send_template(
    recipients: list[str],
    subject: str,
    template: str,
    context: dict,
    *,
    mail_class: str,
    kind: str,
    attachments=None,
    mailing_list: MailingList | None = None,
) -> Mailing:
    """`send_message` with the text rendered now from a plain-text `template`."""
    text = render_to_string(template, {"site_name": settings.SITE_NAME, **context})
    return send_message(
        recipients,
        subject,
        text,
        mail_class=mail_class,
        kind=kind,
        attachments=attachments,
        mailing_list=mailing_list,
    )


def system_list(slug: str, name: str, description: str = "") -> MailingList:
    """The list behind one of the product's own marketing notices (consultation invitations,
    media digests), made the first time it is needed. People leave it like any other list."""
    mailing_list, _ = MailingList.objects.get_or_create(
        slug=slug_base(slug, fallback="list", reserved=RESERVED_LIST_SLUGS, max_length=80),
        defaults={"name": name, "description": description, "is_system": True},
    )
    return mailing_list
