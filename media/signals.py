"""A new language guide version re-analyses every article in the background.

Connected in MediaConfig.ready() to the glossary's GuideVersion, so the glossary needs to know
nothing about the media monitor. The task is queued once the version's transaction commits,
when its entries exist.
"""

from django.db import transaction

from media.models import Article, IngestBatch


def queue_reanalysis(reason: str = "") -> IngestBatch | None:
    """Queue re-analysis of all articles with the newest guide. None when there are none."""
    from media.tasks import reanalyse_articles

    if not Article.objects.exists():
        return None
    batch = IngestBatch.objects.create(
        source=IngestBatch.Source.ANALYSIS, name=(reason or "Re-analysis of all articles")[:300]
    )
    reanalyse_articles.enqueue(batch.pk)
    return batch


def guide_version_saved(sender, instance, created, raw=False, **kwargs) -> None:
    if created and not raw:
        transaction.on_commit(
            lambda: queue_reanalysis(f"Language guide version {instance.number} published")
        )
