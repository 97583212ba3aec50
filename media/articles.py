"""Finding articles: the filters of the article list, its counts and its full-text search.

Search reads words from the query and never syntax: on PostgreSQL the words go through
`websearch_to_tsquery` against the title and text (English stemming, so "prisons" finds
"prison"); on SQLite every word must appear in the title or the text. Either way the query
is a parameter, so no input can change the SQL, and a query that is only punctuation finds
nothing rather than failing.
"""

import datetime
from dataclasses import dataclass

from django.db import connection
from django.db.models import Count, Q, QuerySet
from django.utils.text import slugify

from core.lib.highlight import highlighted_segments
from core.lib.months import add_months
from media.dashboard import VOICE_LABELS
from media.models import Article

MAX_SEARCH_WORDS = 12


def _words(query: str) -> list[str]:
    words = [word.strip("\"'*()[]{}:^~-+") for word in query.split()]
    return [word for word in words if word][:MAX_SEARCH_WORDS]


def search(articles: QuerySet, query: str) -> QuerySet:
    """Articles whose title or text has every word of the query."""
    words = _words(query)
    if not query.strip():
        return articles
    if not words:
        return articles.none()
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchVector

        vector = SearchVector("title", weight="A", config="english") + SearchVector(
            "text", weight="B", config="english"
        )
        return articles.annotate(search_vector=vector).filter(
            search_vector=SearchQuery(" ".join(words), search_type="websearch", config="english")
        )
    for word in words:
        articles = articles.filter(Q(title__icontains=word) | Q(text__icontains=word))
    return articles


def filter_articles(params: dict) -> QuerySet:
    """Articles matching the cleaned values of an ArticleFilterForm, newest first."""
    articles = Article.objects.all()
    if params.get("outlet"):
        articles = articles.filter(outlet=params["outlet"])
    if params.get("collection"):
        articles = articles.filter(outlet__collections=params["collection"])
    if params.get("start"):
        articles = articles.filter(published_at__date__gte=params["start"])
    if params.get("end"):
        end: datetime.date = params["end"]
        articles = articles.filter(published_at__date__lt=add_months(end, 1))
    if params.get("part"):
        articles = articles.filter(parts=params["part"])
    labelled = Q(headline_labels__gt=0) | Q(body_labels__gt=0)
    if params.get("label") == "yes":
        articles = articles.filter(labelled)
    elif params.get("label") == "no":
        articles = articles.exclude(labelled)
    if params.get("thematic") in ("yes", "no"):
        articles = articles.filter(is_thematic=params["thematic"] == "yes")
    if params.get("voice"):
        articles = articles.filter(voices__category=params["voice"]).distinct()
    if params.get("syndicated") == "exclude":
        articles = articles.filter(is_syndicated_copy=False)
    return search(articles, params.get("q") or "").order_by("-published_at", "-pk")


@dataclass
class ArticleCounts:
    total: int
    with_label: int
    thematic: int
    lived_experience: int
    syndicated_copies: int


def count_articles(articles: QuerySet) -> ArticleCounts:
    """How many of the matches have each quality, in one query."""
    labelled = Q(headline_labels__gt=0) | Q(body_labels__gt=0)
    figures = Article.objects.filter(pk__in=articles.values("pk")).aggregate(
        total=Count("pk"),
        with_label=Count("pk", filter=labelled),
        thematic=Count("pk", filter=Q(is_thematic=True)),
        lived_experience=Count("pk", filter=Q(has_lived_experience_voice=True)),
        syndicated_copies=Count("pk", filter=Q(is_syndicated_copy=True)),
    )
    return ArticleCounts(**figures)


# --- One article's analysis, laid out for its page ----------------------------------------

KIND_LABELS = {
    "stigmatising": "Stigmatising label",
    "sensational": "Sensational word",
    "quotation": "Label inside a quotation (not counted against the article)",
    "official_name": "Official name (not counted)",
    "people_first": "People-first wording",
}


@dataclass(frozen=True)
class MarkedFinding:
    """A finding as the page shows it: where it is, what rule flagged it, what to use."""

    start: int
    end: int
    text: str
    kind: str  # the page's kind: the checker's, with sensational words told apart
    term: str
    suggestions: tuple[str, ...]
    reason: str
    guide_anchor: str

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind.replace("_", " ").capitalize())

    @property
    def summary(self) -> str:
        """The finding in one line, for the mark's tooltip."""
        if self.suggestions and self.kind != "people_first":
            return f"{self.kind_label}: try {'; '.join(self.suggestions)}"
        return self.kind_label


def marked_findings(text: str, findings) -> list[MarkedFinding]:
    """The findings that still match `text`, in order and without overlaps.

    An article kept as an excerpt (or edited since it was analysed) no longer has every
    word the analysis saw: a finding is shown only where the stored text still has it."""
    marked, position = [], 0
    well_formed = [
        f
        for f in findings or []
        if isinstance(f, dict) and isinstance(f.get("start"), int) and isinstance(f.get("end"), int)
    ]
    for finding in sorted(well_formed, key=lambda f: f["start"]):
        start, end, words = finding["start"], finding["end"], finding.get("text", "")
        if start < position:
            continue
        if text[start:end] != words or not words:
            continue
        kind = finding.get("kind", "")
        if kind == "stigmatising" and finding.get("category") == "sensational":
            kind = "sensational"
        term = str(finding.get("term", ""))
        marked.append(
            MarkedFinding(
                start=start,
                end=end,
                text=words,
                kind=kind,
                term=term,
                suggestions=tuple(str(s) for s in finding.get("suggestions") or ()),
                reason=str(finding.get("reason", "")),
                guide_anchor=f"entry-{slugify(term)}" if term else "",
            )
        )
        position = end
    return marked


