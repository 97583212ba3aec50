"""Quotes and the codebook: cutting quotes from their sources, themes (nested, renamed,
merged), coding quotes with themes, suggesting themes for uncoded quotes, and measuring how
far two coders agree.

Suggestions use TF-IDF similarity (scikit-learn) because its reasons can be shown: the coded
quotes most like this one, the score, and the words they share. They are only ever applied
when a person accepts them.
"""

import hashlib
import random
from dataclasses import dataclass, field

import numpy as np
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Max, QuerySet
from scipy.sparse import csc_matrix
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from consultations.models import (
    Answer,
    Coding,
    CodingSample,
    Consultation,
    Contribution,
    Passage,
    Quote,
    Theme,
)
from consultations.redaction import suggest_redactions
from consultations.services import save_form
from core import audit

# --- Quotes ------------------------------------------------------------------------------------


def locate(source_text: str, words: str, start: int | None = None) -> tuple[int, int]:
    """Where `words` sit in the source: at `start` if given, else their only occurrence."""
    if not words:
        raise ValidationError("Choose the words to quote.")
    if start is not None:
        if source_text[start : start + len(words)] != words:
            raise ValidationError(
                "Those words are not at that position in the source; select them again."
            )
        return start, start + len(words)
    found = source_text.find(words)
    if found < 0:
        raise ValidationError("Those words are not in the source text exactly as written.")
    if source_text.find(words, found + 1) >= 0:
        raise ValidationError(
            "Those words appear more than once in the source; select the one you mean in the "
            "text, or give its start position."
        )
    return found, found + len(words)


def create_quote(actor, source: Answer | Passage, start: int, end: int) -> Quote:
    """Keep source.text[start:end] as a quote, with redaction suggestions ready to decide."""
    if isinstance(source, Answer):
        if source.contribution.status != Contribution.Status.SUBMITTED:
            raise ValidationError("Only submitted contributions can be quoted.")
        consultation_id, where = source.contribution.consultation_id, {"answer": source}
    else:
        consultation_id, where = source.session.consultation_id, {"passage": source}
    if not 0 <= start < end <= len(source.text):
        raise ValidationError(
            f"A quote must lie within its source (0 to {len(source.text)}), start before end."
        )
    existing = Quote.objects.filter(start=start, end=end, **where).first()
    if existing:
        raise ValidationError(f"That span is already quote {existing.pk}; nothing was added.")
    with transaction.atomic():
        quote = Quote.objects.create(
            consultation_id=consultation_id,
            start=start,
            end=end,
            text=source.text[start:end],
            created_by=actor,
            **where,
        )
        audit.record_change(actor, quote, {})
        suggest_redactions(quote)
    return quote


# --- The codebook ------------------------------------------------------------------------------


def active_themes(consultation: Consultation) -> QuerySet[Theme]:
    """Themes still in use: those not merged into another."""
    return consultation.codebook.filter(merged_into__isnull=True)


def kept_theme_ids(consultation: Consultation) -> dict[int, int]:
    """Each theme's id mapped to the theme it now lives in (itself unless merged)."""
    merged_into = dict(consultation.codebook.values_list("pk", "merged_into"))
    kept = {}
    for theme_id in merged_into:
        current, seen = theme_id, set()
        while merged_into.get(current) and current not in seen:
            seen.add(current)
            current = merged_into[current]
        kept[theme_id] = current
    return kept


def descendants(theme: Theme) -> set[int]:
    children = dict(theme.consultation.codebook.values_list("pk", "parent"))
    found, frontier = set(), {theme.pk}
    while frontier:
        frontier = {pk for pk, parent in children.items() if parent in frontier} - found
        found |= frontier
    return found


def save_theme(actor, consultation: Consultation, form) -> Theme:
    return save_form(actor, form, consultation=consultation)


def merge_themes(actor, merged: Theme, kept: Theme) -> int:
    """Fold `merged` into `kept`: its codings move (without duplicates), its children and
    the themes merged into it follow, and it stays, pointing at `kept`, for the record."""
    if merged.consultation_id != kept.consultation_id:
        raise ValidationError("Themes can only be merged within one consultation.")
    if merged.pk == kept.pk:
        raise ValidationError("Choose a different theme to merge into.")
    if kept.merged_into_id or merged.merged_into_id:
        raise ValidationError("That theme has already been merged; choose one still in use.")
    with transaction.atomic():
        before = audit.snapshot(merged)
        kept_pairs = set(Coding.objects.filter(theme=kept).values_list("quote_id", "coder_id"))
        duplicate_ids = [
            pk
            for pk, quote_id, coder_id in Coding.objects.filter(theme=merged).values_list(
                "pk", "quote_id", "coder_id"
            )
            if (quote_id, coder_id) in kept_pairs
        ]
        Coding.objects.filter(pk__in=duplicate_ids).delete()
        moved = Coding.objects.filter(theme=merged).update(theme=kept)
        Theme.objects.filter(merged_into=merged).update(merged_into=kept)
        Theme.objects.filter(parent=merged).exclude(pk=kept.pk).update(parent=kept)
        if kept.parent_id == merged.pk:
            kept.parent_id = merged.parent_id
            kept.save(update_fields=["parent"])
        merged.merged_into = kept
        merged.save(update_fields=["merged_into"])
        audit.record_change(actor, merged, before)
    return moved


