"""Demo member updates: a year of monthly issues for each demo network's member update,
drafted from the demo records by the same drafting as staff use, then marked sent.

The issues are history, not sends: nobody is emailed, and no Mailing is made (the demo's
subscribers and deliveries are the sending side's). Fills only lists that have no issues,
so running the demo again changes nothing.
"""

import datetime

from django.utils import timezone

from comms.models import Audience, MailingList
from comms.updates import drafting, editing
from comms.updates.models import IssueStatus, UpdateItem
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


# Notes from the team, one an issue in turn: what an officer adds by hand to the drafted items.
NOTES = (
    ("Thank you to everyone who came to the member forum",
     "More than forty people joined us. The notes and the actions we agreed are in the "
     "members' area; tell us if your organisation wants to lead on one of them."),
    ("Share your evidence with us",
     "We are gathering examples of what helps people in the first week after release. A "
     "short case study or a few figures from your service is enough."),
    ("Meet our new trustees",
     "Two new trustees with lived experience of the justice system joined the board this "
     "month. They will chair the next policy forum."),
    ("Join a working group",
     "Our groups on racial equality, women and children each have space for new members. "
     "Reply to this email to join one."),
    ("A reminder about our language guide",
     "Our guide suggests people-first wording for reports, briefings and social media. It "
     "is free to use and share."),
    ("Your membership renewal",
     "Renewals are due at the end of the quarter. Check that your organisation's profile "
     "and contacts are up to date before then."),
)  # fmt: skip


def _add_note(issue, index: int) -> None:
    title, body = NOTES[index % len(NOTES)]
    editing.add_item(issue, UpdateItem(section="From the team", title=title, body=body))


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
            _add_note(issue, back)
            issue.introduction = introduction
            issue.status = IssueStatus.SENT
            issue.sent_at = timezone.make_aware(
                datetime.datetime.combine(sent_on, datetime.time(9, 30))
            )
            issue.save(update_fields=["introduction", "status", "sent_at"])
            made += 1
    return made
