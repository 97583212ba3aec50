"""CSV export and import of member organisations: format, checks, all-or-nothing, speed."""

import csv
import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core import audit
from core.models import AuditEntry
from core.tests.factories import AdminFactory, JudgeFactory, StaffFactory, UserFactory
from members.models import ImportJob, Membership, Organisation
from members.services import csv_io
from members.tests.factories import NetworkFactory, OrganisationFactory, member_contact_for
from taxonomy.models import Term

pytestmark = pytest.mark.django_db

PARTS = ["prisons", "policing", "youth-justice", "courts-and-sentencing"]
THEMES = ["housing", "racial-equality", "women-and-girls", "criminal-records"]
POPULATIONS = ["women", "young-adults", "veterans", "families"]
REGIONS = ["london", "wales", "north-west", "national"]


# -- fixture files, generated in memory ------------------------------------------------------


@pytest.fixture
def networks():
    return [
        NetworkFactory(name="Criminal Justice Alliance", slug="cja"),
        NetworkFactory(name="Youth Justice Network", slug="yjn"),
    ]


def row(name, **values) -> dict:
    """One organisation as a CSV row; anything not given is blank (or "no")."""
    data = {
        "name": name,
        "type": "charity",
        "lived_experience_led": "no",
        "by_and_for": "no",
    }
    data.update(values)
    return data


def generated_rows(count: int, start: int = 0) -> list[dict]:
    """`count` distinct, valid organisations with tags and two memberships each."""
    rows = []
    for i in range(start, start + count):
        rows.append(
            row(
                f"Generated Justice Project {i}",
                description=f"Project {i} supports people in contact with the justice system.",
                website=f"https://project{i}.example.org",
                charity_number=str(1_000_000 + i),
                company_number=f"{10_000_000 + i:08d}",
                size_band=["micro", "small", "medium", "large", "major"][i % 5],
                lived_experience_led="yes" if i % 2 else "no",
                by_and_for="yes" if i % 3 == 0 else "no",
                regions=";".join(REGIONS[i % 4 : i % 4 + 2]),
                parts=PARTS[i % 4],
                themes=";".join(THEMES[i % 3 : i % 3 + 2]),
                populations=POPULATIONS[i % 4],
                **{
                    "cja status": ["active", "applied", "lapsed", "left"][i % 4],
                    "cja joined": f"20{10 + i % 15}-0{1 + i % 9}-1{i % 10}",
                    "cja renewal due": "2026-04-01" if i % 2 else "",
                    "yjn status": "active" if i % 5 == 0 else "",
                    "yjn joined": "2021-06-30" if i % 5 == 0 else "",
                    "yjn renewal due": "",
                },
            )
        )
    return rows


def to_csv(rows: list[dict], columns: list[str] | None = None) -> str:
    if columns is None:
        from members.models import Network

        columns = csv_io.header_for(Network.objects.order_by("slug"))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for data in rows:
        writer.writerow([data.get(column, "") for column in columns])
    return out.getvalue()


def csv_file(text: str | bytes, name: str = "members.csv") -> SimpleUploadedFile:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return SimpleUploadedFile(name, data, content_type="text/csv")


def import_text(text: str):
    plan = csv_io.plan_import(text)
    assert plan.is_valid, [str(p) for p in plan.problems]
    return csv_io.apply_plan(plan, actor_label="test")


def problems(text: str) -> list[str]:
    plan = csv_io.plan_import(text)
    assert not plan.is_valid
    return [str(problem) for problem in plan.problems]


@pytest.fixture
def staff_client(client):
    client.force_login(StaffFactory(name="Sam Staff"))
    return client


def upload(client, text, name="members.csv"):
    return client.post(reverse("members:import"), {"file": csv_file(text, name)})


# -- the happy path on the web ---------------------------------------------------------------


