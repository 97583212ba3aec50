"""The Equality Impact Report: counts by characteristic and group, suppressed as one whole
report (core.lib.suppression) against last year's published report, then published as fixed
figures that the page, CSV and PDF all read.

Keys: a figure is `(question, category, group)`, with "Total" for the margins; stored as the
text "question|category|group" in JSON. All tables share their column totals (every person
answers every question, "Prefer not to say" included), so a group's total is hidden in all
of them or none.
"""

from collections import Counter
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from core.lib.suppression import (
    RULE_STATEMENT,
    TOTAL,
    Figure,
    Table,
    cells_and_relations,
    percent_of,
    suppress_report,
)
from equality.models import Group, PublishedReport, Response
from equality.questions import QUESTIONS
from equality.services.references import (
    citation,
    reference_columns,
    reference_percent,
    references,
)

POPULATION = "respondents"
GROUPS = list(Group)


class AlreadyPublished(Exception):
    pass


class NothingToPublish(Exception):
    pass


def text_key(key: tuple) -> str:
    return "|".join(str(part) for part in key)


def tables_for_year(year: int) -> list[Table]:
    """One table per question: reported categories by group, counted from the year's answers."""
    fields = [q.field for q in QUESTIONS]
    rows = Response.objects.filter(exercise__year=year).values_list("exercise__group", *fields)
    counts = {q.field: Counter() for q in QUESTIONS}
    for group, *answers in rows:
        for question, answer in zip(QUESTIONS, answers, strict=True):
            counts[question.field][(question.reported(answer), group)] += 1
    return [
        Table(
            name=q.field,
            rows=[code for code, _ in q.categories()],
            columns=[g.value for g in GROUPS],
            counts=dict(counts[q.field]),
            population=POPULATION,
        )
        for q in QUESTIONS
    ]


def true_counts(tables) -> dict[str, int]:
    values = {}
    for table in tables:
        cells, _ = cells_and_relations(table)
        values.update({text_key(k): v for k, v in cells.items()})
    return values


def _as_keys(stored: dict) -> dict:
    return {tuple(k.split("|")): v for k, v in stored.items()}


def figures_for_year(year: int) -> tuple[dict, dict]:
    """(shown figures, true counts) by text key for `year`'s answers as they stand now,
    suppressed against the last published report before it."""
    tables = tables_for_year(year)
    before = PublishedReport.objects.filter(year__lt=year).order_by("-year").first()
    suppression = suppress_report(
        tables,
        published_before=_as_keys(before.figures) if before else None,
        values_before=_as_keys(before.true_counts) if before else None,
    )
    counts = true_counts(tables)
    hidden = {text_key(k) for k in suppression.hidden}
    shown = {k: (None if k in hidden else v) for k, v in counts.items()}
    return shown, counts


@transaction.atomic
def publish(year: int, by) -> PublishedReport:
    if PublishedReport.objects.filter(year=year).exists():
        raise AlreadyPublished(f"The {year} report is published already; it cannot change.")
    figures, counts = figures_for_year(year)
    answers = Response.objects.filter(exercise__year=year).count()
    if not answers:
        raise NothingToPublish(f"No one has answered for {year} yet.")
    return PublishedReport.objects.create(
        year=year, published_at=timezone.now(), published_by=by, figures=figures,
        true_counts=counts, answers=answers,
    )  # fmt: skip


def published_list() -> list[dict]:
    """Every published report, newest first, with the addresses of its page, CSV and PDF: for
    the /plans/ front door, which lists each report with its CSV beside it."""
    from django.urls import reverse

    return [
        {
            "year": report.year, "answers": report.answers,
            "url": reverse("equality:report", args=[report.year]),
            "csv_url": reverse("equality:report_csv", args=[report.year]),
            "pdf_url": reverse("equality:report_pdf", args=[report.year]),
        }
        for report in PublishedReport.objects.order_by("-year").only("year", "answers")
    ]  # fmt: skip


@dataclass
class Row:
    label: str
    by_group: list[Figure]
    all: Figure
    references: list[float | None]
    last_year: Figure | None
    # (this year, last year) for each group then for all answers: the year-on-year table.
    year_on_year: list[tuple[Figure, Figure]]


