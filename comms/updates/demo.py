"""Demo member updates: a year of monthly issues for each demo network's member update,
drafted from the demo records by the same drafting as staff use, then marked sent.

The issues are history, not sends: nobody is emailed, and no Mailing is made (the demo's
subscribers and deliveries are the sending side's). Fills only lists that have no issues,
so running the demo again changes nothing.
"""

import datetime

from django.utils import timezone

from comms.models import Audience, MailingList
from comms.updates import drafting
from comms.updates.models import IssueStatus
from core.lib.months import add_months, month_start
from members.models import Network

MONTHS = 12

# (network slug, list slug, name, audience, description, introduction)
LISTS = (
    ("cja", "cja-member-update", "CJA member update", Audience.MEMBERS,
     "The Criminal Justice Alliance's monthly round-up for member organisations.",
     "Here is what moved across the alliance this month: new evidence from members, replies "
     "from government to our asks, and what is coming up. Reply to this email if your "
     "organisation has something to share next month."),
    ("ayj", "ayj-policy-news", "AYJ policy news", Audience.PUBLIC,
     "The Alliance for Youth Justice's monthly policy news, open to anyone.",
     "Our monthly note on children and young adults in the justice system: what we "
     "published, what decision makers said back, and where you can join in."),
)  # fmt: skip


def _list(network_slug, slug, name, audience, description):
    network = Network.objects.filter(slug=network_slug).first()
    if network is None:
        return None
    mailing_list, _ = MailingList.objects.get_or_create(
        slug=slug,
        defaults={"name": name, "audience": audience, "description": description},
    )
    mailing_list.networks.add(network)
    return mailing_list


def load_demo_updates() -> int:
    """Issues made (0 when skipped: no demo networks, or the lists already have issues)."""
    made = 0
    this_month = month_start(timezone.localdate())
    for network_slug, slug, name, audience, description, introduction in LISTS:
        mailing_list = _list(network_slug, slug, name, audience, description)
        if mailing_list is None or mailing_list.update_issues.exists():
            continue
        for back in range(MONTHS, 0, -1):
            until = add_months(this_month, -back + 1)
            issue = drafting.draft_issue(mailing_list, until=until)
            sent_on = until + datetime.timedelta(days=2)
            issue.introduction = introduction
            issue.status = IssueStatus.SENT
            issue.sent_at = timezone.make_aware(
                datetime.datetime.combine(sent_on, datetime.time(9, 30))
            )
            issue.save(update_fields=["introduction", "status", "sent_at"])
            made += 1
    return made
