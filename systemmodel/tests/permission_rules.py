"""Who gets what from each page of the whole-system model: merged into
groundswell/tests/permission_rules.py.

Running the model and reading how it works are public (it holds no personal data). Saving
needs an account; drafts are visible to their author and staff only; publishing is staff
only. The API is public and rate-limited; its POST is tested in test_api_model.py.
"""

from groundswell.tests.permission_rules import (
    API,
    FORBIDDEN,
    LOGIN,
    NOT_FOUND,
    OK,
    PUBLIC,
    SIGNED_IN_POST_ONLY,
    Expect,
    everyone,
    get,
    public,
    rule,
    write_only,
)

SAMPLES = {
    "model_series": "name of a headline series, prison_population",
    "model_scenario": "slug of a published model scenario",
    "model_draft": "slug of an unpublished model scenario saved by someone outside the matrix",
}

DRAFT = Expect(anonymous=NOT_FOUND, member=NOT_FOUND, judge=NOT_FOUND, staff=OK, admin=OK)
STAFF_PAGE = Expect(anonymous=LOGIN, member=FORBIDDEN, judge=FORBIDDEN, staff=OK, admin=OK)

RULES = {
    "systemmodel:scenario_page": public(why="Anyone may run the model."),
    "systemmodel:results_csv": public(name="model_series"),
    "systemmodel:save": rule(
        get(SIGNED_IN_POST_ONLY),
        why="POST only; anyone signed in may save. Tested in systemmodel/tests/test_pages.py.",
    ),
    "systemmodel:scenarios": public(why="Published scenarios, plus each person's own drafts."),
    "systemmodel:compare": public(),
    "systemmodel:how_it_works": public(),
    "systemmodel:scenario": rule(
        get(PUBLIC, label="published", slug="model_scenario"),
        get(DRAFT, label="someone else's draft", slug="model_draft"),
        get(everyone(NOT_FOUND), label="unknown", slug="unknown_slug"),
        why="A draft is 404 to everyone but its author and staff.",
    ),
    "systemmodel:scenario_csv": rule(
        get(PUBLIC, label="published", slug="model_scenario", name="model_series"),
        get(DRAFT, label="someone else's draft", slug="model_draft", name="model_series"),
    ),
    "systemmodel:publish": rule(
        get(STAFF_PAGE, slug="model_scenario"),
        why="Publishing and linking to recommendations is the alliance staff's decision.",
    ),
    f"{API}:model_parameters": public(why="Published figures and the model's assumptions."),
    f"{API}:model_run": write_only("POST", covered_in="systemmodel/tests/test_api_model.py"),
}


def build_samples(context) -> dict[str, str]:
    from systemmodel.tests.factories import ScenarioFactory

    published = ScenarioFactory(slug="matrix-published", levers={})
    draft = ScenarioFactory(slug="matrix-draft", is_published=False, levers={})
    return {
        "model_series": "prison_population",
        "model_scenario": published.slug,
        "model_draft": draft.slug,
    }
