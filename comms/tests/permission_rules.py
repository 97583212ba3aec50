"""Who gets what from each comms page: merged into groundswell/tests/permission_rules.py.

People's own pages work without signing in through a signed link (the link is the key), and a
forged link is refused the same for everyone; the preferences page without a link needs an
account. The sends themselves are staff's.
"""

from groundswell.tests.permission_rules import (
    FORBIDDEN,
    LOGIN,
    NOT_FOUND,
    OK,
    PUBLIC,
    STAFF_ONLY,
    STAFF_POST_ONLY,
    Expect,
    everyone,
    get,
    public,
    rule,
    staff_only,
)

SAMPLES = {
    "comms_unsubscribe_token": "a signed unsubscribe link for a subscriber of a public list",
    "comms_preferences_token": "a signed preferences link for that subscriber",
    "comms_confirm_token": "a signed confirmation link for a waiting sign-up",
    "comms_public_list": "slug of a public list",
    "comms_members_list": "slug of a members-only list",
    "comms_mailing": "pk of a mailing",
}

REFUSED = everyone("400")

RULES = {
    "communications:organisation_mail": rule(
        get(
            Expect(anonymous=LOGIN, member=OK, judge=FORBIDDEN, staff=OK, admin=OK),
            label="own organisation",
            slug="org_a",
        ),
        get(
            Expect(anonymous=LOGIN, member=FORBIDDEN, judge=FORBIDDEN, staff=FORBIDDEN, admin=OK),
            label="another network's organisation",
            slug="org_b",
        ),
        why="An organisation's contacts and its network's staff decide who gets its mail.",
    ),
    "communications:preferences": rule(
        get(Expect(anonymous=LOGIN, member=OK, judge=OK, staff=OK, admin=OK)),
        why="Anyone with an account chooses what they get; without one, through a link.",
    ),
    "communications:preferences_link": rule(
        get(PUBLIC, token="comms_preferences_token"),
        get(REFUSED, label="forged link"),
        why="The signed link is the key, so nobody has to sign in to change what they get.",
    ),
    "communications:request_link": public(why="Answers the same for every address."),
    "communications:unsubscribe": rule(
        get(PUBLIC, token="comms_unsubscribe_token"),
        get(REFUSED, label="forged link"),
        why="RFC 8058: unsubscribing never needs signing in.",
    ),
    "communications:subscribe": rule(
        get(PUBLIC, label="public list", slug="comms_public_list"),
        get(
            Expect(
                anonymous=OK,
                member="302 to /email/preferences/",
                judge="302 to /email/preferences/",
                staff="302 to /email/preferences/",
                admin="302 to /email/preferences/",
            ),
            label="members-only list",
            slug="comms_members_list",
        ),
        get(everyone(NOT_FOUND), label="unknown list", slug="unknown_slug"),
        why="Public lists take sign-ups from anyone; members choose members' lists on their "
        "preferences page.",
    ),
    "communications:confirm": rule(
        get(PUBLIC, token="comms_confirm_token"),
        get(REFUSED, label="forged link"),
    ),
    "communications:mailings": staff_only(why="Who was sent what: staff only."),
    "communications:mailing": rule(get(STAFF_ONLY, pk="comms_mailing")),
    "communications:resend_uncertain": rule(
        get(STAFF_POST_ONLY, pk="comms_mailing"),
        why="POST only, by staff: it sends the mailing again (comms/tests/"
        "test_uncertain_deliveries.py).",
    ),
}


def build_samples(context) -> dict[str, str]:
    from comms.models import Audience, SubscriptionStatus
    from comms.services import sending, tokens
    from comms.tests.factories import MailingListFactory, SubscriptionFactory

    public_list = MailingListFactory(slug="policy-news", audience=Audience.PUBLIC)
    members_list = MailingListFactory(slug="member-update", audience=Audience.MEMBERS)
    subscription = SubscriptionFactory(mailing_list=public_list, email="reader@example.org")
    waiting = SubscriptionFactory(
        mailing_list=public_list, email="new@example.org", status=SubscriptionStatus.PENDING
    )
    mailing = sending.send_to_list(public_list, "News", "<p>News</p>", "News", key="matrix")
    return {
        "comms_unsubscribe_token": tokens.make(
            tokens.UNSUBSCRIBE, subscription.email, public_list.pk
        ),
        "comms_preferences_token": tokens.make(tokens.PREFERENCES, subscription.email),
        "comms_confirm_token": tokens.make(tokens.CONFIRM, waiting.email, public_list.pk),
        "comms_public_list": public_list.slug,
        "comms_members_list": members_list.slug,
        "comms_mailing": str(mailing.pk),
    }