def code_quote(actor, quote: Quote, themes) -> None:
    """Make `actor`'s codings of the quote exactly `themes` (each an active theme of the
    quote's consultation)."""
    themes = list(themes)
    allowed = set(active_themes(quote.consultation).values_list("pk", flat=True))
    if any(theme.pk not in allowed for theme in themes):
        raise ValidationError("Choose themes from this consultation's codebook.")
    with transaction.atomic():
        mine = Coding.objects.filter(quote=quote, coder=actor)
        wanted = {theme.pk for theme in themes}
        for coding in mine.exclude(theme_id__in=wanted).select_related("theme"):
            audit.record_change(actor, coding, audit.snapshot(coding), {})
            coding.delete()
        have = set(mine.values_list("theme_id", flat=True))
        for theme in themes:
            if theme.pk not in have:
                coding = Coding.objects.create(quote=quote, theme=theme, coder=actor)
                audit.record_change(actor, coding, {})


def accept_suggestion(actor, quote: Quote, theme: Theme) -> Coding:
    """A person accepts a suggested theme: it becomes their coding of the quote."""
    if theme.pk not in set(active_themes(quote.consultation).values_list("pk", flat=True)):
        raise ValidationError("That theme is no longer in the codebook.")
    coding, created = Coding.objects.get_or_create(quote=quote, theme=theme, coder=actor)
    if created:
        audit.record_change(actor, coding, {})
    return coding


# --- Suggestions -------------------------------------------------------------------------------

# Words of two or more letters: numbers and one-letter words say nothing about a theme.
WORD_PATTERN = r"(?u)\b[a-zA-Z][a-zA-Z'’]+\b"
SUGGESTION_CHUNK = 256
MIN_SCORE = 0.05
SHARED_TERMS = 5
PROTOTYPES = 50
# Keyed on a fingerprint of the codings, so a stale model is never used; the time limit only
# bounds how long an unused one is kept.
MODEL_CACHE_SECONDS = 60 * 60


@dataclass
class Neighbour:
    quote_id: int
    text: str
    similarity: float


@dataclass
class ThemeSuggestion:
    theme_id: int
    theme_name: str
    score: float
    neighbours: list[Neighbour] = field(default_factory=list)
    shared_terms: list[str] = field(default_factory=list)


@dataclass
class SuggestionModel:
    """What the coded quotes teach, fitted once and kept while the codings are unchanged."""

    vectoriser: TfidfVectorizer
    theme_ids: list[int]
    centroids: object  # sparse, themes × terms, rows of unit length
    prototype_matrix: object  # sparse, the prototypes' vectors, theme by theme
    prototype_offsets: np.ndarray  # where each theme's prototypes start in prototype_matrix
    prototype_ids: list[int]  # the quote id of each prototype row
    prototype_text: dict[int, str]
    coded_ids: set[int]


def suggest_themes(
    consultation: Consultation, quotes=None, limit: int = 3
) -> dict[int, list[ThemeSuggestion]]:
    """Up to `limit` themes for each uncoded quote (or each of `quotes`), best first.

    Each coded quote and each candidate is a TF-IDF vector; a theme's centroid is the mean
    of its coded quotes. A quote's score for a theme is its cosine similarity to the
    centroid; the reason given is the most similar of the theme's most typical coded quotes
    and the words the quote shares with the theme's centroid, heaviest first. Everything is
    vectorised once and compared in chunks of sparse matrix products.
    """
    model = suggestion_model(consultation)
    if quotes is None:
        coded = model.coded_ids if model else set()
        candidates = [
            (pk, text)
            for pk, text in consultation.quotes.values_list("pk", "text")
            if pk not in coded
        ]
    else:
        candidates = [(q.pk, q.text) for q in quotes if not model or q.pk not in model.coded_ids]
    if model is None or not candidates:
        return {pk: [] for pk, _ in candidates}
    names = dict(consultation.codebook.values_list("pk", "name"))
    result: dict[int, list[ThemeSuggestion]] = {}
    for offset in range(0, len(candidates), SUGGESTION_CHUNK):
        chunk = candidates[offset : offset + SUGGESTION_CHUNK]
        result.update(_score_chunk(model, names, chunk, limit))
    return result


