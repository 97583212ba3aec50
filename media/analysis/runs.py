"""Storing what the analysis found: the whole result, the figures drawn from it, the voices
and the topics, and (where the installation keeps no full text) cutting the text to an
excerpt once it has been read.

The analysis itself is media.analysis.analyse(); this module only keeps its answers. It works
on articles in memory so that ingest can analyse a chunk *before* inserting it (one INSERT,
no UPDATE) and re-analysis can update a chunk with one bulk UPDATE.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from core.lib.months import month_of
from glossary.models import GuideVersion
from glossary.services.compiled_guide import CompiledGuide
from glossary.services.guide_cache import get_compiled_guide
from media.analysis import analyse
from media.ingest.cleaning import strip_contact_details
from media.models import Article, Voice
from media.services.monthly_figures import rebuild_monthly_figures
from taxonomy.models import Term

EXCERPT_CHARACTERS = 300
VOICE_CATEGORIES = set(Voice.Category.values)
# The figures analyse() sums up under "summary", named as the Article fields that keep them.
SUMMARY_FIELDS = (
    "headline_labels",
    "body_labels",
    "sensational_words",
    "people_first_terms",
    "has_lived_experience_voice",
    "is_thematic",
    "score",
)

# The Article fields an analysis sets, for bulk_update.
ANALYSIS_FIELDS = [
    "analysis",
    "analysed_at",
    "guide_version",
    *SUMMARY_FIELDS,
    "text",
    "is_excerpt",
]


def excerpt(text: str, limit: int = EXCERPT_CHARACTERS) -> str:
    """The opening of `text`, cut at a word boundary."""
    text = (text or "").strip()
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(None, 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(" ,;:") + "…"


def _topic_slug(topic) -> str:
    return topic if isinstance(topic, str) else (topic or {}).get("slug", "")


@dataclass
class Analysed:
    """One article analysed in memory, with the rows that need its primary key to store."""

    article: Article
    voices: list[Voice] = field(default_factory=list)
    term_ids: list[int] = field(default_factory=list)


class Analyser:
    """Analyses articles against one compiled guide (the current one unless given)."""

    def __init__(self, guide: CompiledGuide | None = None, keep_full_text: bool | None = None):
        self.guide = guide or get_compiled_guide()
        self.guide_version_id = (
            GuideVersion.objects.filter(number=self.guide.version).values_list("pk", flat=True)
        ).first()
        self.keep_full_text = (
            settings.MEDIA_KEEP_FULL_TEXT if keep_full_text is None else keep_full_text
        )
        self.terms = dict(Term.objects.values_list("slug", "pk"))

    def apply(self, article: Article) -> Analysed:
        """Analyse the article and set its analysis fields, without saving anything."""
        analysis = analyse(article.title, article.text, guide=self.guide)
        summary = analysis["summary"]
        voices = [
            Voice(
                category=voice.get("category")
                if voice.get("category") in VOICE_CATEGORIES
                else Voice.Category.OTHER,
                speaker=strip_contact_details(voice.get("speaker") or "")[:300],
            )
            for voice in analysis.get("voices") or []
        ]
        article.analysis = analysis
        article.analysed_at = timezone.now()
        article.guide_version_id = self.guide_version_id
        for name in SUMMARY_FIELDS:
            setattr(article, name, summary[name])
        if not self.keep_full_text and not article.is_excerpt:
            article.text = excerpt(article.text)
            article.is_excerpt = True
        term_ids = {self.terms.get(_topic_slug(topic)) for topic in analysis.get("topics") or []}
        return Analysed(article, voices, sorted(term_ids - {None}))

    def store_related(self, analysed: list[Analysed], replace: bool) -> None:
        """Store voices and topics of saved articles (replacing earlier ones if `replace`)."""
        ids = [item.article.pk for item in analysed]
        through = Article.parts.through
        if replace:
            Voice.objects.filter(article_id__in=ids).delete()
            through.objects.filter(article_id__in=ids).delete()
        voices = []
        for item in analysed:
            for voice in item.voices:
                voice.article_id = item.article.pk
                voices.append(voice)
        Voice.objects.bulk_create(voices)
        through.objects.bulk_create(
            through(article_id=item.article.pk, term_id=term_id)
            for item in analysed
            for term_id in item.term_ids
        )


def reanalyse(articles: Iterable[Article], analyser: Analyser) -> set[tuple[int, object]]:
    """Analyse saved articles again and store the results in one transaction.

    Returns the (outlet id, month) pairs whose monthly figures are now out of date."""
    analysed = [analyser.apply(article) for article in articles]
    with transaction.atomic():
        Article.objects.bulk_update([item.article for item in analysed], ANALYSIS_FIELDS)
        analyser.store_related(analysed, replace=True)
    return {(item.article.outlet_id, month_of(item.article.published_at)) for item in analysed}


REANALYSIS_CHUNK = 500


def articles_to_reanalyse(guide_version_id: int | None):
    """Articles whose stored analysis is not from this guide version. Excerpt-only articles
    are left as they are: their full text is gone, and analysing the excerpt would lose what
    the full text showed."""
    articles = Article.objects.filter(is_excerpt=False)
    if guide_version_id is not None:
        articles = articles.exclude(guide_version_id=guide_version_id)
    return articles


def reanalyse_all(analyser: Analyser, progress=None, chunk_size: int = REANALYSIS_CHUNK) -> int:
    """Re-analyse every article not yet analysed with the analyser's guide version.

    Works through articles in publication order, a chunk per transaction, so it can stop and
    resume (done articles carry the new version and are skipped). The monthly figures of a
    month are rebuilt once the work has moved past it, and all remaining ones at the end, so
    they are correct for every finished month throughout. Returns the number analysed."""
    pending_pairs: set = set()
    done = 0
    after = None
    base = articles_to_reanalyse(analyser.guide_version_id).order_by("published_at", "pk")
    while True:
        chunk = base
        if after is not None:
            chunk = chunk.filter(
                Q(published_at__gt=after[0]) | Q(published_at=after[0], pk__gt=after[1])
            )
        articles = list(chunk[:chunk_size])
        if not articles:
            break
        pending_pairs |= reanalyse(articles, analyser)
        done += len(articles)
        after = (articles[-1].published_at, articles[-1].pk)
        current_month = month_of(after[0])
        finished = {pair for pair in pending_pairs if pair[1] < current_month}
        rebuild_monthly_figures(finished)
        pending_pairs -= finished
        if progress is not None:
            progress(done)
    rebuild_monthly_figures(pending_pairs)
    return done
