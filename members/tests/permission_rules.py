"""Who gets what from the contacts pages (members/views/contacts.py): merged into
groundswell/tests/permission_rules.py beside the members rules kept there."""

from groundswell.tests.permission_rules import (
    FORBIDDEN,
    LOGIN,
    NOT_FOUND,
    OK,
    STAFF_POST_ONLY,
    Expect,
    get,
    rule,
)

SAMPLES = {"affiliation": "pk of the member contact's affiliation with organisation A"}

# Staff of the organisation's networks and admins; organisation B is outside staff's networks.
STAFF_OF_NETWORK = Expect(anonymous=LOGIN, member=FORBIDDEN, judge=FORBIDDEN, staff=OK, admin=OK)
OUTSIDE_NETWORK = Expect(
    anonymous=LOGIN, member=FORBIDDEN, judge=FORBIDDEN, staff=FORBIDDEN, admin=OK
)
UNKNOWN = Expect(
    anonymous=LOGIN, member=FORBIDDEN, judge=FORBIDDEN, staff=NOT_FOUND, admin=NOT_FOUND
)

RULES = {
    "members:contacts": rule(
        get(STAFF_OF_NETWORK, label="org in staff's network"),
        get(OUTSIDE_NETWORK, label="org outside staff's network", slug="org_b"),
        get(UNKNOWN, label="unknown org", slug="unknown_slug"),
        why="Contacts' names and addresses: staff of the organisation's networks and admins.",
    ),
    "members:contact_resend": rule(
        get(STAFF_POST_ONLY, pk="affiliation"), why="POST only; members/tests/test_contacts.py."
    ),
    "members:contact_remove": rule(
        get(STAFF_POST_ONLY, pk="affiliation"), why="POST only; members/tests/test_contacts.py."
    ),
}


def build_samples(context) -> dict:
    from members.models import Affiliation

    affiliation = Affiliation.objects.get(organisation=context["org_a"])
    return {"affiliation": str(affiliation.pk)}