def suggestion_model(consultation: Consultation) -> SuggestionModel | None:
    """The fitted model from the cache, or fitted now; None while nothing is coded. The cache
    key is a fingerprint of the codings and merges, so new codings are learnt at once."""
    kept = kept_theme_ids(consultation)
    state = Coding.objects.filter(theme__consultation=consultation).aggregate(
        n=Count("pk"), last=Max("pk")
    )
    merges = sorted((old, new) for old, new in kept.items() if old != new)
    fingerprint = hashlib.sha256(repr((state, merges)).encode()).hexdigest()[:32]
    key = f"consultations:suggestion-model:{consultation.pk}:{fingerprint}"
    model = cache.get(key)
    if model is None and state["n"]:
        model = _fit(consultation, kept)
        cache.set(key, model, MODEL_CACHE_SECONDS)
    return model


def _fit(consultation: Consultation, kept: dict[int, int]) -> SuggestionModel | None:
    labels: dict[int, set[int]] = {}
    for quote_id, theme_id in Coding.objects.filter(theme__consultation=consultation).values_list(
        "quote_id", "theme_id"
    ):
        labels.setdefault(quote_id, set()).add(kept[theme_id])
    coded_text = dict(consultation.quotes.filter(pk__in=list(labels)).values_list("pk", "text"))
    coded_ids = [pk for pk in labels if pk in coded_text]
    vectoriser = TfidfVectorizer(
        stop_words="english", sublinear_tf=True, dtype=np.float32, token_pattern=WORD_PATTERN
    )
    try:
        coded = vectoriser.fit_transform([coded_text[pk] for pk in coded_ids])
    except ValueError:  # only stop words in the coded quotes: nothing to compare
        return None
    theme_ids = sorted({t for pk in coded_ids for t in labels[pk]})
    theme_index = {t: i for i, t in enumerate(theme_ids)}
    rows, cols = [], []
    for row, pk in enumerate(coded_ids):
        for theme_id in labels[pk]:
            rows.append(row)
            cols.append(theme_index[theme_id])
    membership = csc_matrix(
        (np.ones(len(rows), dtype=np.float32), (rows, cols)),
        shape=(len(coded_ids), len(theme_ids)),
    )
    centroids = normalize(membership.T @ coded).tocsr()
    prototypes = _prototypes(coded, membership, centroids)
    prototype_rows = [row for rows in prototypes for row in rows]
    prototype_ids = [coded_ids[row] for row in prototype_rows]
    return SuggestionModel(
        vectoriser=vectoriser,
        theme_ids=theme_ids,
        centroids=centroids,
        prototype_matrix=coded[prototype_rows],
        prototype_offsets=np.cumsum([0] + [len(rows) for rows in prototypes]),
        prototype_ids=prototype_ids,
        prototype_text={pk: coded_text[pk] for pk in prototype_ids},
        coded_ids=set(coded_ids),
    )


def _score_chunk(model: SuggestionModel, names, chunk, limit) -> dict[int, list]:
    terms = model.vectoriser.get_feature_names_out()
    dense_centroids = model.centroids.toarray()
    vectors = model.vectoriser.transform([text for _, text in chunk])
    scores = (vectors @ model.centroids.T).toarray()
    closeness = (vectors @ model.prototype_matrix.T).toarray()
    best = np.argsort(-scores, axis=1)[:, :limit]
    offsets = model.prototype_offsets
    result = {}
    for row, (pk, _) in enumerate(chunk):
        terms_here = vectors.indices[vectors.indptr[row] : vectors.indptr[row + 1]]
        weights_here = vectors.data[vectors.indptr[row] : vectors.indptr[row + 1]]
        suggestions = []
        for index in best[row]:
            score = float(scores[row, index])
            if score < MIN_SCORE:
                break
            span = closeness[row, offsets[index] : offsets[index + 1]]
            nearest = model.prototype_ids[offsets[index] + int(np.argmax(span))]
            shared = weights_here * dense_centroids[index, terms_here]
            heaviest = [terms_here[i] for i in np.argsort(-shared)[:SHARED_TERMS] if shared[i]]
            theme_id = model.theme_ids[index]
            suggestions.append(
                ThemeSuggestion(
                    theme_id=theme_id,
                    theme_name=names.get(theme_id, ""),
                    score=round(score, 3),
                    neighbours=[
                        Neighbour(
                            quote_id=nearest,
                            text=model.prototype_text[nearest],
                            similarity=round(float(span.max()), 3),
                        )
                    ],
                    shared_terms=[str(terms[t]) for t in heaviest],
                )
            )
        result[pk] = suggestions
    return result


