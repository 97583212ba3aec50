"""The media monitor's parts of the shared pages (it is for staff): navigation, site-wide
search over articles, and staff's attention lines for imports and failing feeds."""

from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from core.registries import changes, home, navigation, search
from core.roles import is_staff_member
from media import articles
from media import changes as media_changes
from media.models import Article, Feed, IngestBatch

navigation.register(
    navigation.NavEntry(
        "media",
        "Media monitor",
        "media:dashboard",
        navigation.STAFF_WORK,
        visible=is_staff_member,
        order=60,
    )
)


def search_articles(query: str, user, limit: int) -> search.KindResults:
    """Staff only: the monitor's articles are copies of other people's journalism."""
    if not is_staff_member(user):
        return search.KindResults(total=0)
    found = articles.search(Article.objects.select_related("outlet"), query)
    found = found.order_by("-published_at")
    hits = [
        search.SearchHit(
            title=article.title,
            url=article.get_absolute_url(),
            summary=article.text,
            meta=f"{article.outlet} · {timezone.localtime(article.published_at):%-d %B %Y}",
        )
        for article in found[:limit]
    ]
    return search.KindResults(total=found.count(), hits=hits)


search.register(
    search.SearchKind(
        key="media_articles",
        label="Media articles",
        search=search_articles,
        more_url=lambda query: reverse("media:articles") + "?" + urlencode({"q": query}),
        order=70,
    )
)

for item in (
    home.AttentionItem(
        "media.batches",
        "media imports waiting, running or failed",
        lambda user: IngestBatch.objects.filter(
            status__in=[
                IngestBatch.Status.QUEUED,
                IngestBatch.Status.RUNNING,
                IngestBatch.Status.FAILED,
            ]
        ).count(),
        "media:ingest",
        order=60,
    ),
    home.AttentionItem(
        "media.feeds",
        "news feeds failing",
        lambda user: Feed.objects.filter(is_active=True, consecutive_errors__gt=0).count(),
        "media:feeds",
        order=61,
    ),
):
    home.register_attention(item)


# --- What changed, for member updates (core.registries.changes) ---------------------------

changes.register(
    changes.ChangeProvider(
        key="media.trends",
        label="Media trends",
        collect=media_changes.label_share,
        order=70,
    )
)