def test_upload_previews_then_confirm_imports_everything(staff_client, networks):
    text = to_csv(generated_rows(3))
    response = upload(staff_client, text)
    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("members:import_job", args=[job.pk])
    assert job.status == ImportJob.Status.READY and job.total_rows == 3
    assert not Organisation.objects.exists(), "nothing is written before confirming"

    preview = staff_client.get(response["Location"])
    assert preview.status_code == 200
    assert preview.context["counts"] == {"create": 3, "update": 0, "unchanged": 0}
    assert b"Generated Justice Project 2" in preview.content
    assert not Organisation.objects.exists()

    done = staff_client.post(response["Location"], {"action": "confirm"}, follow=True)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE
    assert (job.created_count, job.updated_count, job.unchanged_count) == (3, 0, 0)
    assert job.processed_rows == job.total_rows == 3
    assert job.content == "", "the upload is not kept after the import"
    assert b"3 created, 0 updated, 0 unchanged" in done.content

    org = Organisation.objects.get(charity_number="1000001")
    assert org.name == "Generated Justice Project 1"
    assert org.normalised_name == "generated justice project 1"
    assert org.slug == "generated-justice-project-1"
    assert org.company_number == "10000001"
    assert org.size_band == "small" and org.lived_experience_led and not org.by_and_for
    assert sorted(org.regions.values_list("slug", flat=True)) == ["north-west", "wales"]
    assert list(org.parts.values_list("slug", flat=True)) == ["policing"]
    membership = Membership.objects.get(organisation=org, network__slug="cja")
    assert membership.status == "applied"
    assert membership.joined_on == datetime.date(2011, 2, 11)
    assert membership.renewal_due == datetime.date(2026, 4, 1)
    entries = AuditEntry.objects.filter(actor__isnull=False)
    assert entries.filter(action="create").count() == 3 + 3 + 1  # organisations + memberships


def test_audit_entries_match_what_core_audit_records(networks):
    import_text(to_csv(generated_rows(1)))
    org = Organisation.objects.get()
    entry = AuditEntry.objects.get(object_id=str(org.pk), content_type__model="organisation")
    after = {field: values[1] for field, values in entry.changes.items()}
    assert after == {k: v for k, v in audit.snapshot(org).items() if v is not None}
    membership = org.memberships.get(network__slug="cja")
    entry = AuditEntry.objects.get(object_id=str(membership.pk), content_type__model="membership")
    after = {field: values[1] for field, values in entry.changes.items()}
    assert after == {k: v for k, v in audit.snapshot(membership).items() if v is not None}


def test_rerunning_the_same_file_changes_nothing(networks):
    text = to_csv(generated_rows(40))
    import_text(text)
    stamps = dict(Organisation.objects.values_list("pk", "updated_at"))
    entries = AuditEntry.objects.count()
    with CaptureQueriesContext(connection) as queries:
        plan = csv_io.plan_import(text)
        result = csv_io.apply_plan(plan)
    assert plan.counts == {"create": 0, "update": 0, "unchanged": 40}
    assert (result.created, result.updated, result.unchanged) == (0, 0, 40)
    writes = [q["sql"] for q in queries if q["sql"].split()[0] in {"INSERT", "UPDATE", "DELETE"}]
    assert writes == []
    assert AuditEntry.objects.count() == entries
    assert dict(Organisation.objects.values_list("pk", "updated_at")) == stamps


def test_a_changed_row_updates_only_that_organisation_and_is_audited(networks):
    rows = generated_rows(5)
    import_text(to_csv(rows))
    stamps = dict(Organisation.objects.values_list("pk", "updated_at"))
    rows[2]["description"] = "A new description."
    rows[2]["themes"] = "housing"
    rows[3]["cja status"] = "active"
    plan = csv_io.plan_import(to_csv(rows))
    assert plan.counts == {"create": 0, "update": 2, "unchanged": 3}
    assert plan.rows[2].changes == ["description", "themes"]
    assert plan.rows[3].changes == ["cja membership"]
    csv_io.apply_plan(plan)
    changed = Organisation.objects.get(charity_number="1000002")
    assert changed.description == "A new description."
    assert list(changed.themes.values_list("slug", flat=True)) == ["housing"]
    assert changed.updated_at > stamps[changed.pk]
    others = Organisation.objects.exclude(pk=changed.pk)
    assert all(org.updated_at == stamps[org.pk] for org in others), "membership-only change"
    entry = audit.history_for(changed).first()
    assert entry.changes["description"][1] == "A new description."
    assert entry.changes["themes"] == [["Criminal records", "Women and girls"], ["Housing"]]
    membership = Membership.objects.get(organisation__charity_number="1000003", network__slug="cja")
    assert membership.status == "active"