def _prototypes(coded, membership, centroids) -> list[list[int]]:
    """For each theme, the rows of its PROTOTYPES coded quotes nearest its centroid: the
    quotes a suggestion is compared with to name the most similar one, so the comparison
    costs the same however many quotes are coded."""
    closeness = (coded @ centroids.T).toarray()
    prototypes = []
    for index in range(membership.shape[1]):
        members = membership.indices[membership.indptr[index] : membership.indptr[index + 1]]
        order = np.argsort(-closeness[members, index])[:PROTOTYPES]
        prototypes.append([int(members[i]) for i in order])
    return prototypes


# --- Agreement between two coders --------------------------------------------------------------


def create_sample(actor, consultation: Consultation, name: str, size: int, coders) -> CodingSample:
    """A random sample of the consultation's quotes for two staff to code independently."""
    coders = list(coders)
    if len(coders) != 2 or coders[0] == coders[1]:
        raise ValidationError("Choose two different people to code the sample.")
    quote_ids = list(consultation.quotes.values_list("pk", flat=True))
    if not quote_ids:
        raise ValidationError("There are no quotes to sample yet.")
    if size < 2:
        raise ValidationError("A sample needs at least two quotes.")
    with transaction.atomic():
        sample = CodingSample.objects.create(consultation=consultation, name=name)
        sample.quotes.set(random.sample(quote_ids, min(size, len(quote_ids))))
        sample.coders.set(coders)
        audit.record_change(actor, sample, {})
    return sample


def coding_progress(sample: CodingSample) -> dict:
    """How many of the sample's quotes each coder has coded, by coder."""
    quote_ids = sample.quotes.values("pk")
    counts = dict(
        Coding.objects.filter(quote__in=quote_ids, coder__in=sample.coders.all())
        .values("coder")
        .annotate(n=Count("quote", distinct=True))
        .values_list("coder", "n")
    )
    return {coder: counts.get(coder.pk, 0) for coder in sample.coders.all()}


def is_complete(sample: CodingSample) -> bool:
    total = sample.quotes.count()
    progress = coding_progress(sample)
    return len(progress) >= 2 and all(n == total for n in progress.values())


def hides_other_coders(user, quote: Quote) -> bool:
    """While a sample is being coded, its coders see only their own codings of its quotes."""
    return any(not is_complete(sample) for sample in quote.samples.filter(coders=user))


@dataclass
class Kappa:
    label: str
    value: float | None
    agreement: float | None
    explanation: str = ""


def cohen_kappa(first: list[bool], second: list[bool]) -> tuple[float | None, float | None, str]:
    """Cohen's kappa for two coders' yes/no decisions on the same items.

    kappa = (observed agreement − agreement expected by chance) / (1 − expected). When
    both coders gave every item the same single answer, expected agreement is 1 and kappa
    is undefined: that is said in words rather than shown as a number.
    """
    n = len(first)
    if n == 0:
        return None, None, "No quotes to compare."
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / n
    p_first, p_second = sum(first) / n, sum(second) / n
    expected = p_first * p_second + (1 - p_first) * (1 - p_second)
    if expected == 1:
        return (
            None,
            observed,
            "Kappa cannot be computed: both coders gave every quote the same answer for "
            "this theme, so there is no variation to compare.",
        )
    return (observed - expected) / (1 - expected), observed, ""


def agreement(sample: CodingSample) -> dict:
    """Cohen's kappa per theme and overall (every quote × theme decision pooled)."""
    coders = list(sample.coders.order_by("pk"))
    if len(coders) < 2:
        return {
            "coders": coders,
            "problem": "Agreement needs two coders; this sample has fewer, so there is "
            "nothing to compare.",
            "themes": [],
            "overall": None,
        }
    first, second = coders[:2]
    kept = kept_theme_ids(sample.consultation)
    quote_ids = list(sample.quotes.order_by("pk").values_list("pk", flat=True))
    decided: dict[int, set[tuple[int, int]]] = {first.pk: set(), second.pk: set()}
    for quote_id, theme_id, coder_id in Coding.objects.filter(
        quote_id__in=quote_ids, coder__in=[first, second]
    ).values_list("quote_id", "theme_id", "coder_id"):
        decided[coder_id].add((quote_id, kept[theme_id]))
    rows, pooled_first, pooled_second = [], [], []
    for theme in active_themes(sample.consultation).order_by("name"):
        a = [(q, theme.pk) in decided[first.pk] for q in quote_ids]
        b = [(q, theme.pk) in decided[second.pk] for q in quote_ids]
        if not any(a) and not any(b):
            continue  # a theme neither coder used tells nothing about agreement
        value, observed, explanation = cohen_kappa(a, b)
        rows.append(Kappa(theme.name, value, observed, explanation))
        pooled_first += a
        pooled_second += b
    overall = None
    if pooled_first:
        overall = Kappa("All themes", *cohen_kappa(pooled_first, pooled_second))
    return {"coders": [first, second], "problem": "", "themes": rows, "overall": overall}