@dataclass
class Section:
    question: object
    rows: list[Row]
    totals: list[Figure]
    all_total: Figure
    citations: list[dict]


def _figure(figures: dict, key: str, base_key: str) -> Figure:
    count, base = figures.get(key), figures.get(base_key)
    percent = percent_of(count or 0, base or 0, count is None, base is None)
    return Figure(count, percent)


def sections(figures: dict, last_year_figures: dict | None = None) -> list[Section]:
    """What every output shows, built only from published (already suppressed) figures."""
    refs = reference_columns()
    result = []
    for q in QUESTIONS:
        rows = []
        for code, label in q.categories():
            keys = [
                (f"{q.field}|{code}|{column}", f"{POPULATION}|{TOTAL}|{column}")
                for column in [*(g.value for g in GROUPS), TOTAL]
            ]
            now = [_figure(figures, key, base) for key, base in keys]
            before = [_figure(last_year_figures or {}, key, base) for key, base in keys]
            rows.append(
                Row(
                    label=label,
                    by_group=now[:-1],
                    all=now[-1],
                    references=[reference_percent(r["key"], q.field, code) for r in refs],
                    last_year=before[-1] if last_year_figures else None,
                    year_on_year=list(zip(now, before, strict=True)) if last_year_figures else [],
                )
            )
        totals = [
            _figure(figures, f"{POPULATION}|{TOTAL}|{g.value}", f"{POPULATION}|{TOTAL}|{g.value}")
            for g in GROUPS
        ]
        all_total = _figure(
            figures, f"{POPULATION}|{TOTAL}|{TOTAL}", f"{POPULATION}|{TOTAL}|{TOTAL}"
        )
        citations = [citation(r["key"], q.field) for r in refs]
        result.append(Section(q, rows, totals, all_total, citations))
    return result


def report_context(figures: dict, year: int) -> dict:
    last = PublishedReport.objects.filter(year=year - 1).first()
    return {
        "year": year,
        "groups": GROUPS,
        "sections": sections(figures, last.figures if last else None),
        "references": reference_columns(),
        "reference_note": _reference_note(),
        "last_year": year - 1 if last else None,
        "rule": RULE_STATEMENT,
    }


def _reference_note() -> str:
    return references()["note"]


HIDDEN_IN_CSV = "[c]"


def _csv_percent(figure: Figure):
    return HIDDEN_IN_CSV if figure.percent is None else figure.percent


def csv_rows(report: PublishedReport):
    """Header and rows for the CSV: one line per characteristic, category and group, with last
    year's published percentage when there is a report for last year."""
    refs = reference_columns()
    last = PublishedReport.objects.filter(year=report.year - 1).first()
    yield ["characteristic", "category", "group", "count", "percent of group",
           f"percent of group {report.year - 1}" if last else "",
           *[f"{r['name']} (%)" for r in refs]]  # fmt: skip
    labels = [*(g.label for g in GROUPS), "All"]
    for section in sections(report.figures, last.figures if last else None):
        for row in section.rows:
            pairs = row.year_on_year or [(f, None) for f in [*row.by_group, row.all]]
            for group_label, (figure, before) in zip(labels, pairs, strict=True):
                yield [
                    section.question.title, row.label, group_label,
                    HIDDEN_IN_CSV if figure.hidden else figure.count,
                    _csv_percent(figure), _csv_percent(before) if before else "",
                    *["" if p is None else p for p in row.references],
                ]  # fmt: skip
    yield []
    yield [f"{HIDDEN_IN_CSV} = hidden to protect the people who answered.", RULE_STATEMENT]
    for r in refs:
        yield [f"Source: {r['name']}", r["source"], r["url"]]
    for section in sections(report.figures):
        for cited in section.citations:
            yield [f"{section.question.title}: {cited['name']}", *_citation_cells(cited)]


def _citation_cells(cited: dict) -> list[str]:
    if "missing" in cited:
        return [cited["missing"]]
    return [
        f"{cited['title']}, {cited['table']}, published {cited['published']}",
        cited["url"], f"Base: {cited['base']}",
        f"Checked in: {cited['checked_in']}" if cited["checked_in"] else "",
    ]  # fmt: skip
