"""Who gets what from the shared workspace pages (core/pages/): merged into
groundswell/tests/permission_rules.py. Every named URL in core/pages/urls.py needs a rule here.
"""

from groundswell.tests.permission_rules import (
    LOGIN,
    OK,
    PUBLIC,
    SIGNED_IN_POST_ONLY,
    Expect,
    get,
    rule,
)

SAMPLES = {"email_token": "a signed email-change token for nobody in particular"}

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
    "account": rule(get(SIGNED_IN), why="A person's own account; there is nobody else's."),
    "account_password": rule(get(SIGNED_IN)),
    "account_email": rule(get(SIGNED_IN)),
    "account_email_confirm": rule(
        get(PUBLIC, token="email_token"),
        why="The token is the proof, so the link works on whichever device opens it; GET "
        "only asks, and a bad token changes nothing (core/tests/workspace/test_account.py).",
    ),
    "account_sign_out": rule(get(SIGNED_IN_POST_ONLY), why="POST only: a link cannot do it."),
}


def build_samples(context) -> dict:
    from django.core import signing

    from core.accounts import EMAIL_CHANGE_SALT

    token = signing.dumps({"user": 0, "from": "", "to": ""}, salt=EMAIL_CHANGE_SALT)
    return {"email_token": token}