def test_rows_match_existing_organisations_by_charity_number_then_name(networks):
    by_number = OrganisationFactory(name="Old Name", charity_number="1234567")
    by_name = OrganisationFactory(name="The Forward Trust")
    text = to_csv(
        [
            row("New Name", charity_number="1234567"),
            row("Forward Trust Ltd", charity_number="7654321"),
        ]
    )
    plan = csv_io.plan_import(text)
    assert [r.organisation for r in plan.rows] == [by_number, by_name]
    csv_io.apply_plan(plan)
    by_number.refresh_from_db()
    by_name.refresh_from_db()
    assert by_number.name == "New Name"
    assert by_name.charity_number == "7654321"
    assert Organisation.objects.count() == 2


# -- round trip ------------------------------------------------------------------------------


def test_export_then_import_into_an_empty_database_is_lossless(networks):
    tricky = [
        row(
            '=HYPERLINK("http://evil.example")',
            description="+44 20 7946 0000 and -5 degrees; @everyone\n'quoted' \"double\"",
            themes="housing;criminal-records",
            **{"cja status": "active", "cja joined": "2019-01-31"},
        ),
        row("'t Hooft Foundation", description="'=already escaped by hand"),
        row(
            "Café Ünïcode & Partners CIC",
            type="social_enterprise",
            size_band="micro",
            website="https://café.example.org",
            description="Line one\r\nLine two",
        ),
        row(
            "<script>alert('x')</script> Aid",
            description="<b>bold</b> &amp;",
            company_number="SC123456",
            by_and_for="yes",
        ),
        # Two organisations may share a name when their slugs tell them apart.
        row("Women's Aid", slug="womens-aid-leeds", charity_number="SC012345"),
        row(
            "Womens Aid",
            slug="womens-aid-york",
            charity_number="NIC123456",
            **{"yjn status": "lapsed", "yjn renewal due": "2024-02-29"},
        ),
    ]
    import_text(to_csv(tricky + generated_rows(25)))
    first = csv_io.export_csv()
    out = io.StringIO()
    call_command("export_members", stdout=out)
    assert out.getvalue() == first, "the command writes exactly what the web exports"

    Organisation.objects.all().delete()
    assert not Membership.objects.exists()
    import_text(first)
    second = csv_io.export_csv()
    assert second.encode() == first.encode()
    assert Organisation.objects.get(slug="womens-aid-york").memberships.get().renewal_due == (
        datetime.date(2024, 2, 29)
    )
    assert Organisation.objects.filter(name='=HYPERLINK("http://evil.example")').exists()


def test_html_in_values_is_stored_as_text_and_escaped_on_pages(staff_client, networks):
    text = to_csv([row("<script>alert(1)</script> Trust", description="<img src=x onerror=y>")])
    response = upload(staff_client, text)
    preview = staff_client.get(response["Location"])
    assert b"<script>alert(1)</script>" not in preview.content
    assert b"&lt;script&gt;alert(1)&lt;/script&gt; Trust" in preview.content
    staff_client.post(response["Location"], {"action": "confirm"})
    org = Organisation.objects.get()
    assert org.name == "<script>alert(1)</script> Trust"
    assert org.description == "<img src=x onerror=y>"


# -- bad files -------------------------------------------------------------------------------


def header() -> str:
    return to_csv([]).strip()


BAD_FILES = {
    "empty": (b"", "The file is empty"),
    "blank lines only": (b"\r\n\r\n  \n", "The file is empty"),
    "header only": (None, "header row but no organisations"),
    "not utf-8": ("name,type\r\nCafé,charity\r\n".encode("cp1252"), "CSV UTF-8"),
    "binary junk": (bytes(range(256)) * 8, "not CSV text"),
    "excel workbook": (b"PK\x03\x04" + b"\x14\x00" * 50, "Excel workbook"),
    "utf-16": ("name,type\r\n".encode("utf-16"), "UTF-16"),
    "semicolons": (b"name;type;description\r\nA;charity;x\r\n", "separated by semicolons"),
    "unbalanced quote": (None, "could not be read as CSV"),
}


@pytest.mark.parametrize("case", BAD_FILES)
def test_a_bad_file_gets_a_clear_message_and_changes_nothing(case, staff_client, networks):
    data, message = BAD_FILES[case]
    if case == "header only":
        data = (header() + "\r\n").encode()
    if case == "unbalanced quote":
        data = (header() + '\r\n"Unclosed,charity\r\n').encode()
    response = staff_client.post(reverse("members:import"), {"file": csv_file(data)})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ImportJob.objects.exists()
    assert not Organisation.objects.exists()