@dataclass
class Explanation:
    headline: list[dict]  # segments: {"text"} or {"text", "finding", "number"}
    body: list[dict]
    findings: list[tuple[int, MarkedFinding, str]]  # number, finding, "headline" or "body"
    voices: list[dict]
    thematic: bool
    reasons: list[dict]
    topics: list[dict]
    score: dict
    score_parts: list[dict]
    analysed: bool


def _reason(item) -> dict:
    """A context cue as the page shows it: what kind of cue, the words, their sentence."""
    if not isinstance(item, dict):
        return {"cue": str(item), "strength": "", "matched": "", "sentence": ""}
    return {key: str(item.get(key) or "") for key in ("cue", "strength", "matched", "sentence")}


SCORE_PART_LABELS = {
    "headline": "Labels and sensational words in the headline",
    "body_labels": "Stigmatising labels per 1,000 words of the body",
    "body_sensational": "Sensational words per 1,000 words of the body",
    "people_first": "People-first phrases",
    "lived_experience": "Someone with lived experience quoted",
    "voice_mix": "Kinds of voice quoted",
    "thematic": "Context beyond the single incident",
}


def _score_parts(score: dict) -> list[dict]:
    parts = []
    for name, part in (score.get("components") or {}).items():
        if not isinstance(part, dict):
            continue
        measure = part.get("measure")
        if isinstance(measure, bool):
            measure = "yes" if measure else "no"
        points = part.get("points") or 0
        parts.append(
            {
                "label": SCORE_PART_LABELS.get(name, str(name).replace("_", " ").capitalize()),
                "measure": measure,
                "points": f"{points:+g}" if isinstance(points, int | float) and points else "0",
            }
        )
    return parts


def visible_analysis(article: Article) -> dict:
    """The stored analysis as far as the installation's copyright choice lets us show it.

    Where only an excerpt is kept, the analysis still read the whole article; the quotes and
    context sentences it kept from beyond the excerpt are left out, so neither the page nor
    the API shows more of the publisher's text than the excerpt."""
    analysis = article.analysis if isinstance(article.analysis, dict) else {}
    if not article.is_excerpt or not analysis:
        return analysis
    shown = dict(analysis)
    shown["voices"] = [
        {**voice, "quote": voice.get("quote") if voice.get("quote", "") in article.text else ""}
        for voice in analysis.get("voices") or []
        if isinstance(voice, dict)
    ]
    context = analysis.get("context") if isinstance(analysis.get("context"), dict) else {}
    shown["context"] = {
        **context,
        "reasons": [
            {**reason, "sentence": ""}
            if isinstance(reason, dict) and reason.get("sentence", "") not in article.text
            else reason
            for reason in context.get("reasons") or []
        ],
    }
    return shown


def explain(article: Article) -> Explanation:
    analysis = visible_analysis(article)
    headline = marked_findings(article.title, (analysis.get("headline") or {}).get("findings"))
    body = marked_findings(article.text, (analysis.get("body") or {}).get("findings"))
    headline_segments = highlighted_segments(article.title, headline)
    body_segments = highlighted_segments(article.text, body)
    for segment in body_segments:
        if "number" in segment:
            segment["number"] += len(headline)
    numbered = [(n, f, "headline") for n, f in enumerate(headline, start=1)] + [
        (n, f, "body") for n, f in enumerate(body, start=len(headline) + 1)
    ]
    context = analysis.get("context") or {}
    topics = []
    for topic in analysis.get("topics") or []:
        if isinstance(topic, dict):
            topics.append(
                {
                    "name": str(topic.get("name") or topic.get("term") or topic.get("slug", "")),
                    "keywords": [
                        str(k) for k in topic.get("keywords") or topic.get("matched") or []
                    ],
                }
            )
        else:
            topics.append({"name": str(topic), "keywords": []})
    voices = [
        {
            "quote": str(voice.get("quote", "")),
            "speaker": str(voice.get("speaker", "")),
            "category": VOICE_LABELS.get(voice.get("category"), "Other"),
            "descriptor": str(voice.get("descriptor") or voice.get("evidence") or ""),
        }
        for voice in analysis.get("voices") or []
        if isinstance(voice, dict)
    ]
    score = analysis.get("score") if isinstance(analysis.get("score"), dict) else {}
    return Explanation(
        headline=headline_segments,
        body=body_segments,
        findings=numbered,
        voices=voices,
        thematic=bool(context.get("thematic")),
        reasons=[_reason(r) for r in context.get("reasons") or []],
        topics=topics,
        score=score,
        score_parts=_score_parts(score),
        analysed=bool(analysis),
    )
