"""Round-ups for subscribers who chose weekly or monthly mail (issue 16 §1).

Mail sent to a list goes at once only to "as it happens" subscribers (comms.services.sending).
Weekly subscribers get, on the list's `digest_weekday`, one email collecting the list's
mailings of the seven days before; monthly subscribers get, on the 1st, the previous calendar
month's. Each round-up is one Mailing whose key names the list, the frequency and the period,
so `manage.py send_digests` run twice (or by two timers at once) sends it once; a run missed on
the day is caught up by the next run, for the latest period only.

The period is shared by everyone on one frequency, so "since their last round-up" is the
previous period: someone who changes from weekly to monthly mid-month may see a mailing in
both round-ups. Nobody is sent anything twice within one round-up.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from comms.models import Frequency, Mailing, MailingList, MailingStatus
from comms.services import render, sending
from comms.updates.models import UpdateIssue

KIND = "comms.digest"
ROUND_UP_FREQUENCIES = (Frequency.WEEKLY, Frequency.MONTHLY)


@dataclass(frozen=True)
class Period:
    frequency: str
    start: datetime.date  # included
    end: datetime.date  # excluded; also the day the round-up is due

    @property
    def label(self) -> str:
        last = self.end - datetime.timedelta(days=1)
        return f"{self.start:%-d %B %Y} to {last:%-d %B %Y}"


@dataclass(frozen=True)
class Entry:
    mailing: Mailing
    body_html: str
    archive_url: str


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


def mailings_in(mailing_list: MailingList, period: Period):
    """The list's own mailings (not tests, not earlier round-ups) made in the period."""
    return (
        Mailing.objects.filter(
            mailing_list=mailing_list,
            kind=sending.LIST_KIND,
            created_at__gte=_aware(period.start),
            created_at__lt=_aware(period.end),
        )
        .exclude(status=MailingStatus.FAILED)
        .order_by("created_at", "pk")
    )


def key_for(mailing_list: MailingList, period: Period) -> str:
    return f"{KIND}:{mailing_list.pk}:{period.frequency}:{period.end.isoformat()}"


def _entries(mailings) -> list[Entry]:
    issues = {
        i.mailing_id: i
        for i in UpdateIssue.objects.filter(mailing__in=mailings).select_related("mailing_list")
    }
    entries = []
    for mailing in mailings:
        # Mailing.html is trusted (rendered and sanitised when the mailing was made).
        found = render.BODY.search(mailing.html or "")
        body = found.group(1) if found else mailing.html
        issue = issues.get(mailing.pk)
        url = render.absolute(issue.get_absolute_url()) if issue else ""
        entries.append(Entry(mailing, body, url))
    return entries


def compose(mailing_list: MailingList, period: Period, mailings) -> tuple[str, str, str]:
    """Subject, HTML and text of the round-up."""
    name = Frequency(period.frequency).label
    subject = f"{mailing_list.name}: {name.lower()}, {period.label}"
    context = {
        "mailing_list": mailing_list,
        "period": period,
        "entries": _entries(mailings),
        "site_name": settings.SITE_NAME,
    }
    html = render_to_string("comms/email/digest.html", context)
    text = render_to_string("comms/email/digest.txt", context)
    return subject[:300], html, text


def send_due(today: datetime.date | None = None) -> list[Mailing]:
    """Send every round-up due on or before `today` that has not gone yet. Returns the
    mailings made by this call (an earlier run's are found by key and not sent again)."""
    today = today or timezone.localdate()
    made = []
    for mailing_list in MailingList.objects.filter(is_active=True, is_system=False):
        for frequency in ROUND_UP_FREQUENCIES:
            period = latest_period(mailing_list, frequency, today)
            key = key_for(mailing_list, period)
            if Mailing.objects.filter(key=key).exists():
                continue
            mailings = list(mailings_in(mailing_list, period))
            if not mailings:
                continue
            subject, html, text = compose(mailing_list, period, mailings)
            made.append(
                sending.send_to_list(
                    mailing_list,
                    subject,
                    html,
                    text,
                    key=key,
                    kind=KIND,
                    frequencies=[frequency],
                    organisations=False,
                )  # fmt: skip
            )
    return made
