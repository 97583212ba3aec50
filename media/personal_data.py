"""What the media monitor holds about people: staff's saved searches, and the names of
journalists (bylines) and of people quoted in news articles, found by the person's name."""

from django.utils import timezone

from core.registries import personal_data
from core.registries.personal_data import DataSubject, PersonalDataSource


def _date(value) -> str:
    return timezone.localtime(value).strftime("%d/%m/%Y") if value else ""


def export_searches(subject: DataSubject) -> dict[str, list[dict]]:
    from media.models import SavedSearch

    if subject.user is None:
        return {}
    rows = [
        {
            "name": s.name,
            "search": s.query,
            "filters": s.filters,
            "email digest": s.email_digest,
            "created": _date(s.created_at),
        }
        for s in SavedSearch.objects.filter(owner=subject.user)
    ]
    return {"saved news searches": rows}


def erase_searches(subject: DataSubject) -> int:
    from media.models import SavedSearch

    if subject.user is None:
        return 0
    return SavedSearch.objects.filter(owner=subject.user).delete()[0]


def export_names_in_news(subject: DataSubject) -> dict[str, list[dict]]:
    from media.models import Article, Voice

    bylines = Article.objects.filter(byline__in=subject.names).select_related("outlet")
    voices = Voice.objects.filter(speaker__in=subject.names).select_related("article__outlet")
    return {
        "news articles under your name": [
            {"outlet": a.outlet.name, "title": a.title, "published": _date(a.published_at)}
            for a in bylines
        ],
        "news articles quoting you": [
            {
                "outlet": v.article.outlet.name,
                "title": v.article.title,
                "counted as": v.get_category_display(),
            }
            for v in voices
        ],
    }


def erase_names_in_news(subject: DataSubject) -> int:
    from media.models import Article, Voice

    return Article.objects.filter(byline__in=subject.names).update(byline="") + (
        Voice.objects.filter(speaker__in=subject.names).update(speaker="")
    )


personal_data.register(
    PersonalDataSource(
        key="media.saved_searches",
        description="News searches staff saved, and whether they get them by email.",
        models=("media.SavedSearch",),
        export=export_searches,
        erase=erase_searches,
    )
)
personal_data.register(
    PersonalDataSource(
        key="media.names_in_news",
        description="Journalists' names on the news articles the monitor analyses, and the "
        "names of people those articles quote (counted by kind of voice).",
        models=("media.Article", "media.Voice"),
        export=export_names_in_news,
        erase=erase_names_in_news,
    )
)
personal_data.declare_authorship("media.IngestBatch", "created_by")
personal_data.declare_authorship("media.AwardCandidate", "decided_by")
personal_data.declare_not_personal(
    "media.IngestBatch", "name", reason="The name of an import or feed fetch."
)
