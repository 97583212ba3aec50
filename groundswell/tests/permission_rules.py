"""Who gets what from each page: the rule table behind test_permission_matrix.py.

Every named URL pattern needs a rule here. A new view without one makes the matrix fail
with a message naming it, so access is always a decision someone wrote down rather than an
accident of which decorator was remembered.

A rule is a list of cases. Each case is one GET (with sample URL arguments) and the outcome
expected for each role:

    anonymous  nobody signed in
    member     a member contact affiliated with organisation A (a member of network N)
    judge      an awards judge
    staff      a staff member who staffs network N
    admin      an admin

URL arguments come from samples built by the matrix's fixture (see SAMPLES): by default
`slug` is organisation A's slug; a case can pick another sample, e.g. `slug="org_b"`.
"""

from dataclasses import dataclass, field

from groundswell.api import api

ROLES = ("anonymous", "member", "judge", "staff", "admin")

# Outcomes, as the matrix describes a response.
OK = "200"
LOGIN = "302 to login"
ADMIN_LOGIN = "302 to admin login"
FORBIDDEN = "403"
NOT_FOUND = "404"
NOT_ALLOWED = "405"

# The objects a URL argument can name. The matrix's fixture creates each one.
SAMPLES = {
    "org_a": "slug of organisation A: member of network N; the member contact works there",
    "org_b": "slug of organisation B: member of network M only; nobody in the matrix works there",
    "unknown_slug": "a slug no organisation has",
    "term": "slug of a taxonomy term (a theme)",
    "network": "slug of network N",
    "application": "pk of a pending membership application to network N",
    "import_job": "pk of an import job created by the staff member",
    "reset_uid": "a password-reset uidb64 that matches nobody",
    "reset_token": "a password-reset token that is not valid",
    "dictionary_term": "slug of a criminal justice dictionary term (a data migration loads them)",
    "resource": "slug of a published library resource",
    "draft_resource": "slug of a draft library resource",
    "recommendation": "slug of a published recommendation, with a target and a source",
    "draft_recommendation": "slug of an unpublished recommendation",
    "target_body": "slug of the published recommendation's target body",
    "evidence_entry": "pk of the published recommendation's timeline entry with a document",
    "draft_evidence_entry": "pk of the unpublished recommendation's entry with a document",
}

# The sample used for each URL argument unless a case says otherwise.
DEFAULT_SAMPLE_FOR_ARGUMENT = {
    "slug": "org_a",
    "uidb64": "reset_uid",
    "token": "reset_token",
}


@dataclass(frozen=True)
class Expect:
    anonymous: str
    member: str
    judge: str
    staff: str
    admin: str


def everyone(outcome: str) -> Expect:
    return Expect(outcome, outcome, outcome, outcome, outcome)


PUBLIC = everyone(OK)
STAFF_ONLY = Expect(anonymous=LOGIN, member=FORBIDDEN, judge=FORBIDDEN, staff=OK, admin=OK)
# An action behind a POST form: a GET is refused with 405 to whoever may post, before that.
STAFF_POST_ONLY = Expect(
    anonymous=LOGIN, member=FORBIDDEN, judge=FORBIDDEN, staff=NOT_ALLOWED, admin=NOT_ALLOWED
)
SIGNED_IN_POST_ONLY = Expect(
    anonymous=LOGIN, member=NOT_ALLOWED, judge=NOT_ALLOWED, staff=NOT_ALLOWED, admin=NOT_ALLOWED
)
ADMIN_SITE = Expect(
    anonymous=ADMIN_LOGIN, member=ADMIN_LOGIN, judge=ADMIN_LOGIN, staff=OK, admin=OK
)


@dataclass(frozen=True)
class Case:
    expect: Expect
    label: str = "get"
    samples: dict[str, str] = field(default_factory=dict)  # URL argument -> SAMPLES key


@dataclass(frozen=True)
class Rule:
    cases: tuple[Case, ...] = ()
    # API routes that only write: the methods they accept and where they are tested.
    write_only: frozenset[str] = frozenset()
    covered_in: str = ""
    why: str = ""


