"""When the installation keeps only excerpts of news articles (MEDIA_KEEP_FULL_TEXT off),
articles analysed before that was set lose their full text too."""

from django.conf import settings

from core.registries import retention
from core.registries.retention import RetentionRule


def full_texts(now, dry_run: bool) -> int:
    from media.analysis.runs import excerpt
    from media.models import Article

    if settings.MEDIA_KEEP_FULL_TEXT:
        return 0
    articles = Article.objects.filter(is_excerpt=False, analysed_at__isnull=False)
    if dry_run:
        return articles.count()
    changed = 0
    for article in articles.only("pk", "text").iterator(chunk_size=500):
        Article.objects.filter(pk=article.pk).update(text=excerpt(article.text), is_excerpt=True)
        changed += 1
    return changed


retention.register(
    RetentionRule(
        key="media.full_texts",
        records="The full text of news articles (which can name people in court cases)",
        kept_for="until the article has been analysed",
        then="cut to a 300-character excerpt; the scores stay",
        apply=full_texts,
        is_active=lambda: not settings.MEDIA_KEEP_FULL_TEXT,
        when_inactive="This installation keeps full texts (MEDIA_KEEP_FULL_TEXT is on).",
    )
)
