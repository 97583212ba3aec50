"""Every row is checked, problems name their row and column, and a bad row writes nothing."""

import pytest
from django.db import IntegrityError

from core.models import AuditEntry
from members.models import ImportJob, Membership, Organisation
from members.services.csv.applying import apply_plan
from members.services.csv.columns import ORGANISATION_COLUMNS
from members.services.csv.planning import plan_import
from members.tests.csv_import.support import (
    generated_rows,
    header,
    import_text,
    problems,
    row,
    to_csv,
    upload,
)
from members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_each_problem_names_its_row_and_column(networks):
    rows = [
        row("Good One", charity_number="1111111"),
        row("Bad Number", charity_number="12AB"),
        row("", themes="housing"),
        row("Bad Tags", themes="housing;no-such-theme;prisons"),
        row("Bad Flags", lived_experience_led="maybe", type="quango", size_band="huge"),
        row("Bad Dates", **{"cja status": "member", "cja joined": "31/01/2020"}),
        row("Dates Without Status", **{"yjn joined": "2020-01-01"}),
        row("Bad Web", website="not a web address", company_number="ABC"),
        row("Long", description="x" * 2001),
        row("Bad Slug", slug="Not A Slug!"),
    ]
    found = problems(to_csv(rows))
    expected = [
        "Row 3, charity_number: Enter a registered charity number: 6 or 7 digits for England "
        "and Wales, SC and 6 digits for Scotland, or NIC and 6 digits for Northern Ireland.",
        "Row 4, name: Enter the organisation's name.",
        'Row 5, themes: "no-such-theme" is not a theme. Use the slugs listed on the import '
        "page, separated by semicolons.",
        'Row 5, themes: "prisons" is a part of the system, not a theme: put it in the parts '
        "column.",
        'Row 6, lived_experience_led: Enter yes or no, not "maybe".',
        'Row 6, type: "quango" is not one of: charity, social_enterprise, grassroots, research, '
        "association, other.",
        'Row 6, size_band: "huge" is not one of: micro, small, medium, large, major (or blank).',
        'Row 7, cja joined: "31/01/2020" is not a date written YYYY-MM-DD (for example '
        "2025-04-01).",
        'Row 7, cja status: "member" is not a membership status. Enter applied, active, lapsed '
        "or left, or leave it blank for no membership.",
        "Row 8, yjn status: Give a status (applied, active, lapsed or left) when there are "
        "membership dates, or leave the dates blank.",
        "Row 9, website: Enter a valid URL.",
        "Row 9, company_number: Enter a Companies House number: 8 digits, or 2 letters and 6 "
        "digits (for example 01234567 or SC123456).",
        "Row 10, description: Ensure this value has at most 2000 characters (it has 2001).",
        'Row 11, slug: "Not A Slug!" is not a valid slug: use only lower-case letters, numbers '
        "and hyphens.",
    ]
    assert sorted(found) == sorted(expected)


def test_a_row_with_the_wrong_number_of_cells_is_reported(networks):
    text = header() + "\r\nShort,charity\r\n"
    assert problems(text) == [
        "Row 2: it has 2 cells but the header has 20 columns. Check for a stray comma or a "
        "missing quote."
    ]


def test_duplicate_rows_name_both_row_numbers(networks):
    rows = [
        row("First", charity_number="1234567"),
        row("Second", charity_number="1234567"),
        row("The Forward Trust"),
        row("Forward Trust Ltd"),
        row("Third", company_number="01234567"),
        row("Fourth", company_number="1234567"),  # the same number, written without its zero
    ]
    assert problems(to_csv(rows)) == [
        "Row 3, charity_number: this row has the same value as row 2. Each organisation may "
        "appear only once in the file: merge rows 2 and 3.",
        "Row 5, name: this row has a name that matches row 4. Each organisation may appear "
        "only once in the file: merge rows 4 and 5.",
        "Row 7, company_number: this row has the same value as row 6. Each organisation may "
        "appear only once in the file: merge rows 6 and 7.",
    ]