def get(expect: Expect, label: str = "get", **samples: str) -> Case:
    return Case(expect=expect, label=label, samples=samples)


def rule(*cases: Case, why: str = "") -> Rule:
    return Rule(cases=cases, why=why)


def public(why: str = "", **samples: str) -> Rule:
    return rule(get(PUBLIC, **samples), why=why)


def staff_only(why: str = "", **samples: str) -> Rule:
    return rule(get(STAFF_ONLY, **samples), why=why)


def write_only(
    *methods: str, covered_in: str = "members/tests/api/test_write_permissions.py"
) -> Rule:
    """An API route with no GET: the matrix checks the declared methods are the route's own,
    and the behaviour per role is tested where `covered_in` says."""
    return Rule(write_only=frozenset(m.upper() for m in methods), covered_in=covered_in)


API = api.urls_namespace

RULES: dict[str, Rule] = {
    # Site-wide pages
    "home": rule(
        get(Expect(OK, "302 to /home/", "302 to /home/", "302 to /home/", "302 to /home/")),
        why="The front page for visitors; a signed-in person goes to their own home.",
    ),
    "healthz": public(why="Load balancers probe it without signing in."),
    "favicon": rule(
        get(everyone("301 to /static/img/favicon.svg")),
        why="Browsers ask for it on every page, signed in or not.",
    ),
    "robots": public(why="Crawlers read it without signing in."),
    "api-unknown": rule(
        get(everyone(NOT_FOUND)),
        why="Any address under /api/ outside /api/v1/ is a JSON 404, whoever asks.",
    ),
    # Accounts
    "login": public(why="Signed-in people may sign in as someone else."),
    "logout": rule(
        get(everyone(NOT_ALLOWED)),
        why="POST only, so a link or image cannot sign anyone out.",
    ),
    "password_reset": public(),
    "password_reset_done": public(),
    "password_reset_confirm": public(why="A bad link shows the 'expired link' page."),
    "password_reset_complete": public(),
    # Members: public reading
    "members:directory": public(),
    "members:coverage": public(),
    "members:profile": rule(
        get(PUBLIC, label="member org"),
        get(PUBLIC, label="other org", slug="org_b"),
        get(everyone(NOT_FOUND), label="unknown org", slug="unknown_slug"),
    ),
    # Members: joining
    "members:apply": public(why="Anyone may apply to join; signed in or not."),
    "members:apply_thanks": public(),
    "members:applications": staff_only(),
    "members:application": staff_only(pk="application"),
    # Members: keeping profiles up to date
    "members:edit": rule(
        get(
            Expect(anonymous=LOGIN, member=OK, judge=FORBIDDEN, staff=OK, admin=OK),
            label="own org",
            slug="org_a",
        ),
        get(
            Expect(anonymous=LOGIN, member=FORBIDDEN, judge=FORBIDDEN, staff=FORBIDDEN, admin=OK),
            label="org outside staff's network",
            slug="org_b",
        ),
        why="Member contacts edit their own organisation; staff the members of networks "
        "they run; admins everything.",
    ),
    "members:logo": rule(
        get(everyone(NOT_FOUND), label="org without a logo"),
        get(everyone(NOT_FOUND), label="unknown org", slug="unknown_slug"),
        why="A logo is as public as the profile; its own tests fetch one that exists.",
    ),
    "members:history": staff_only(why="The audit log names people; staff only."),
    # Members: bulk data
    "members:export": staff_only(why="The CSV holds contact details."),
    "members:import": staff_only(),
    "members:import_job": staff_only(pk="import_job"),
    "members:import_progress": staff_only(pk="import_job"),
    # Topics
    "taxonomy:index": public(),
    "taxonomy:topic": public(slug="term"),
    # API: documentation and read endpoints are public
    f"{API}:openapi-json": public(),
    f"{API}:openapi-view": public(),
    f"{API}:api-root": public(why="Describes the API and links to its documentation."),
    f"{API}:list_networks": public(),
    f"{API}:get_network": public(slug="network"),
    f"{API}:list_organisations": public(),
    f"{API}:get_organisation": rule(
        get(PUBLIC, label="member org"),
        get(everyone(NOT_FOUND), label="unknown org", slug="unknown_slug"),
    ),
    f"{API}:list_terms": public(),
    f"{API}:get_term": public(slug="term"),
    # API: writing needs a staff token, never a session; tested with tokens elsewhere.
    f"{API}:create_organisation": write_only("POST"),
    f"{API}:update_organisation": write_only("PATCH"),
    f"{API}:put_membership": write_only("PUT"),
    f"{API}:delete_membership": write_only("DELETE"),
    # Language guide and checker (public; the checker is a POST form, rate-limited)
    "glossary:check": public(why="Anyone may check a text; POSTs are rate-limited per client."),
    "glossary:guide": public(),
    f"{API}:check_language": write_only("POST", covered_in="glossary/tests/test_checker_api.py"),
}