def test_wrong_columns_are_named(networks):
    text = "Name,Kind,description,favourite colour,cja status\r\nA,charity,x,blue,active\r\n"
    found = problems(text)
    assert (
        "These required columns are missing: type, website, charity_number, company_number, "
        "size_band, lived_experience_led, by_and_for, regions, parts, themes, populations."
    ) in found
    assert any("not recognised: Kind, favourite colour" in p for p in found)
    assert any("add cja joined, cja renewal due" in p for p in found)


def test_repeated_columns_are_named(networks):
    assert "These columns appear more than once: name." in problems(header() + ",name\r\n")


def test_headers_may_use_spaces_capitals_and_leave_out_networks(networks):
    columns = [c.replace("_", " ").title() for c in csv_io.ORGANISATION_COLUMNS]
    text = to_csv([], columns) + '"Open Doors",,charity,,,,,,no,no,,,,\r\n'
    result = import_text(text)
    assert result.created == 1
    assert not Membership.objects.exists()


def test_an_upload_over_the_limit_is_refused_before_it_is_read(staff_client):
    big = SimpleUploadedFile("huge.csv", b"a" * (50 * 1024 * 1024), content_type="text/csv")
    response = staff_client.post(reverse("members:import"), {"file": big})
    assert response.status_code == 413
    assert "The file is too large (50.0\xa0MB)" in response.content.decode()
    assert not ImportJob.objects.exists()


@override_settings(MAX_UPLOAD_BYTES=1000)
def test_the_upload_size_is_checked_before_decoding(staff_client, networks):
    text = to_csv(generated_rows(10))
    assert len(text) > 1000
    response = upload(staff_client, text)
    assert response.status_code == 413
    assert "The largest file you can upload is 1000\xa0bytes" in response.content.decode()


def test_uploading_without_a_file_asks_for_one(staff_client):
    response = staff_client.post(reverse("members:import"), {})
    assert response.status_code == 400
    assert b"Choose a CSV file to upload." in response.content


# -- row checks ------------------------------------------------------------------------------


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
    plan = csv_io.plan_import(to_csv(rows))
    assert [r.action for r in plan.rows] == ["update", "create"]
    assert plan.rows[0].organisation == leeds
    # Without a slug of its own, a different number is taken for a mistake, not a namesake.
    assert problems(to_csv([row("Women's Aid", charity_number="1111111")])) == [
        'Row 2, charity_number: "Women\'s Aid" already exists with charity number 1054154. '
        "Correct the number, or give a different organisation a name of its own."
    ]


def test_empty_unnamed_columns_are_ignored_but_not_values_in_them(networks):
    text = to_csv([row("Open Doors")], [*csv_io.ORGANISATION_COLUMNS, "", " "])
    assert import_text(text).created == 1
    text = to_csv([row("Open Doors", **{"": "stray"})], [*csv_io.ORGANISATION_COLUMNS, ""])
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
    plan = csv_io.plan_import(to_csv(generated_rows(30)))
    # Someone takes a company number between the check and the write.
    OrganisationFactory(name="Latecomer", company_number="10000029")
    with pytest.raises(IntegrityError):
        csv_io.apply_plan(plan)
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


# -- progress --------------------------------------------------------------------------------


def test_progress_is_reported_outside_the_data_transaction(networks, monkeypatch):
    from core.lib import jobs
    from members import tasks

    seen = []
    baseline = len(connection.atomic_blocks)
    real_update = jobs.update

    def spy(job_id, **fields):
        if "processed_rows" in fields and fields.get("status") is None:
            seen.append((fields["processed_rows"], len(connection.atomic_blocks) - baseline))
        real_update(job_id, **fields)

    monkeypatch.setattr(jobs, "update", spy)
    job = ImportJob.objects.create(
        filename="m.csv", content=to_csv(generated_rows(450)), status=ImportJob.Status.QUEUED
    )
    tasks.import_members.enqueue(job.pk)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE
    assert [done for done, _depth in seen] == [200, 400, 450]
    assert all(depth == 0 for _done, depth in seen), "never inside the import's transaction"


def test_the_task_runs_a_job_only_once(networks):
    from members.tasks import import_members

    job = ImportJob.objects.create(
        filename="m.csv", content=to_csv(generated_rows(2)), status=ImportJob.Status.QUEUED
    )
    import_members.enqueue(job.pk)
    import_members.enqueue(job.pk)
    assert Organisation.objects.count() == 2
    assert ImportJob.objects.get().created_count == 2


