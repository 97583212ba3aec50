"""Who gets what from each equality page: merged into groundswell/tests/permission_rules.py.

Published reports are public; answering needs an account and each group's form is for its
people (the staff form only staff); a person's own answers are theirs alone; everything else
is the alliance staff's."""

from groundswell.tests.permission_rules import (
    FORBIDDEN,
    LOGIN,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    STAFF_POST_ONLY,
    Expect,
    everyone,
    get,
    public,
    rule,
    staff_only,
)

SAMPLES = {
    "equality_year": "a published report year",
    "equality_unpublished_year": "a year with answers but no published report",
    "equality_open": "slug of an open member-leaders form",
    "equality_staff_form": "slug of the open staff form",
    "equality_closed": "slug of a closed form",
    "equality_exercise_pk": "pk of a form",
}

SIGNED_IN = Expect(anonymous=LOGIN, member=OK, judge=OK, staff=OK, admin=OK)
# A form not for you, or closed, says so (403 with the reason) rather than pretending not to be.
STAFF_FORM = Expect(anonymous=LOGIN, member=FORBIDDEN, judge=FORBIDDEN, staff=OK, admin=OK)
CLOSED = Expect(anonymous=LOGIN, member=FORBIDDEN, judge=FORBIDDEN, staff=FORBIDDEN,
                admin=FORBIDDEN)  # fmt: skip
SIGNED_IN_POST = Expect(
    anonymous=NOT_ALLOWED, member=NOT_ALLOWED, judge=NOT_ALLOWED, staff=NOT_ALLOWED,
    admin=NOT_ALLOWED,
)  # fmt: skip

RULES = {
    "equality:index": public(why="The published reports and the rule."),
    "equality:report": rule(
        get(everyone(OK), label="published", year="equality_year"),
        get(everyone(NOT_FOUND), label="not published", year="equality_unpublished_year"),
    ),
    "equality:report_csv": public(year="equality_year"),
    "equality:report_pdf": public(year="equality_year"),
    "equality:mine": rule(get(SIGNED_IN), why="Only ever the signed-in person's own answers."),
    "equality:answer": rule(
        get(SIGNED_IN, label="open form", slug="equality_open"),
        get(STAFF_FORM, label="staff form", slug="equality_staff_form"),
        get(CLOSED, label="closed form", slug="equality_closed"),
    ),
    "equality:delete": rule(get(SIGNED_IN_POST, slug="equality_open"), why="POST only."),
    "equality:staff_index": staff_only(),
    "equality:staff_preview": staff_only(year="equality_unpublished_year"),
    "equality:staff_publish": rule(
        get(STAFF_POST_ONLY, year="equality_unpublished_year"), why="POST only."
    ),  # fmt: skip
    "equality:staff_toggle": rule(
        get(STAFF_POST_ONLY, pk="equality_exercise_pk"), why="POST only."
    ),
}


def build_samples(context) -> dict[str, str]:
    from equality.models import Group
    from equality.services import monitoring, reports
    from equality.tests.factories import ExerciseFactory, answers

    published = ExerciseFactory(year=2025)
    monitoring.save_answers(context["users"]["staff"], published, answers())
    reports.publish(2025, context["users"]["staff"])
    open_form = ExerciseFactory(year=2026)
    monitoring.save_answers(context["users"]["member"], open_form, answers())
    staff_form = ExerciseFactory(year=2026, group=Group.STAFF)
    closed = ExerciseFactory(year=2026, is_open=False)
    return {
        "equality_year": "2025",
        "equality_unpublished_year": "2026",
        "equality_open": open_form.slug,
        "equality_staff_form": staff_form.slug,
        "equality_closed": closed.slug,
        "equality_exercise_pk": str(open_form.pk),
    }
