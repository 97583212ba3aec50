"""Who gets what from each /updates/ page: merged into groundswell/tests/permission_rules.py.

A public list's archive and feeds are everyone's; a members-only list's archive is for the
member contacts of its networks and staff (visitors are asked to sign in), and it has no
feed. An issue not yet sent does not exist outside the staff pages. Writing and sending
updates is staff's.
"""

from groundswell.tests.permission_rules import (
    FORBIDDEN,
    LOGIN,
    NOT_FOUND,
    OK,
    PUBLIC,
    STAFF_POST_ONLY,
    Expect,
    everyone,
    get,
    public,
    rule,
    staff_only,
)

SAMPLES = {
    "updates_public_list": "slug of a public list with a sent issue",
    "updates_members_list": "slug of a members-only list of network N with a sent issue",
    "updates_sent_number": "number of the sent issue (the same on both lists)",
    "updates_draft_number": "number of the public list's issue still in draft",
    "updates_draft_issue": "pk of that draft issue",
    "updates_draft_item": "pk of an item of that draft",
}

MEMBERS = Expect(anonymous=LOGIN, member=OK, judge=FORBIDDEN, staff=OK, admin=OK)
ISSUE = {"pk": "updates_draft_issue"}
ITEM = {"pk": "updates_draft_issue", "item_pk": "updates_draft_item"}


def _post(**samples):
    return rule(get(STAFF_POST_ONLY, **samples), why="POST only: it changes or sends the issue.")


RULES = {
    "updates:archive": public(why="Lists each person may read; members-only ones when signed in."),
    "updates:list": rule(
        get(PUBLIC, label="public list", list_slug="updates_public_list"),
        get(MEMBERS, label="members-only list", list_slug="updates_members_list"),
        get(everyone(NOT_FOUND), label="unknown list", list_slug="unknown_slug"),
    ),
    "updates:issue": rule(
        get(
            PUBLIC,
            label="public list",
            list_slug="updates_public_list",
            number="updates_sent_number",
        ),
        get(
            MEMBERS,
            label="members-only list",
            list_slug="updates_members_list",
            number="updates_sent_number",
        ),
        get(
            everyone(NOT_FOUND),
            label="draft issue",
            list_slug="updates_public_list",
            number="updates_draft_number",
        ),
        why="Sent issues only: a draft is staff's until it goes out.",
    ),  # fmt: skip
    "updates:feed_rss": rule(
        get(PUBLIC, label="public list", list_slug="updates_public_list"),
        get(everyone(NOT_FOUND), label="members-only list", list_slug="updates_members_list"),
        why="A feed reader cannot sign in, so members-only lists have no feed.",
    ),
    "updates:feed_atom": rule(
        get(PUBLIC, label="public list", list_slug="updates_public_list"),
        get(everyone(NOT_FOUND), label="members-only list", list_slug="updates_members_list"),
    ),
    "updates:staff_index": staff_only(why="Writing updates is staff's work."),
    "updates:staff_issue": staff_only(**ISSUE),
    "updates:staff_item_add": staff_only(**ISSUE),
    "updates:staff_item_edit": staff_only(**ITEM),
    "updates:staff_preview": staff_only(why="A draft is not public until it is sent.", **ISSUE),
    "updates:staff_preview_text": staff_only(**ISSUE),
    "updates:staff_draft": _post(list_slug="updates_public_list"),
    "updates:staff_item_move": _post(**ITEM),
    "updates:staff_item_cut": _post(**ITEM),
    "updates:staff_test": _post(**ISSUE),
    "updates:staff_schedule": _post(**ISSUE),
    "updates:staff_unschedule": _post(**ISSUE),
    "updates:staff_send": _post(**ISSUE),
    "updates:staff_discard": _post(**ISSUE),
}


def build_samples(context) -> dict[str, str]:
    from comms.models import Audience
    from comms.tests.factories import MailingListFactory
    from comms.tests.update_factories import SentIssueFactory, UpdateIssueFactory, UpdateItemFactory

    public_list = MailingListFactory(slug="updates-public", audience=Audience.PUBLIC)
    members_list = MailingListFactory(slug="updates-members", audience=Audience.MEMBERS)
    members_list.networks.set([context["network_n"]])
    SentIssueFactory(mailing_list=public_list, number=1)
    SentIssueFactory(mailing_list=members_list, number=1)
    draft = UpdateIssueFactory(mailing_list=public_list, number=2)
    item = UpdateItemFactory(issue=draft)
    return {
        "updates_public_list": public_list.slug,
        "updates_members_list": members_list.slug,
        "updates_sent_number": "1",
        "updates_draft_number": "2",
        "updates_draft_issue": str(draft.pk),
        "updates_draft_item": str(item.pk),
    }
