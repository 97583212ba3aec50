"""The staff CSV import as a job: a checked upload waits as READY until staff confirm it
(QUEUED, for the background task members.tasks.import_members) or discard it.

Both are conditional on the job still being READY, so a confirmation sent twice queues one
import, and a job already queued can no longer be discarded.
"""

from core.lib import jobs
from members.models import ImportJob
from members.tasks import import_members


def new_job(filename: str, text: str, user, total_rows: int) -> ImportJob:
    """A checked upload, READY to import once staff have seen its preview."""
    return ImportJob.objects.create(
        filename=filename[:255], content=text, created_by=user, total_rows=total_rows
    )


def discard(job: ImportJob) -> bool:
    """Delete a job that has not started. False if it had (nothing is deleted then)."""
    deleted, _ = ImportJob.objects.filter(pk=job.pk, status=ImportJob.Status.READY).delete()
    return bool(deleted)


def start(job: ImportJob) -> bool:
    """Queue the import of a READY job. False if it was not READY (already started, or
    discarded); if the queue refuses, the job is marked failed and the error goes on up."""
    queued = jobs.advance(
        ImportJob, job.pk, ImportJob.Status.READY, ImportJob.Status.QUEUED, processed_rows=0
    )
    if queued:
        jobs.enqueue(job, import_members, job.pk)
    return queued
