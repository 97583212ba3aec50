"""The theme summary: for each theme, how widely it was raised and where.

A *contribution* here is one organisation's online response or one speaker at a roundtable or
interview. A theme counts once per contribution however many of its quotes carry the theme,
and whoever coded them. Words whose contributor withdrew consent are left out entirely.

All counting happens in the database (two aggregate queries whatever the size of the
consultation); representative quotes take one small, bounded query per theme. The figures are
cached under a fingerprint of the evidence (a few cheap aggregates), so repeated views cost
little and any change to codings, quotes, reviews, consent or merges is seen straight away.
"""

import hashlib
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Case, Count, F, IntegerField, Max, Q, Value, When
from django.db.models.functions import Coalesce

from consultations.evidence.services.codebook import active_themes, kept_theme_ids
from consultations.models import Coding, Consultation, Question, Quote, Speaker

REPRESENTATIVE_QUOTES = 3
CANDIDATES = 50
# The figures are cached under a fingerprint of the evidence, so a change shows at once; the
# time limit only bounds how long an unused entry stays.
CACHE_SECONDS = 60 * 60
SORTS = {
    "theme": lambda row: row.name.lower(),
    "contributions": lambda row: row.contributions,
    "organisations": lambda row: row.organisations,
    "quotes": lambda row: row.quotes,
    "questions": lambda row: len(row.questions),
}
DEFAULT_SORT = "-contributions"
COLUMNS = [
    ("theme", "Theme"),
    ("contributions", "Contributions"),
    ("organisations", "Organisations"),
    ("quotes", "Quotes"),
    ("questions", "Questions"),
]

# Codings of quotes whose contributor has not withdrawn consent.
COUNTED = Q(quote__answer__contribution__consent_withdrawn_at__isnull=True) & Q(
    quote__passage__speaker__consent_withdrawn_at__isnull=True
)


@dataclass
class ThemeRow:
    theme_id: int
    name: str
    parent_name: str = ""
    contributions: int = 0
    organisations: int = 0
    quotes: int = 0
    questions: list[Question] = field(default_factory=list)
    representative: list[Quote] = field(default_factory=list)


def _kept_theme(kept: dict[int, int]):
    """A database expression giving each coding's theme as the theme it now lives in."""
    folded = [When(theme_id=old, then=Value(new)) for old, new in kept.items() if old != new]
    if not folded:
        return F("theme_id")
    return Case(*folded, default="theme_id", output_field=IntegerField())


def parse_sort(sort: str | None) -> tuple[str, bool]:
    """The column and direction asked for, falling back to the default for anything else."""
    sort = sort or DEFAULT_SORT
    key, descending = sort.lstrip("-"), sort.startswith("-")
    if key not in SORTS:
        key, descending = DEFAULT_SORT.lstrip("-"), True
    return key, descending


def column_headers(key: str, descending: bool) -> list[dict]:
    """The table's headers for the order shown, each with the sort a click on it asks for."""
    return [
        {
            "key": column,
            "label": label,
            "sorted": column == key,
            "descending": descending,
            # A second click reverses the order; numbers start largest first.
            "next": (column if column == key and descending else f"-{column}")
            if column != "theme"
            else ("-theme" if column == key and not descending else "theme"),
        }
        for column, label in COLUMNS
        if column in SORTS
    ]


def theme_summary(consultation: Consultation, sort: str | None = DEFAULT_SORT) -> list[ThemeRow]:
    """One row per theme in use (merged themes folded in), sorted by `sort`: a column name
    from SORTS, with a leading "-" for largest first."""
    kept = kept_theme_ids(consultation)
    themes = {
        theme.pk: ThemeRow(theme.pk, theme.name, theme.parent.name if theme.parent else "")
        for theme in active_themes(consultation).select_related("parent")
    }
    figures = _figures(consultation, kept)
    questions = {q.pk: q for q in Question.objects.filter(consultation=consultation)}
    shown = Quote.objects.in_bulk([pk for ids in figures["representative"].values() for pk in ids])
    for theme_id, row in themes.items():
        counts = figures["counts"].get(theme_id, {})
        row.contributions = counts.get("contributions", 0)
        row.organisations = counts.get("organisations", 0)
        row.quotes = counts.get("quotes", 0)
        row.questions = sorted(
            (questions[q] for q in figures["questions"].get(theme_id, ()) if q in questions),
            key=lambda q: q.number,
        )
        row.representative = [
            shown[pk] for pk in figures["representative"].get(theme_id, ()) if pk in shown
        ]
    key, descending = parse_sort(sort)
    rows = sorted(themes.values(), key=lambda row: row.name.lower())
    return sorted(rows, key=SORTS[key], reverse=descending)


