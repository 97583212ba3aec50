"""CSV exports of the media pages: the dashboard's tables and the article list, with the
same choices and filters as the page they come from.

Rows are written one at a time (StreamingHttpResponse), so a long article list never sits in
memory whole. Text cells are made safe for spreadsheets (core.lib.spreadsheets' escape_cell: a cell
starting with = + - @ is kept as text, never run as a formula).
"""

from collections.abc import Iterable, Iterator
from urllib.parse import urlencode

from core.lib.spreadsheets import escape_cell, line_writer
from media.dashboard import COUNT_LABELS, RATE_LABELS, VOICE_LABELS, Dashboard, Figures

ARTICLE_COLUMNS = [
    "published",
    "outlet",
    "title",
    "url",
    "byline",
    "headline_labels",
    "body_labels",
    "sensational_words",
    "people_first_terms",
    "thematic",
    "lived_experience_voice",
    "syndicated_copy",
    "score",
    "page",
]
EXPORT_BATCH = 2000


def encode(params: dict[str, str]) -> str:
    return urlencode(sorted(params.items()))


def _text(value) -> str:
    return escape_cell(str(value or ""))


def dashboard_columns() -> list[str]:
    return (
        ["selection", "breakdown", "group"]
        + list(COUNT_LABELS)
        + list(RATE_LABELS)
        + [f"voices_{key}" for key in VOICE_LABELS]
    )


def _figures_row(figures: Figures) -> list:
    rates = figures.rates
    return (
        [figures.counts[key] for key in COUNT_LABELS]
        + ["" if rates[key] is None else rates[key] for key in RATE_LABELS]
        + [figures.voices.get(key, 0) for key in VOICE_LABELS]
    )


def dashboard_rows(dashboards: list[Dashboard]) -> Iterator[list]:
    for dashboard in dashboards:
        label = _text(dashboard.selection.label)
        yield [label, "total", "All", *_figures_row(dashboard.totals)]
        for breakdown, groups in (
            ("month", dashboard.by_month),
            ("outlet", dashboard.by_outlet),
            ("part", dashboard.by_part),
        ):
            for group in groups:
                yield [label, breakdown, _text(group.label), *_figures_row(group.figures)]


def dashboard_lines(dashboards: list[Dashboard]) -> Iterator[str]:
    writer = line_writer()
    yield writer.writerow(dashboard_columns())
    for row in dashboard_rows(dashboards):
        yield writer.writerow(row)


def article_lines(articles: Iterable, site_url: str = "") -> Iterator[str]:
    writer = line_writer()
    yield writer.writerow(ARTICLE_COLUMNS)
    for article in articles.iterator(chunk_size=EXPORT_BATCH):
        yield writer.writerow(
            [
                article.published_at.date().isoformat(),
                _text(article.outlet.name),
                _text(article.title),
                _text(article.url),
                _text(article.byline),
                article.headline_labels,
                article.body_labels,
                article.sensational_words,
                article.people_first_terms,
                "yes" if article.is_thematic else "no",
                "yes" if article.has_lived_experience_voice else "no",
                "yes" if article.is_syndicated_copy else "no",
                "" if article.score is None else article.score,
                f"{site_url}{article.get_absolute_url()}",
            ]
        )


AWARD_COLUMNS = [
    "rank",
    "score",
    "published",
    "outlet",
    "title",
    "byline",
    "decision",
    "note",
    "page",
]


def award_lines(candidates: list, site_url: str = "") -> Iterator[str]:
    """The shortlist as the panel reads it: rank, score, the article and staff's decision."""
    writer = line_writer()
    yield writer.writerow(AWARD_COLUMNS)
    for rank, article in enumerate(candidates, start=1):
        award = getattr(article, "award", None)
        yield writer.writerow(
            [
                rank,
                article.score,
                article.published_at.date().isoformat(),
                _text(article.outlet.name),
                _text(article.title),
                _text(article.byline),
                award.get_decision_display() if award else "",
                _text(award.note) if award else "",
                f"{site_url}{article.get_absolute_url()}",
            ]
        )
