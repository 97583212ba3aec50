"""Background work for the members app: importing a checked CSV file.

How progress stays visible while the import stays all-or-nothing
-----------------------------------------------------------------

Inside a transaction, other connections cannot see what it has written, and on SQLite the
worker's single connection holds the write lock for as long as the transaction lasts. A
progress counter written inside the import's transaction would therefore stay at zero for
everyone else until the very end. So the import runs in two phases:

1. **Checking** (no transaction). Every row is read, validated and compared with the
   database (`planning.plan_import`). This is most of the work. Every 200 rows the job's
   `processed_rows` is saved with a one-row UPDATE in autocommit mode, so each update is
   committed at once and the job page, polling from another connection, sees it move.
2. **Saving** (one `transaction.atomic`). The checked plan is written with set-based
   statements, usually in a second or two even for 10,000 rows. Nothing inside it reports
   progress: the page says "saving" while `processed_rows` equals `total_rows` and the job
   is still running, which is the honest state of affairs. Either every change is
   committed, or none is and the job is marked failed.

Data can change between the two phases (someone edits a profile). Rows are matched again
at the start of phase 1, so the plan reflects the database at that moment; if a clash
appears during phase 2 anyway (a unique number taken in between), the transaction rolls
back and the job fails with a message asking for the file to be uploaded again.
"""

import logging

from django.db import IntegrityError
from django_tasks import task

from core.lib import jobs
from members.models import ImportJob
from members.services.csv import applying, planning

logger = logging.getLogger(__name__)


def _finish(job: ImportJob, status: str, **fields) -> None:
    # The uploaded text is only kept until the import ends (see ImportJob.content).
    jobs.finish(job, status, content="", **fields)


@task()
def import_members(job_id: int) -> dict:
    """Import the CSV held by a QUEUED ImportJob. Safe to deliver twice: only one run
    claims the job."""
    if not jobs.claim(ImportJob, job_id, processed_rows=0):
        return {"skipped": True}
    job = ImportJob.objects.select_related("created_by").get(pk=job_id)

    def report(done: int, total: int) -> None:
        jobs.update(job, processed_rows=done, total_rows=total)

    try:
        plan = planning.plan_import(job.content, progress=report, actor=job.created_by)
        if not plan.is_valid:
            problems = [str(problem) for problem in plan.problems]
            if plan.problem_count > len(problems):
                problems.append(f"… and {plan.problem_count - len(problems)} more problems.")
            _finish(
                job,
                ImportJob.Status.FAILED,
                error="The file no longer passes the checks, so nothing was imported:\n"
                + "\n".join(problems),
            )
            return {"failed": plan.problem_count}
        result = applying.apply_plan(plan, actor=job.created_by, actor_label="CSV import")
    except IntegrityError:
        logger.warning("Import job %s clashed with a concurrent change", job_id, exc_info=True)
        _finish(
            job,
            ImportJob.Status.FAILED,
            error="Someone changed the member records while the file was being imported, "
            "so nothing was saved. Upload the file again to check it against the new data.",
        )
        return {"failed": 1}
    except Exception:
        logger.exception("Import job %s failed", job_id)
        _finish(
            job,
            ImportJob.Status.FAILED,
            error="The import stopped because of an unexpected error, and nothing was saved. "
            "The error has been logged for the site's administrators.",
        )
        raise
    _finish(
        job,
        ImportJob.Status.DONE,
        processed_rows=plan.total_rows,
        total_rows=plan.total_rows,
        created_count=result.created,
        updated_count=result.updated,
        unchanged_count=result.unchanged,
    )
    return {"created": result.created, "updated": result.updated, "unchanged": result.unchanged}