def _state(consultation: Consultation, kept: dict[int, int]) -> str:
    """A fingerprint of everything the figures depend on, from three small aggregates: any
    coding, quote, review, consent or merge change gives a new one."""
    codings = Coding.objects.filter(theme__consultation=consultation).aggregate(
        n=Count("pk"), last=Max("pk")
    )
    quotes = consultation.quotes.aggregate(
        n=Count("pk"), last=Max("pk"), reviewed=Count("pk", filter=Q(is_redaction_reviewed=True))
    )
    contributions = consultation.contributions.aggregate(changed=Max("updated_at"))
    speakers = Speaker.objects.filter(session__consultation=consultation).aggregate(
        withdrawn=Count("pk", filter=Q(consent_withdrawn_at__isnull=False)), last=Max("pk")
    )
    merges = sorted((old, new) for old, new in kept.items() if old != new)
    return repr((codings, quotes, contributions, speakers, merges))


def _figures(consultation: Consultation, kept: dict[int, int]) -> dict:
    """The counts, questions and representative quote ids per theme, from the cache while
    the evidence is unchanged (they cost a few hundred milliseconds on 50,000 quotes)."""
    fingerprint = hashlib.sha256(_state(consultation, kept).encode()).hexdigest()[:32]
    key = f"consultations:theme-summary:{consultation.pk}:{fingerprint}"
    figures = cache.get(key)
    if figures is None:
        figures = _count(consultation, kept)
        cache.set(key, figures, CACHE_SECONDS)
    return figures


def _count(consultation: Consultation, kept: dict[int, int]) -> dict:
    codings = Coding.objects.filter(COUNTED, quote__consultation=consultation).annotate(
        kept_theme=_kept_theme(kept)
    )
    counts = codings.values("kept_theme").annotate(
        contributions=Count("quote__answer__contribution", distinct=True)
        + Count("quote__passage__speaker", distinct=True),
        organisations=Count(
            Coalesce(
                "quote__answer__contribution__organisation",
                "quote__passage__speaker__organisation",
            ),
            distinct=True,
        ),
        quotes=Count("quote", distinct=True),
    )
    pairs = (
        codings.annotate(
            question_id=Coalesce("quote__answer__question", "quote__passage__question")
        )
        .filter(question_id__isnull=False)
        .values_list("kept_theme", "question_id")
        .distinct()
    )
    questions: dict[int, list[int]] = {}
    for theme_id, question_id in pairs:
        questions.setdefault(theme_id, []).append(question_id)
    return {
        "counts": {row.pop("kept_theme"): row for row in counts},
        "questions": questions,
        "representative": _representative_ids(kept),
    }


def _representative_ids(kept: dict[int, int]) -> dict[int, list[int]]:
    """For each theme, the quotes most coders agreed carry it (reviewed ones first), chosen
    among its earliest-quoted CANDIDATES quotes so the cost stays flat however large the
    consultation grows: one small indexed query per theme, then one for all candidates."""
    families: dict[int, list[int]] = {}
    for old, new in kept.items():
        families.setdefault(new, []).append(old)
    candidates = {
        theme_id: list(
            Coding.objects.filter(theme_id__in=family)
            .order_by("quote_id")
            .values_list("quote_id", flat=True)
            .distinct()[:CANDIDATES]
        )
        for theme_id, family in families.items()
    }
    ranked = (
        Quote.objects.filter(
            pk__in={pk for ids in candidates.values() for pk in ids},
            answer__contribution__consent_withdrawn_at__isnull=True,
            passage__speaker__consent_withdrawn_at__isnull=True,
        )
        .annotate(coders=Count("codings__coder", distinct=True))
        .order_by("-coders", "-is_redaction_reviewed", "pk")
        .values_list("pk", flat=True)
    )
    order = {pk: position for position, pk in enumerate(ranked)}
    return {
        theme_id: sorted((pk for pk in ids if pk in order), key=order.__getitem__)[
            :REPRESENTATIVE_QUOTES
        ]
        for theme_id, ids in candidates.items()
    }
