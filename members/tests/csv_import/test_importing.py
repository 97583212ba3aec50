"""Importing on the web: preview, confirm, audit, re-runs and matching; bounded queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core import audit
from core.models import AuditEntry
from members.models import ImportJob, Membership, Organisation
from members.services.csv.applying import apply_plan
from members.services.csv.planning import plan_import
from members.tests.csv_import.support import (
    generated_rows,
    import_text,
    row,
    to_csv,
    upload,
)
from members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


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
        plan = plan_import(text)
        result = apply_plan(plan)
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
    plan = plan_import(to_csv(rows))
    assert plan.counts == {"create": 0, "update": 2, "unchanged": 3}
    assert plan.rows[2].changes == ["description", "themes"]
    assert plan.rows[3].changes == ["cja membership"]
    apply_plan(plan)
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
    plan = plan_import(text)
    assert [r.organisation for r in plan.rows] == [by_number, by_name]
    apply_plan(plan)
    by_number.refresh_from_db()
    by_name.refresh_from_db()
    assert by_number.name == "New Name"
    assert by_name.charity_number == "7654321"
    assert Organisation.objects.count() == 2


def test_importing_2000_rows_takes_a_bounded_number_of_queries(networks):
    text = to_csv(generated_rows(2000))
    with CaptureQueriesContext(connection) as queries:
        plan = plan_import(text)
    assert plan.is_valid
    assert len(queries) <= 10, "checking costs a fixed number of queries, not one per row"
    with CaptureQueriesContext(connection) as queries:
        result = apply_plan(plan)
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
        result = apply_plan(plan_import(to_csv(rows)))
    assert result.updated == 2000
    assert len(queries) <= 60, len(queries)
