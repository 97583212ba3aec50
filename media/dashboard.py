"""The media dashboard's figures, read from the pre-aggregated monthly figures.

A selection is a period of whole months, a collection (or every outlet), optionally one part
of the system, and whether syndicated copies count. Everything on the page comes from two
small queries on MonthlyFigure (never from the articles), so the page costs the same at a
thousand articles as at a million: one for the rows of the selection (months × outlets),
summed here into totals, months, outlets and the voices mix; one summed by the database
per part of the system.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Q, Sum

from core.lib.months import month_label, months_between
from media.models import Collection, MonthlyFigure, Outlet, Voice
from taxonomy.models import Term, Vocabulary

COUNT_FIELDS = (
    "articles",
    "words",
    "articles_with_label",
    "labels",
    "sensational_words",
    "articles_people_first",
    "articles_thematic",
    "articles_lived_experience",
    "score_total",
)
# Shown as counts (the "raw counts" view), in this order, with their labels.
COUNT_LABELS = {
    "articles": "Articles",
    "articles_with_label": "Articles using a stigmatising label",
    "labels": "Stigmatising labels",
    "sensational_words": "Sensational words",
    "articles_people_first": "Articles using people-first wording",
    "articles_thematic": "Articles setting the story in context",
    "articles_lived_experience": "Articles quoting people with lived experience",
    "words": "Words",
}
# Shown as rates (the normalised view): key -> (label, unit).
RATE_LABELS = {
    "label_share": ("Articles using a stigmatising label", "%"),
    "labels_per_1000": ("Stigmatising labels per 1,000 words", ""),
    "sensational_per_1000": ("Sensational words per 1,000 words", ""),
    "people_first_share": ("Articles using people-first wording", "%"),
    "thematic_share": ("Articles setting the story in context", "%"),
    "lived_experience_share": ("Articles quoting people with lived experience", "%"),
    "average_score": ("Average constructive reporting score", ""),
}
VOICE_LABELS = dict(Voice.Category.choices)
MAX_MONTHS = 120  # ten years: enough for any trend, and a bound on the page's work


def cell(value, unit: str = "") -> str:
    """A table cell: a dash where there were no articles to measure."""
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.1f}".rstrip("0").rstrip(".") + unit
    return f"{value:,}{unit}"


@dataclass(frozen=True)
class Selection:
    start: datetime.date  # first day of the first month
    end: datetime.date  # first day of the last month (included)
    collection: Collection | None = None
    part: Term | None = None
    include_syndicated: bool = False
    outlet: Outlet | None = None  # one outlet's own figures (its page)

    @property
    def label(self) -> str:
        period = f"{month_label(self.start)} to {month_label(self.end)}"
        where = self.outlet or self.collection or "all outlets"
        about = f", {self.part.name}" if self.part else ""
        return f"{period}, {where}{about}"

    def rows(self):
        """Its MonthlyFigure rows: the whole-outlet rows (part empty) and the per-part rows."""
        rows = MonthlyFigure.objects.filter(
            month__gte=self.start, month__lte=self.end, include_syndicated=self.include_syndicated
        )
        if self.collection is not None:
            rows = rows.filter(outlet__collections=self.collection)
        if self.outlet is not None:
            rows = rows.filter(outlet=self.outlet)
        return rows


@dataclass
class Figures:
    """Summed counts for some group of articles, and the rates drawn from them."""

    articles: int = 0
    words: int = 0
    articles_with_label: int = 0
    labels: int = 0
    sensational_words: int = 0
    articles_people_first: int = 0
    articles_thematic: int = 0
    articles_lived_experience: int = 0
    score_total: float = 0.0
    voices: dict[str, int] = field(default_factory=dict)

    def add(self, row: dict) -> None:
        for name in COUNT_FIELDS:
            setattr(self, name, getattr(self, name) + (row.get(name) or 0))

    def add_voices(self, voices) -> None:
        for category, count in (voices or {}).items():
            if category in VOICE_LABELS and isinstance(count, int):
                self.voices[category] = self.voices.get(category, 0) + count

    def _share(self, count: int) -> float | None:
        return round(100 * count / self.articles, 1) if self.articles else None

    def _per_1000(self, count: int) -> float | None:
        return round(1000 * count / self.words, 2) if self.words else None

    @property
    def rates(self) -> dict[str, float | None]:
        return {
            "label_share": self._share(self.articles_with_label),
            "labels_per_1000": self._per_1000(self.labels),
            "sensational_per_1000": self._per_1000(self.sensational_words),
            "people_first_share": self._share(self.articles_people_first),
            "thematic_share": self._share(self.articles_thematic),
            "lived_experience_share": self._share(self.articles_lived_experience),
            "average_score": round(self.score_total / self.articles, 1) if self.articles else None,
        }

    @property
    def counts(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in COUNT_LABELS}

    @property
    def total_voices(self) -> int:
        return sum(self.voices.values())

    def voice_share(self, category: str) -> float | None:
        total = self.total_voices
        return round(100 * self.voices.get(category, 0) / total, 1) if total else None


@dataclass
class Group:
    key: str
    label: str
    figures: Figures


@dataclass
class Dashboard:
    selection: Selection
    totals: Figures
    by_month: list[Group]
    by_outlet: list[Group]
    by_part: list[Group]


def _sums() -> dict:
    return {f"sum_{name}": Sum(name) for name in COUNT_FIELDS}


def _figures_of(row: dict) -> Figures:
    """Figures from a row of database sums (sum_articles, sum_words...)."""
    figures = Figures()
    figures.add({name: row[f"sum_{name}"] for name in COUNT_FIELDS})
    return figures


def build_dashboard(selection: Selection) -> Dashboard:
    """The selection's figures: the database sums the counts by month, by outlet and by
    part; only the voices (a JSON object per row) are added up here, one small dict a row."""
    rows = selection.rows()
    main = rows.filter(part=selection.part) if selection.part else rows.filter(part__isnull=True)
    months = {month: Figures() for month in months_between(selection.start, selection.end)}
    for row in main.values("month").annotate(**_sums()).order_by("month"):
        months[row["month"]] = _figures_of(row)
    outlets = {
        row["outlet_id"]: Group(
            key=row["outlet__slug"], label=row["outlet__name"], figures=_figures_of(row)
        )
        for row in main.values("outlet_id", "outlet__name", "outlet__slug")
        .annotate(**_sums())
        .order_by()
    }
    totals = Figures()
    for figures in months.values():
        totals.add({name: getattr(figures, name) for name in COUNT_FIELDS})
    for month, outlet_id, voices in main.values_list("month", "outlet_id", "voices"):
        months[month].add_voices(voices)
        outlets[outlet_id].figures.add_voices(voices)
    for figures in months.values():
        totals.add_voices(figures.voices)
    by_month = [
        Group(key=month.isoformat()[:7], label=month_label(month), figures=figures)
        for month, figures in months.items()
    ]
    by_outlet = sorted(outlets.values(), key=lambda g: g.label.lower())
    return Dashboard(
        selection=selection,
        totals=totals,
        by_month=by_month,
        by_outlet=by_outlet,
        by_part=_by_part(rows, selection),
    )


def _by_part(rows, selection: Selection) -> list[Group]:
    # Articles are tagged with parts and themes alike; only parts belong in this breakdown.
    part_rows = (
        rows.filter(part__vocabulary=Vocabulary.PART)
        .filter(Q(part=selection.part) if selection.part else Q())
        .values("part_id", "part__name", "part__slug", "part__position")
        .annotate(**_sums())
        .order_by("part__position", "part__name")
    )
    return [
        Group(key=row["part__slug"], label=row["part__name"], figures=_figures_of(row))
        for row in part_rows
    ]


def _change(change: float | None, unit: str) -> str:
    if change is None:
        return "–"
    if change == 0:
        return "no change"
    points = " points" if unit == "%" else ""
    return f"{'+' if change > 0 else '−'}{cell(abs(float(change)))}{points}"


def comparison_rows(first: Figures, second: Figures, show: str) -> list[dict]:
    """Each headline figure for two selections side by side, with the change from the first."""
    if show == "counts":
        items = [
            (key, label, "", first.counts[key], second.counts[key])
            for key, label in COUNT_LABELS.items()
        ]
    else:
        items = [
            (key, label, unit, first.rates[key], second.rates[key])
            for key, (label, unit) in RATE_LABELS.items()
        ]
    rows = []
    for key, label, unit, a, b in items:
        change = round(b - a, 2) if a is not None and b is not None else None
        rows.append(
            {
                "key": key,
                "label": label,
                "unit": unit,
                "first": a,
                "second": b,
                "change": change,
                "first_text": cell(a, unit),
                "second_text": cell(b, unit),
                "change_text": _change(change, unit),
            }
        )
    return rows
