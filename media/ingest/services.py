"""What staff start from the ingest pages: an uploaded file queued for import, a new feed.

The import itself runs in the background (media.tasks.ingest_uploaded_file); the upload is
kept in the batch's file until then, so any worker can read it.
"""

from core import audit
from core.lib import jobs
from media.models import Feed, IngestBatch, Outlet
from media.tasks import ingest_uploaded_file


def queue_upload(upload, source: str, user, outlet: Outlet | None, url: str) -> IngestBatch:
    """A new batch holding `upload`, queued for import. If the queue refuses, the batch is
    marked failed and the error goes on up."""
    batch = IngestBatch(source=source, name=upload.name[:300], created_by=user)
    batch.file.save(upload.name, upload, save=False)
    batch.save()
    jobs.enqueue(batch, ingest_uploaded_file, batch.pk, outlet.pk if outlet else None, url)
    return batch


def add_feed(actor, form) -> Feed:
    """Save a valid FeedForm's feed, in the audit log."""
    feed = form.save()
    audit.record_change(actor, feed, {})
    return feed