@pytest.mark.parametrize(
    ("status", "polls"),
    [("queued", True), ("running", True), ("done", False), ("failed", False), ("ready", False)],
)
def test_the_progress_partial_polls_until_the_job_ends(staff_client, status, polls):
    job = ImportJob.objects.create(
        filename="m.csv", content="x", status=status, total_rows=1000, processed_rows=400
    )
    response = staff_client.get(reverse("members:import_progress", args=[job.pk]))
    html = response.content.decode()
    assert ('hx-trigger="every 1s"' in html) is polls
    if status == "running":
        assert '<progress max="1000" value="400"' in html and "40%" in html
        assert "Checking rows: 400 of 1,000 done." in html
        assert reverse("members:import_job", args=[job.pk]) in html, "a link for no-JS"


def test_the_job_page_shows_progress_while_running(staff_client):
    job = ImportJob.objects.create(
        filename="m.csv", status="running", total_rows=10, processed_rows=10
    )
    html = staff_client.get(reverse("members:import_job", args=[job.pk])).content.decode()
    assert "All 10 rows checked; saving the changes in one step" in html
    assert 'hx-get="' + reverse("members:import_progress", args=[job.pk]) in html


def test_a_checked_file_can_be_discarded(staff_client, networks):
    response = upload(staff_client, to_csv(generated_rows(2)))
    staff_client.post(response["Location"], {"action": "discard"})
    assert not ImportJob.objects.exists()
    assert not Organisation.objects.exists()


def test_confirming_twice_imports_once(staff_client, networks):
    response = upload(staff_client, to_csv(generated_rows(2)))
    staff_client.post(response["Location"], {"action": "confirm"})
    staff_client.post(response["Location"], {"action": "confirm"})
    assert Organisation.objects.count() == 2
    assert AuditEntry.objects.filter(content_type__model="organisation").count() == 2


# -- the management commands -----------------------------------------------------------------


def test_import_members_command_imports_a_valid_file(tmp_path, networks):
    path = tmp_path / "members.csv"
    path.write_text(to_csv(generated_rows(1200)), encoding="utf-8-sig")
    out = io.StringIO()
    call_command("import_members", str(path), "--dry-run", stdout=out)
    assert "Dry run: would create 1,200, update 0 and leave 0 unchanged." in out.getvalue()
    assert not Organisation.objects.exists()

    out = io.StringIO()
    call_command("import_members", str(path), stdout=out)
    assert "Checked 1,000 of 1,200 rows" in out.getvalue()
    assert "1,200 created, 0 updated, 0 unchanged." in out.getvalue()
    assert Organisation.objects.count() == 1200


def test_import_members_command_lists_problems_and_fails(tmp_path, networks):
    rows = generated_rows(5)
    rows[3]["themes"] = "housing;flying"
    path = tmp_path / "members.csv"
    path.write_text(to_csv(rows), encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError, match="has 1 problem; nothing was imported"):
        call_command("import_members", str(path), stderr=err)
    assert 'Row 5, themes: "flying" is not a theme.' in err.getvalue()
    assert not Organisation.objects.exists()


def test_import_members_command_refuses_a_file_that_is_not_utf8(tmp_path):
    path = tmp_path / "members.csv"
    path.write_bytes("name\r\nCafé\r\n".encode("latin-1"))
    with pytest.raises(CommandError, match="not UTF-8"):
        call_command("import_members", str(path))


def test_export_members_command_writes_a_file(tmp_path, networks):
    OrganisationFactory(name="Women in Prison")
    path = tmp_path / "out.csv"
    err = io.StringIO()
    call_command("export_members", str(path), stderr=err)
    assert path.read_bytes().startswith("\ufeffname,slug,type".encode())
    assert "Wrote 1 organisations" in err.getvalue()


# -- export on the web -----------------------------------------------------------------------


