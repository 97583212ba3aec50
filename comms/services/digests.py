"""Round-ups for subscribers who chose weekly or monthly mail (issue 16 §1).

Mail sent to a list goes at once only to "as it happens" subscribers (comms.services.sending).
Weekly subscribers get, on the list's `digest_weekday`, one email collecting the list's
mailings of the seven days before; monthly subscribers get, on the 1st, the previous calendar
month's. Each round-up is one Mailing whose key names the list, the frequency and the period,
so `manage.py send_digests` run twice (or by two timers at once) sends it once; a run missed on
the day is caught up by the next run, for the latest period only.

What each person gets is worked out from what they have been sent, not from the period alone,
so changing how often they hear from us never sends a mailing twice or loses one:

- `Subscription.round_up_from`: every mailing of the list made before it has been dealt with
  for them. A round-up holds the list's mailings made from then to the period's end that have
  no Delivery to their address (those went to them as they happened), and moves it on to the
  period's end in the same transaction as the round-up is queued. Subscriptions older than
  this record have none; their round-up's own period is used (and fixed at their next change
  of frequency, see `caught_up_to`).
- Someone who switches to "as it happens" is sent what they were still owed from before the
  switch in one catch-up round-up at the next run (`catch_up`).
- A round-up never reaches back more than LOOKBACK (old delivery records are deleted after two
  years; nobody wants a year of mail in one email).

Topics: a mailing tagged with topics, and an update's items tagged with topics, go only to
subscribers who chose one of them or none (comms.services.topics). Each subscriber's round-up
is their own version when it differs from the period's whole round-up (a MailingVariant).
"""

import datetime
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone

from comms.models import (
    Delivery,
    Frequency,
    Mailing,
    MailingList,
    MailingStatus,
    Subscription,
    SubscriptionStatus,
)
from comms.services import render, sending
from comms.services import topics as topic_rules
from comms.services.queueing import Version
from comms.updates import rendering
from comms.updates.models import UpdateIssue

KIND = "comms.digest"
ROUND_UP_FREQUENCIES = (Frequency.WEEKLY, Frequency.MONTHLY)
LOOKBACK = datetime.timedelta(days=92)


@dataclass(frozen=True)
class Period:
    frequency: str
    start: datetime.date  # included
    end: datetime.date  # excluded; also the day the round-up is due

    @property
    def label(self) -> str:
        return label_of(self.start, self.end)


def label_of(start: datetime.date, end: datetime.date) -> str:
    last = end - datetime.timedelta(days=1)
    return f"{start:%-d %B %Y} to {last:%-d %B %Y}"


@dataclass(frozen=True)
class Entry:
    mailing: Mailing
    body_html: str
    body_text: str
    archive_url: str


@dataclass
class Source:
    """A mailing a round-up may hold, with what its topics filter works on."""

    mailing: Mailing
    tags: frozenset[int]
    issue: UpdateIssue | None
    tagged_items: list

    def entry_for(self, chosen: frozenset[int]) -> tuple[tuple, Entry] | None:
        """(what the entry holds, the entry) for someone who chose `chosen`; None when none
        of it is for them."""
        if not topic_rules.wanted(self.tags, chosen):
            return None
        url = render.absolute(self.issue.get_absolute_url()) if self.issue else ""
        if self.issue is not None:
            items = rendering.items_for(self.tagged_items, chosen)
            if len(items) < len(self.tagged_items):
                if not items and not self.issue.introduction.strip():
                    return None
                body = _inside_body(rendering.as_html(self.issue, items))
                text = rendering.as_text(self.issue, items)
                held = (self.mailing.pk, tuple(item.pk for item in items))
                return held, Entry(self.mailing, body, text, url)
        whole = Entry(self.mailing, _inside_body(self.mailing.html), self.mailing.text, url)
        return (self.mailing.pk,), whole


def _inside_body(html: str) -> str:
    # Mailing.html is trusted (rendered and sanitised when the mailing was made).
    found = render.BODY.search(html or "")
    return found.group(1) if found else html


def latest_period(mailing_list: MailingList, frequency: str, today: datetime.date) -> Period:
    """The most recent period whose round-up is due on or before `today`."""
    if frequency == Frequency.WEEKLY:
        due = today - datetime.timedelta(days=(today.weekday() - mailing_list.digest_weekday) % 7)
        return Period(frequency, due - datetime.timedelta(days=7), due)
    if frequency == Frequency.MONTHLY:
        due = today.replace(day=1)
        return Period(frequency, (due - datetime.timedelta(days=1)).replace(day=1), due)
    raise ValueError(f"No round-up for {frequency!r}.")