# Patterns that deliberately have no name (so nothing can link to them), by route.
UNNAMED_PATTERNS = {
    "api/v1/^.*$": "The API's catch-all: any unknown path under /api/v1/ gets a JSON 404.",
}


@dataclass(frozen=True)
class NamespaceRule:
    """One rule for a whole URL namespace whose pages share one gatekeeper."""

    representatives: dict[str, tuple[Case, ...]]
    why: str


NAMESPACE_RULES = {
    # Django admin checks access once, in AdminSite.has_permission (is_staff, which follows
    # the role). Its model URLs (changelists, add/change/delete/history pages and the
    # unnamed redirects) all pass through that check, so the matrix requests the index and
    # one changelist instead of every model URL.
    "admin": NamespaceRule(
        representatives={
            "admin:index": (get(ADMIN_SITE),),
            "admin:members_organisation_changelist": (get(ADMIN_SITE),),
        },
        why="Admin pages all pass through AdminSite.has_permission (staff and admins).",
    ),
    # The mail provider's webhooks (comms; anymail's own views): POST only, each checked by
    # anymail against the provider's signature or the shared secret, never by role.
    "anymail": NamespaceRule(
        representatives={
            "anymail:postmark_tracking_webhook": (get(everyone(NOT_ALLOWED)),),
            "anymail:sendgrid_tracking_webhook": (get(everyone(NOT_ALLOWED)),),
        },
        why="Providers POST reports with a secret; tested in comms/tests/"
        "test_bounces_and_complaints.py.",
    ),
}


# --- Library: resources, submissions, feeds and citations (library/urls.py) ---------------
# The matrix's fixture builds no resource, so pages about one resource are requested with a
# slug that matches none: the rule then shows who is stopped before the lookup (sign-in,
# 403) and that nobody can tell a draft from a missing page. Each view is tested per role
# against real published, draft and submitted resources in library/tests/.
DRAFT_RESOURCE = Expect(anonymous=NOT_FOUND, member=NOT_FOUND, judge=NOT_FOUND, staff=OK, admin=OK)
RULES.update(
    {
        "library:create": staff_only(),
        "library:submissions": staff_only(why="Unpublished submissions and drafts."),
        "library:submit": rule(
            get(Expect(anonymous=LOGIN, member=OK, judge=FORBIDDEN, staff=OK, admin=OK)),
            why="Contacts at member organisations submit for their own organisation; staff "
            "for the members of the networks they run. Judges have no organisation.",
        ),
        "library:feed_rss": public(),
        "library:feed_atom": public(),
        "library:topic_feed_rss": public(slug="term"),
        "library:topic_feed_atom": public(slug="term"),
        "library:resource": rule(
            get(PUBLIC, label="published", slug="resource"),
            get(DRAFT_RESOURCE, label="draft", slug="draft_resource"),
            get(everyone(NOT_FOUND), label="unknown resource", slug="unknown_slug"),
            why="Drafts and submissions are 404 to everyone but staff and the submitter.",
        ),
        "library:download": rule(
            get(everyone(NOT_FOUND), label="published, no file", slug="resource"),
            why="Downloads of real files per role are in library/tests/test_uploads.py.",
        ),
        "library:cite_bibtex": rule(
            get(PUBLIC, label="published", slug="resource"),
            get(DRAFT_RESOURCE, label="draft", slug="draft_resource"),
        ),
        "library:cite_ris": rule(
            get(PUBLIC, label="published", slug="resource"),
            get(DRAFT_RESOURCE, label="draft", slug="draft_resource"),
        ),
        "library:edit": staff_only(slug="resource"),
        "library:delete": staff_only(slug="resource", why="GET asks; only a POST deletes."),
        "library:history": staff_only(slug="resource", why="The audit log names people."),
        "library:extraction_progress": staff_only(slug="resource"),
        "library:review": rule(
            get(everyone(NOT_ALLOWED)),
            why="POST only (approve or reject); staff only, tested in test_submissions.py.",
        ),
    }
)


