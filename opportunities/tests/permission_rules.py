"""Who gets what from each opportunities page: merged into groundswell/tests/permission_rules.py.

Every named URL in opportunities/urls.py needs a rule here.
"""

from groundswell.tests.permission_rules import (
    API,
    FORBIDDEN,
    LOGIN,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    PUBLIC,
    SIGNED_IN_POST_ONLY,
    STAFF_ONLY,
    STAFF_POST_ONLY,
    Expect,
    everyone,
    get,
    public,
    rule,
)

SAMPLES = {
    "opportunity": "slug of an approved listing the member contact posted for organisation A",
    "pending_opportunity": "slug of a listing the member contact posted, waiting for approval",
    "unknown_opportunity": "a slug no listing has",
    "alert_token": "the token of a confirmed opportunities alert",
}
# Staff and member contacts post; a judge has no organisation to post for.
POSTERS = Expect(anonymous=LOGIN, member=OK, judge=FORBIDDEN, staff=OK, admin=OK)
SIGNED_IN = Expect(anonymous=LOGIN, member=OK, judge=OK, staff=OK, admin=OK)
# Waiting for approval: only the poster and staff know it exists.
POSTER_AND_STAFF_SEE = Expect(anonymous=NOT_FOUND, member=OK, judge=NOT_FOUND, staff=OK, admin=OK)
POSTER_AND_STAFF_EDIT = Expect(anonymous=LOGIN, member=OK, judge=FORBIDDEN, staff=OK, admin=OK)
PENDING_EDIT = Expect(anonymous=LOGIN, member=OK, judge=NOT_FOUND, staff=OK, admin=OK)

RULES = {
    f"{API}:opportunities_list": public(why="Open listings, as the board shows everyone."),
    f"{API}:opportunities_get": rule(
        get(PUBLIC, label="approved", slug="opportunity"),
        get(everyone(NOT_FOUND), label="waiting for approval", slug="pending_opportunity"),
    ),
    "opportunities:index": public(why="The board: approved listings still open."),
    "opportunities:feed_rss": public(why="The board's open listings, its filters applied."),
    "opportunities:feed_atom": public(why="As the RSS feed."),
    "opportunities:checks": public(why="What each level of criminal record check shows."),
    "opportunities:rehabilitation": public(
        why="When a conviction becomes spent: a form anyone may use; nothing is stored."
    ),
    "opportunities:create": rule(get(POSTERS), why="Staff, and member contacts for their own."),
    "opportunities:mine": rule(get(SIGNED_IN), why="A person's own listings (none for most)."),
    "opportunities:alert_create": rule(
        get(everyone(NOT_ALLOWED)), why="POST only; rate-limited, confirmed by email."
    ),
    "opportunities:alert_confirm": public(
        token="alert_token", why="The link in the confirmation email: the token is the key."
    ),
    "opportunities:alert_unsubscribe": public(
        token="alert_token", why="The link in every alert email; GET asks, POST unsubscribes."
    ),
    "opportunities:staff_queue": rule(get(STAFF_ONLY), why="The moderation queue."),
    "opportunities:staff_decide": rule(get(STAFF_POST_ONLY, slug="opportunity"), why="POST."),
    "opportunities:detail": rule(
        get(PUBLIC, label="approved", slug="opportunity"),
        get(POSTER_AND_STAFF_SEE, label="waiting for approval", slug="pending_opportunity"),
        get(everyone(NOT_FOUND), label="unknown", slug="unknown_opportunity"),
    ),
    "opportunities:edit": rule(
        get(POSTER_AND_STAFF_EDIT, label="approved", slug="opportunity"),
        get(PENDING_EDIT, label="waiting for approval", slug="pending_opportunity"),
    ),
    "opportunities:withdraw": rule(
        get(SIGNED_IN_POST_ONLY, slug="opportunity"), why="POST only, by the poster or staff."
    ),
}


def build_samples(context) -> dict[str, str]:
    from opportunities.models import Alert, Status
    from opportunities.tests.factories import OpportunityFactory

    member = context["users"]["member"]
    approved = OpportunityFactory(organisation=context["org_a"], employer_name="", posted_by=member)
    pending = OpportunityFactory(
        organisation=context["org_a"], employer_name="", posted_by=member, status=Status.PENDING
    )
    from django.utils import timezone

    alert = Alert.objects.create(
        email="alerts@example.org", consent_text="Yes", confirmed_at=timezone.now()
    )
    return {
        "opportunity": approved.slug,
        "pending_opportunity": pending.slug,
        "unknown_opportunity": "no-such-opportunity",
        "alert_token": alert.token,
    }
