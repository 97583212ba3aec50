"""Who gets what from each data-rights page: merged into groundswell/tests/permission_rules.py."""

from groundswell.tests.permission_rules import (
    LOGIN,
    OK,
    SIGNED_IN_POST_ONLY,
    STAFF_POST_ONLY,
    Expect,
    get,
    public,
    rule,
    staff_only,
)

SAMPLES = {"data_request": "pk of an open erasure request received by post"}
SIGNED_IN = Expect(anonymous=LOGIN, member=OK, judge=OK, staff=OK, admin=OK)

RULES = {
    "account_data": rule(get(SIGNED_IN), why="A person's own data; nobody else's."),
    "account_data_download": rule(get(SIGNED_IN), why="The ZIP of the signed-in person only."),
    "account_data_erase": rule(get(SIGNED_IN_POST_ONLY), why="POST only: asks staff."),
    "retention_rules": public(why="The retention rules are public."),
    "data_requests": staff_only(why="Requests name people; staff handle them."),
    "data_request": staff_only(pk="data_request"),
    "data_request_export": rule(get(STAFF_POST_ONLY, pk="data_request"), why="POST, logged."),
    "data_request_erase": rule(get(STAFF_POST_ONLY, pk="data_request"), why="POST, confirmed."),
    "data_request_close": rule(get(STAFF_POST_ONLY, pk="data_request"), why="POST only."),
}


def build_samples(context) -> dict[str, str]:
    from privacy.models import DataRequest

    request = DataRequest.objects.create(
        kind=DataRequest.Kind.ERASURE,
        received_via=DataRequest.Via.POST,
        name="Pat Writer",
        email="pat.writer@example.org",
    )
    return {"data_request": str(request.pk)}