# --- Library search (library/views/search.py) ------------------------------------------------
# Only published resources are ever in the search index, so both are public; drafts never
# show (library/tests/test_search.py).
RULES.update(
    {
        "library:index": public(why="The library's search page: published resources only."),
        "library:search": public(why="The search as JSON: published resources only."),
    }
)


# --- Criminal justice dictionary (glossary/urls.py, glossary/api/) ---------------------------
# Reading the dictionary is public: the A to Z (with search), each term, the print view and
# the API. glossary/tests/ check the content of each.
RULES.update(
    {
        "glossary:index": public(),
        "glossary:print": public(),
        "glossary:term": rule(
            get(PUBLIC, label="a term", slug="dictionary_term"),
            get(everyone(NOT_FOUND), label="unknown term", slug="unknown_slug"),
        ),
        f"{API}:list_dictionary_terms": public(),
        f"{API}:get_dictionary_term": rule(
            get(PUBLIC, label="a term", slug="dictionary_term"),
            get(everyone(NOT_FOUND), label="unknown term", slug="unknown_slug"),
        ),
    }
)


# --- Recommendations: staff pages (influence/views/staff/) ----------------------------------
# Staff and admins only, requested against the real recommendations the matrix's fixture
# builds (a published one with a target, a source and a timeline entry with a document, and
# an unpublished one). influence/tests/test_staff_views.py covers what each page does.
STAFF_ONLY_UNKNOWN = Expect(
    anonymous=LOGIN, member=FORBIDDEN, judge=FORBIDDEN, staff=NOT_FOUND, admin=NOT_FOUND
)
RULES.update(
    {
        "influence:staff_create": staff_only(),
        "influence:staff_dashboard": staff_only(),
        "influence:staff_log": staff_only(why="Who met whom: the alliance's own working notes."),
        "influence:staff_log_new": staff_only(),
        "influence:staff_edit": rule(
            get(STAFF_ONLY, label="published", slug="recommendation"),
            get(STAFF_ONLY, label="unpublished", slug="draft_recommendation"),
            get(STAFF_ONLY_UNKNOWN, label="unknown recommendation", slug="unknown_slug"),
        ),
        "influence:staff_publish": rule(
            get(STAFF_POST_ONLY, slug="draft_recommendation"),
            why="POST only (publish or unpublish); staff only.",
        ),
        "influence:staff_status": rule(
            get(STAFF_ONLY, label="published", slug="recommendation"),
            get(STAFF_ONLY_UNKNOWN, label="unknown recommendation", slug="unknown_slug"),
        ),
        "influence:staff_correct": rule(
            get(STAFF_ONLY, label="an entry", slug="recommendation", pk="evidence_entry"),
            get(
                STAFF_ONLY_UNKNOWN,
                label="another recommendation's entry",
                slug="recommendation",
                pk="draft_evidence_entry",
            ),
        ),
        "influence:staff_merge": rule(
            get(STAFF_ONLY, label="published", slug="recommendation"),
            why="GET chooses and asks for confirmation; only a confirmed POST merges.",
        ),
        "influence:staff_repeats": rule(
            get(STAFF_ONLY, label="published", slug="recommendation"),
        ),
    }
)


