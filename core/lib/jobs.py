"""Background jobs that staff watch: a row per job (members' ImportJob, media's IngestBatch)
whose status moves from queued to running to done or failed while a page polls it.

Every transition is one UPDATE of the job's row by primary key, committed at once outside any
import transaction, so a page polling from another connection sees it straight away. Moving
out of a status is conditional on still being in it (`advance`, `claim`): when a task is
delivered twice, or a form is sent twice, only one caller moves the job, and only that one
runs it. A job model needs `status` (with these values), `error` and `finished_at`.
"""

from django.db.models import Model
from django.utils import timezone

QUEUED = "queued"
RUNNING = "running"
DONE = "done"
FAILED = "failed"

NOT_QUEUED = "The import could not be queued; nothing was imported. Try again later."


def advance(model: type[Model], pk: int, from_status: str, to_status: str, **fields) -> bool:
    """Move the job from `from_status` to `to_status` (writing `fields` too) if it is still
    in `from_status`. True only for the caller that moved it."""
    moved = model.objects.filter(pk=pk, status=from_status).update(status=to_status, **fields)
    return bool(moved)


def claim(model: type[Model], pk: int, **fields) -> bool:
    """Take a queued job to run it: True for the one task that gets it, False for a second
    delivery of the same task (or a job no longer waiting)."""
    return advance(model, pk, QUEUED, RUNNING, **fields)


def update(job: Model, **fields) -> None:
    """Write `fields` to the job's row at once (progress, totals, status), and to `job`."""
    type(job).objects.filter(pk=job.pk).update(**fields)
    for name, value in fields.items():
        setattr(job, name, value)


def finish(job: Model, status: str, **fields) -> None:
    """End the job with `status` (DONE or FAILED), stamping when it finished."""
    update(job, status=status, finished_at=timezone.now(), **fields)


def fail(job: Model, error: str, **fields) -> None:
    """End the job as failed, with a message for the staff who watch it."""
    finish(job, FAILED, error=error, **fields)


def enqueue(job: Model, task, *args) -> None:
    """Queue `task` with `args` to run the job. If the queue refuses, the job is marked failed
    (nothing was imported) and the error goes on up, to be logged like any other."""
    try:
        task.enqueue(*args)
    except Exception:
        update(job, status=FAILED, error=NOT_QUEUED)
        raise
