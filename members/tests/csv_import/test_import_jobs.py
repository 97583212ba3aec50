"""The background import job: progress, running once, the job and progress pages."""

import pytest
from django.db import connection
from django.urls import reverse

from core.models import AuditEntry
from members.models import ImportJob, Organisation
from members.tests.csv_import.support import generated_rows, to_csv, upload

pytestmark = pytest.mark.django_db


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