# --- Recommendations: the public tracker, feeds and API (influence/urls.py, influence/api.py) --
# Published recommendations, their timelines and every target body are public on purpose.
# Unpublished ones: staff may preview the page; the read API never shows them. Merged ones
# redirect to the one kept (influence/tests/test_public.py).
UNPUBLISHED = Expect(anonymous=NOT_FOUND, member=NOT_FOUND, judge=NOT_FOUND, staff=OK, admin=OK)
RULES.update(
    {
        "influence:tracker": public(),
        "influence:export": public(why="A CSV of the public tracker: published data only."),
        "influence:feed_rss": public(),
        "influence:feed_atom": public(),
        "influence:targets": public(),
        "influence:target": rule(
            get(PUBLIC, label="a target body", slug="target_body"),
            get(everyone(NOT_FOUND), label="unknown target", slug="unknown_slug"),
        ),
        "influence:recommendation": rule(
            get(PUBLIC, label="published", slug="recommendation"),
            get(UNPUBLISHED, label="unpublished", slug="draft_recommendation"),
            get(everyone(NOT_FOUND), label="unknown recommendation", slug="unknown_slug"),
        ),
        "influence:evidence_document": rule(
            get(PUBLIC, label="published", slug="recommendation", pk="evidence_entry"),
            get(
                UNPUBLISHED,
                label="unpublished",
                slug="draft_recommendation",
                pk="draft_evidence_entry",
            ),
            get(
                everyone(NOT_FOUND),
                label="entry of another recommendation",
                slug="recommendation",
                pk="draft_evidence_entry",
            ),
            why="A timeline entry's document: public with the page that links it; a "
            "corrected entry's is for staff only (influence/tests/test_evidence_document.py).",
        ),
        f"{API}:list_recommendations": public(),
        f"{API}:get_recommendation": rule(
            get(PUBLIC, label="published", slug="recommendation"),
            get(everyone(NOT_FOUND), label="unpublished", slug="draft_recommendation"),
        ),
        f"{API}:get_timeline": rule(
            get(PUBLIC, label="published", slug="recommendation"),
            get(everyone(NOT_FOUND), label="unpublished", slug="draft_recommendation"),
        ),
        f"{API}:list_targets": public(),
        f"{API}:get_target": rule(
            get(PUBLIC, label="a target body", slug="target_body"),
            get(everyone(NOT_FOUND), label="unknown target", slug="unknown_slug"),
        ),
        f"{API}:create_recommendation": write_only(
            "POST", covered_in="influence/tests/test_api.py"
        ),
        f"{API}:record_status": write_only("POST", covered_in="influence/tests/test_api.py"),
    }
)


# --- Apps that keep their rules beside their own tests ------------------------------------------
# Each module defines RULES and SAMPLES like the ones above, and build_samples(context), which
# the matrix's fixture calls with the shared world (networks N and M, organisations A and B and
# the users by role) and which returns a value for each of its SAMPLES.
APP_RULE_MODULES = (
    "core.tests.permission_rules",
    "members.tests.permission_rules",
    "consultations.tests.permission_rules",
    "media.tests.permission_rules",
    "events.tests.permission_rules",
    "systemmodel.tests.permission_rules",
    "privacy.tests.permission_rules",
    "awards.tests.permission_rules",
    "comms.tests.permission_rules",
    "opportunities.tests.permission_rules",
    "comms.tests.update_permission_rules",
    "plans.tests.permission_rules",
    "equality.tests.permission_rules",
    "programmes.tests.permission_rules",
)


def app_rule_modules():
    from importlib import import_module

    return [import_module(name) for name in APP_RULE_MODULES]


for _module in app_rule_modules():
    RULES.update(_module.RULES)
    SAMPLES.update(_module.SAMPLES)
