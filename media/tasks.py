"""Background work for the media monitor: importing files, fetching feeds, re-analysing.

Each task works against an IngestBatch that staff watch: it claims the batch (so a task
delivered twice runs once), and the ingest writes progress as it commits each chunk.
"""

import logging

from django.utils import timezone
from django_tasks import task

from core.lib import jobs
from glossary.services.guide_cache import load_compiled_guide
from media.analysis.runs import Analyser, articles_to_reanalyse, reanalyse_all
from media.ingest import feeds as ingest_feeds
from media.ingest.files import import_file
from media.models import IngestBatch, Outlet

logger = logging.getLogger(__name__)


def _claim(batch_id: int) -> IngestBatch | None:
    return IngestBatch.objects.get(pk=batch_id) if jobs.claim(IngestBatch, batch_id) else None


@task()
def ingest_uploaded_file(batch_id: int, outlet_id: int | None = None, url: str = "") -> dict:
    """Import a staff upload kept in the batch's file, then delete the file: the articles
    are what the monitor keeps."""
    batch = _claim(batch_id)
    if batch is None:
        return {"skipped": True}
    outlet = Outlet.objects.filter(pk=outlet_id).first() if outlet_id else None
    try:
        with batch.file.open("rb") as handle:
            import_file(batch, handle, outlet=outlet, url=url)
    except OSError:
        logger.exception("The upload of batch %s could not be read", batch_id)
        jobs.fail(
            batch, "The uploaded file could not be read; nothing was imported. Upload it again."
        )
    finally:
        if batch.file:
            batch.file.delete(save=False)
            IngestBatch.objects.filter(pk=batch.pk).update(file="")
    batch.refresh_from_db()
    return {"status": batch.status, "created": batch.created}


@task()
def ingest_due_feeds() -> dict:
    """Fetch and ingest every feed that is due (for cron, via `manage.py ingest_feeds`)."""
    fetched = unchanged = 0
    for feed in ingest_feeds.due_feeds():
        batch = ingest_feeds.ingest_feed(feed)
        fetched += batch is not None
        unchanged += batch is None
    return {"fetched": fetched, "unchanged_or_failed": unchanged}


@task()
def reanalyse_articles(batch_id: int) -> dict:
    """Re-analyse every article with the newest language guide, showing progress on the
    batch. The guide is compiled afresh here: the checker's cache in this worker may not
    have noticed the new version yet."""
    batch = _claim(batch_id)
    if batch is None:
        return {"skipped": True}
    analyser = Analyser(guide=load_compiled_guide())
    total = articles_to_reanalyse(analyser.guide_version_id).count()
    jobs.update(batch, total=total, started_at=timezone.now())

    def progress(done: int) -> None:
        jobs.update(batch, processed=done)

    try:
        done = reanalyse_all(analyser, progress=progress)
    except Exception:
        logger.exception("Re-analysis batch %s stopped", batch_id)
        jobs.fail(
            batch,
            "Re-analysis stopped because of an unexpected error (logged). Articles done so far "
            "keep their new analysis; `manage.py reanalyse_articles` resumes the rest.",
        )
        raise
    jobs.finish(batch, IngestBatch.Status.DONE, processed=done, total=max(total, done))
    return {"analysed": done}
