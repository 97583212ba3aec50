"""A watched job moves queued -> running -> done or failed, each step once, at once."""

import pytest

from core.lib import jobs
from members.models import ImportJob

pytestmark = pytest.mark.django_db


def _job(status=jobs.QUEUED) -> ImportJob:
    return ImportJob.objects.create(filename="m.csv", content="x", status=status)


def test_only_one_caller_claims_a_queued_job():
    job = _job()
    assert jobs.claim(ImportJob, job.pk, processed_rows=0) is True
    assert jobs.claim(ImportJob, job.pk, processed_rows=0) is False
    job.refresh_from_db()
    assert job.status == jobs.RUNNING


def test_advance_moves_only_from_the_status_named():
    job = _job(status="ready")
    assert jobs.advance(ImportJob, job.pk, jobs.QUEUED, jobs.RUNNING) is False
    assert jobs.advance(ImportJob, job.pk, "ready", jobs.QUEUED, processed_rows=3) is True
    job.refresh_from_db()
    assert (job.status, job.processed_rows) == (jobs.QUEUED, 3)


def test_update_writes_the_row_and_the_instance():
    job = _job()
    jobs.update(job, processed_rows=5, total_rows=10)
    assert (job.processed_rows, job.total_rows) == (5, 10)
    assert ImportJob.objects.get().processed_rows == 5


def test_finishing_stamps_the_time_and_failing_keeps_the_reason():
    done, failed = _job(), _job()
    jobs.finish(done, jobs.DONE)
    jobs.fail(failed, "It broke.")
    done.refresh_from_db()
    failed.refresh_from_db()
    assert done.status == jobs.DONE and done.finished_at is not None
    assert (failed.status, failed.error) == (jobs.FAILED, "It broke.")
    assert failed.finished_at is not None


class RefusingQueue:
    def enqueue(self, *args):
        raise ConnectionError("the queue is down")


def test_a_job_the_queue_refuses_fails_with_a_message_and_the_error_goes_on_up():
    job = _job()
    with pytest.raises(ConnectionError):
        jobs.enqueue(job, RefusingQueue(), job.pk)
    job.refresh_from_db()
    assert (job.status, job.error) == (jobs.FAILED, jobs.NOT_QUEUED)