def test_numbers_that_belong_to_a_different_organisation_are_refused(networks):
    OrganisationFactory(
        name="Nacro", slug="nacro", charity_number="226171", company_number="00514514"
    )
    OrganisationFactory(name="Clinks", slug="clinks", charity_number="1074546")
    rows = [
        row("Someone Else", company_number="00514514"),
        row("Nacro", charity_number="1000000"),
        row("Clinks", charity_number="1074546", slug="nacro"),
    ]
    assert problems(to_csv(rows)) == [
        'Row 2, company_number: 00514514 already belongs to "Nacro", a different organisation.',
        'Row 3, charity_number: "Nacro" already exists with charity number 226171. Correct the '
        "number, or give a different organisation a name of its own.",
        'Row 4, slug: nacro already belongs to "Nacro", a different organisation.',
    ]


def test_an_existing_organisation_keeps_its_slug_and_can_be_found_by_it(networks):
    clinks = OrganisationFactory(name="Clinks", slug="clinks")
    import_text(to_csv([row("Clinks Network", slug="clinks"), row("Open Doors", slug="")]))
    clinks.refresh_from_db()
    assert clinks.name == "Clinks Network", "a renamed organisation is recognised by its slug"
    import_text(to_csv([row("Clinks Network", slug="a-new-address")]))
    clinks.refresh_from_db()
    assert clinks.slug == "clinks"
    assert Organisation.objects.get(name="Open Doors").slug == "open-doors"


def test_a_namesake_with_its_own_charity_number_and_slug_is_another_organisation(networks):
    leeds = OrganisationFactory(name="Women's Aid", slug="womens-aid", charity_number="1054154")
    rows = [
        row("Women's Aid", slug="womens-aid", charity_number="1054154", website="https://a.org"),
        row("Womens Aid", slug="womens-aid-york", charity_number="1111111"),
    ]
    plan = plan_import(to_csv(rows))
    assert [r.action for r in plan.rows] == ["update", "create"]
    assert plan.rows[0].organisation == leeds
    # Without a slug of its own, a different number is taken for a mistake, not a namesake.
    assert problems(to_csv([row("Women's Aid", charity_number="1111111")])) == [
        'Row 2, charity_number: "Women\'s Aid" already exists with charity number 1054154. '
        "Correct the number, or give a different organisation a name of its own."
    ]


def test_empty_unnamed_columns_are_ignored_but_not_values_in_them(networks):
    text = to_csv([row("Open Doors")], [*ORGANISATION_COLUMNS, "", " "])
    assert import_text(text).created == 1
    text = to_csv([row("Open Doors", **{"": "stray"})], [*ORGANISATION_COLUMNS, ""])
    assert problems(text) == [
        "Row 2: column 15 has a value but no heading. Add its heading to row 1, or remove the "
        "value."
    ]


def test_two_rows_for_one_existing_organisation_are_refused(networks):
    OrganisationFactory(name="Unlock", charity_number="1079046")
    rows = [row("Unlock for People with Convictions", charity_number="1079046"), row("Unlock")]
    assert problems(to_csv(rows)) == [
        'Row 3: rows 2 and 3 both describe "Unlock". Merge them into one row.'
    ]


def test_one_bad_row_among_good_ones_writes_nothing(staff_client, networks):
    rows = generated_rows(30)
    rows[17]["charity_number"] = "not a number"
    response = upload(staff_client, to_csv(rows))
    assert response.status_code == 400
    assert "Row 19, charity_number: Enter a registered charity number" in response.content.decode()
    assert not ImportJob.objects.exists()
    assert not Organisation.objects.exists()
    assert not AuditEntry.objects.exists()


def test_a_clash_found_while_writing_rolls_everything_back(networks):
    plan = plan_import(to_csv(generated_rows(30)))
    # Someone takes a company number between the check and the write.
    OrganisationFactory(name="Latecomer", company_number="10000029")
    with pytest.raises(IntegrityError):
        apply_plan(plan)
    assert list(Organisation.objects.values_list("name", flat=True)) == ["Latecomer"]
    assert not Membership.objects.exists()


def test_the_task_checks_the_file_again_and_fails_without_writing(staff_client, networks):
    response = upload(staff_client, to_csv(generated_rows(5)))
    OrganisationFactory(name="Latecomer", company_number="10000003")
    staff_client.post(response["Location"], {"action": "confirm"})
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.FAILED
    assert 'Row 5, company_number: 10000003 already belongs to "Latecomer"' in job.error
    assert Organisation.objects.count() == 1
    page = staff_client.get(response["Location"])
    assert b"The import failed" in page.content and b"hx-trigger" not in page.content