def _aware(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def list_mailings(mailing_list: MailingList, start, end):
    """The list's own mailings (not tests, not earlier round-ups) made in [start, end)."""
    return (
        Mailing.objects.filter(
            mailing_list=mailing_list,
            kind=sending.LIST_KIND,
            created_at__gte=start,
            created_at__lt=end,
        )
        .exclude(status=MailingStatus.FAILED)
        .order_by("created_at", "pk")
    )


def mailings_in(mailing_list: MailingList, period: Period):
    return list_mailings(mailing_list, _aware(period.start), _aware(period.end))


def key_for(mailing_list: MailingList, period: Period) -> str:
    return f"{KIND}:{mailing_list.pk}:{period.frequency}:{period.end.isoformat()}"


def caught_up_to(subscription: Subscription, today: datetime.date) -> datetime.datetime:
    """Where `subscription`'s record of what it has been sent stands, for one made before
    the record was kept: the end of its frequency's latest round-up if that went, else its
    start; now for "as it happens" (everything went as it happened)."""
    if subscription.round_up_from is not None:
        return subscription.round_up_from
    if subscription.frequency not in ROUND_UP_FREQUENCIES:
        return timezone.now()
    period = latest_period(subscription.mailing_list, subscription.frequency, today)
    went = Mailing.objects.filter(key=key_for(subscription.mailing_list, period)).exists()
    return _aware(period.end if went else period.start)


def _sources(mailings: list[Mailing]) -> dict[int, Source]:
    tags: dict[int, set[int]] = {}
    through = Mailing.topics.through.objects.filter(mailing__in=mailings)
    for mailing_id, term_id in through.values_list("mailing_id", "term_id"):
        tags.setdefault(mailing_id, set()).add(term_id)
    issues = {
        i.mailing_id: i
        for i in UpdateIssue.objects.filter(mailing__in=mailings).select_related("mailing_list")
    }
    return {
        m.pk: Source(
            m,
            frozenset(tags.get(m.pk, ())),
            issues.get(m.pk),
            rendering.tagged_items(issues[m.pk]) if m.pk in issues else [],
        )
        for m in mailings
    }


def compose(mailing_list: MailingList, heading: str, label: str, entries) -> tuple[str, str, str]:
    """Subject, HTML and text of a round-up."""
    subject = f"{mailing_list.name}: {heading}, {label}"
    context = {
        "mailing_list": mailing_list,
        "label": label,
        "entries": entries,
        "site_name": settings.SITE_NAME,
    }
    html = render_to_string("comms/email/digest.html", context)
    text = render_to_string("comms/email/digest.txt", context)
    return subject[:300], html, text


@dataclass
class _Owed:
    subscription: Subscription
    start: datetime.datetime
    end: datetime.datetime
    # The days it covers, for the subject: the end is a round-up's day (not included) or a
    # moment during the day of a switch (included).
    last_day_included: bool = False

    @property
    def label(self) -> str:
        end = timezone.localdate(self.end)
        if self.last_day_included:
            end += datetime.timedelta(days=1)
        return label_of(timezone.localdate(self.start), end)


def _plan(mailing_list: MailingList, owed: list[_Owed], heading: str, whole_label: str, whom):
    """Each subscriber's entries: the list's mailings in their window, less those that went
    to them directly, filtered to their topics. `whom` is a query of the subscriptions in
    `owed` (a subquery, not thousands of addresses as parameters). Returns (the whole
    round-up's subject, HTML and text, [(email, person id, Version or None)]) or None when
    nobody is owed anything."""
    if not owed:
        return None
    start = min(o.start for o in owed)
    end = max(o.end for o in owed)
    mailings = list(list_mailings(mailing_list, start, end))
    if not mailings:
        return None
    sources = _sources(mailings)
    had = set(
        Delivery.objects.filter(mailing__in=mailings, email__in=whom.values("email")).values_list(
            "mailing_id", "email"
        )
    )
    chosen = topic_rules.chosen_by(mailing_list)
    everything = [sources[m.pk].entry_for(frozenset())[1] for m in mailings]
    whole_subject, whole_html, whole_text = compose(mailing_list, heading, whole_label, everything)
    whole_key = (whole_label, tuple((m.pk,) for m in mailings))
    recipients, versions = [], {}
    for each in owed:
        email = each.subscription.email
        held = [
            sources[m.pk].entry_for(chosen.get(email, frozenset()))
            for m in mailings
            if each.start <= m.created_at < each.end and (m.pk, email) not in had
        ]
        held = [h for h in held if h is not None]
        if not held:
            continue
        label = each.label
        key = (label, tuple(h[0] for h in held))
        if key == whole_key:
            recipients.append((email, each.subscription.person_id, None))
            continue
        if key not in versions:
            subject, html, text = compose(mailing_list, heading, label, [h[1] for h in held])
            versions[key] = Version(repr(key)[:200], subject, html, text)
        recipients.append((email, each.subscription.person_id, versions[key]))
    if not recipients:
        return None
    return (whole_subject, whole_html, whole_text), recipients


def _active(mailing_list: MailingList, frequency: str):
    return Subscription.objects.filter(
        mailing_list=mailing_list, status=SubscriptionStatus.ACTIVE, frequency=frequency
    ).select_related("mailing_list")


def round_up(mailing_list: MailingList, period: Period) -> Mailing | None:
    """The period's round-up for the list's subscribers on its frequency, if it has not gone
    and anyone is owed anything; their records move on to the period's end with it."""
    key = key_for(mailing_list, period)
    if Mailing.objects.filter(key=key).exists():
        return None
    end = _aware(period.end)
    earliest = end - LOOKBACK
    subscribers = list(_active(mailing_list, period.frequency))
    owed = [
        _Owed(s, max(s.round_up_from or _aware(period.start), earliest), end)
        for s in subscribers
        if (s.round_up_from or _aware(period.start)) < end
    ]
    heading = Frequency(period.frequency).label.lower()
    planned = _plan(mailing_list, owed, heading, period.label,
                    _active(mailing_list, period.frequency))  # fmt: skip
    if planned is None:
        return None
    (subject, html, text), recipients = planned
    considered = [s.pk for s in subscribers]

    def record(mailing):
        # Only those still on this frequency: a change meanwhile keeps its own record.
        for start in range(0, len(considered), 2000):
            Subscription.objects.filter(
                pk__in=considered[start : start + 2000], frequency=period.frequency
            ).filter(Q(round_up_from__isnull=True) | Q(round_up_from__lt=end)).update(
                round_up_from=end
            )

    return sending.send_personal(
        mailing_list, subject, html, text, key=key, kind=KIND, recipients=recipients,
        on_queued=record,
    )  # fmt: skip


def catch_up(mailing_list: MailingList) -> Mailing | None:
    """One round-up for everyone who switched to "as it happens" while still owed mail from
    their weekly or monthly round-up: what was made before their switch that they have not
    had. Their record moves on to the switch, each only if no other run moved it first."""
    switched = list(
        _active(mailing_list, Frequency.AS_IT_HAPPENS).filter(
            round_up_from__isnull=False,
            frequency_since__isnull=False,
            round_up_from__lt=F("frequency_since"),
        )
    )
    if not switched:
        return None
    owed = [
        _Owed(s, max(s.round_up_from, s.frequency_since - LOOKBACK), s.frequency_since, True)
        for s in switched
    ]
    start = timezone.localdate(min(o.start for o in owed))
    last = timezone.localdate(max(o.end for o in owed)) + datetime.timedelta(days=1)
    planned = _plan(
        mailing_list, owed, "what you had not had yet", label_of(start, last),
        Subscription.objects.filter(pk__in=[s.pk for s in switched]),
    )  # fmt: skip

    def move_records() -> set[str]:
        """Each switcher's record moves on to their switch, unless another run did first."""
        moved = set()
        for s in switched:
            if Subscription.objects.filter(
                pk=s.pk, round_up_from=s.round_up_from, frequency_since=s.frequency_since
            ).update(round_up_from=s.frequency_since):
                moved.add(s.email)
        return moved

    def record(mailing):
        moved = move_records()
        # Anyone another run caught up meanwhile gets nothing from this one.
        mailing.deliveries.exclude(email__in=moved).delete()
        Mailing.objects.filter(pk=mailing.pk).update(total=mailing.deliveries.count())

    if planned is None:
        move_records()  # nothing owed: the records still move on
        return None
    (subject, html, text), recipients = planned
    key = f"{KIND}:{mailing_list.pk}:catch-up:{uuid.uuid4()}"
    return sending.send_personal(
        mailing_list, subject, html, text, key=key, kind=KIND, recipients=recipients,
        on_queued=record,
    )  # fmt: skip


def send_due(today: datetime.date | None = None) -> list[Mailing]:
    """Send every round-up due on or before `today` that has not gone yet, and the catch-ups
    of people who switched to "as it happens". Returns the mailings made by this call (an
    earlier run's are found by key and not sent again)."""
    today = today or timezone.localdate()
    made = []
    for mailing_list in MailingList.objects.filter(is_active=True, is_system=False):
        for frequency in ROUND_UP_FREQUENCIES:
            mailing = round_up(mailing_list, latest_period(mailing_list, frequency, today))
            if mailing is not None:
                made.append(mailing)
        if (mailing := catch_up(mailing_list)) is not None:
            made.append(mailing)
    return made
