"""Who gets what from the shared workspace pages (core/pages/): merged into
groundswell/tests/permission_rules.py. Every named URL in core/pages/urls.py needs a rule here.
"""

from groundswell.tests.permission_rules import LOGIN, OK, PUBLIC, Expect, get, rule

SAMPLES: dict[str, str] = {}

SIGNED_IN = Expect(anonymous=LOGIN, member=OK, judge=OK, staff=OK, admin=OK)

RULES = {
    "workspace_home": rule(
        get(SIGNED_IN),
        why="Each signed-in person's own home; its panels show only what they may see.",
    ),
    "site_search": rule(
        get(PUBLIC),
        why="Anyone may search; each kind of result shows only what the searcher may see.",
    ),
}


def build_samples(context) -> dict:
    return {}