def exported(response) -> list[dict]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_export_applies_the_directory_filters_but_not_its_pages(staff_client, networks):
    cja, yjn = networks
    for i in range(12):
        OrganisationFactory(name=f"Housing Org {i:02}", tags=["housing"], networks=[cja])
    OrganisationFactory(name="Prisons Org", tags=["prisons"], networks=[cja])
    OrganisationFactory(name="Youth Housing", tags=["housing"], networks=[yjn])
    OrganisationFactory(name="Not A Member", tags=["housing"])
    url = reverse("members:export")
    response = staff_client.get(
        url, {"theme": "housing", "network": "cja", "page": 2, "per_page": 5}
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="organisations-')
    names = [r["name"] for r in exported(response)]
    assert names == [f"Housing Org {i:02}" for i in range(12)]

    everyone = exported(staff_client.get(url, {"scope": "all"}))
    assert len(everyone) == 15
    active = exported(staff_client.get(url))
    assert "Not A Member" not in [r["name"] for r in active] and len(active) == 14


def test_export_query_count_does_not_grow_with_organisations(
    staff_client, networks, django_assert_num_queries
):
    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            response = staff_client.get(reverse("members:export"), {"theme": "housing"})
            rows = exported(response)
        return len(queries), len(rows)

    for i in range(5):
        OrganisationFactory(name=f"A{i}", tags=["housing", "london"], networks=networks)
    few = count_queries()
    for i in range(60):
        OrganisationFactory(name=f"B{i}", tags=["housing", "prisons"], networks=networks)
    many = count_queries()
    assert (few[1], many[1]) == (5, 65)
    assert few[0] == many[0]


# -- query counts ----------------------------------------------------------------------------


def test_importing_2000_rows_takes_a_bounded_number_of_queries(networks):
    text = to_csv(generated_rows(2000))
    with CaptureQueriesContext(connection) as queries:
        plan = csv_io.plan_import(text)
    assert plan.is_valid
    assert len(queries) <= 10, "checking costs a fixed number of queries, not one per row"
    with CaptureQueriesContext(connection) as queries:
        result = csv_io.apply_plan(plan)
    assert result.created == 2000
    # Set-based writes: one statement per batch of rows (batches are smaller on SQLite,
    # whose statements take at most 999 parameters), never one per row.
    assert len(queries) <= 120, len(queries)
    assert Organisation.objects.count() == 2000
    assert Membership.objects.count() == 2000 + 400
    assert Organisation.themes.through.objects.count() == 4000

    rows = generated_rows(2000)
    for data in rows:
        data["description"] += " Updated."
    with CaptureQueriesContext(connection) as queries:
        result = csv_io.apply_plan(csv_io.plan_import(to_csv(rows)))
    assert result.updated == 2000
    assert len(queries) <= 60, len(queries)


# -- who may do what -------------------------------------------------------------------------


ROLE_FACTORIES = {
    "member": UserFactory,
    "judge": JudgeFactory,
    "staff": StaffFactory,
    "admin": AdminFactory,
}


@pytest.fixture
def job_for_permissions():
    return ImportJob.objects.create(
        filename="members.csv", content=to_csv([row("Open Doors")]), total_rows=1
    )


@pytest.mark.parametrize("role", ["anonymous", "member", "judge", "staff", "admin"])
@pytest.mark.parametrize("name", ["export", "import", "import_job", "import_progress"])
def test_only_staff_and_admins_may_use_import_and_export(client, role, name, job_for_permissions):
    if role != "anonymous":
        user = ROLE_FACTORIES[role]()
        if role == "member":
            member_contact_for(OrganisationFactory(), user)
        client.force_login(user)
    args = [job_for_permissions.pk] if name.startswith("import_") else []
    url = reverse(f"members:{name}", args=args)
    response = client.get(url)
    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"] == f"{reverse('login')}?next={url}"
    elif role in {"member", "judge"}:
        assert response.status_code == 403
    else:
        assert response.status_code == 200


@pytest.mark.parametrize("role", ["anonymous", "member", "judge"])
def test_others_cannot_upload_or_confirm(client, role, job_for_permissions):
    if role != "anonymous":
        client.force_login(ROLE_FACTORIES[role]())
    job_url = reverse("members:import_job", args=[job_for_permissions.pk])
    expected = 302 if role == "anonymous" else 403
    assert client.post(job_url, {"action": "confirm"}).status_code == expected
    assert client.post(job_url, {"action": "discard"}).status_code == expected
    assert upload(client, to_csv([row("Sneaky")])).status_code == expected
    assert ImportJob.objects.get().status == ImportJob.Status.READY
    assert not Organisation.objects.exists()


def test_admins_can_run_an_import(client, networks):
    client.force_login(AdminFactory())
    response = upload(client, to_csv(generated_rows(1)))
    client.post(response["Location"], {"action": "confirm"})
    assert ImportJob.objects.get().status == ImportJob.Status.DONE
    assert Term.objects.exists()
