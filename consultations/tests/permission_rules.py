"""Who gets what from each consultations page: merged into groundswell/tests/permission_rules.py.

Every named URL in consultations/urls.py (and its API routes) needs a rule here.
"""

from groundswell.tests.permission_rules import (  # noqa: F401  the vocabulary rules are built from
    API,
    LOGIN,
    NOT_FOUND,
    OK,
    PUBLIC,
    STAFF_ONLY,
    Expect,
    everyone,
    get,
    public,
    rule,
    staff_only,
    write_only,
)

SAMPLES: dict[str, str] = {}
RULES = {}


def build_samples(context) -> dict[str, str]:
    """The value of each of SAMPLES, built in the matrix's shared world."""
    return {}
