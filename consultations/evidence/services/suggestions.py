"""Suggesting themes for uncoded quotes from the quotes already coded.

Suggestions use TF-IDF similarity (scikit-learn) because its reasons can be shown: the coded
quotes most like this one, the score, and the words they share. They are only ever applied
when a person accepts them (consultations.evidence.services.codebook.accept_suggestion).
The text maths lives in consultations.evidence.services.text_coding, public so other apps
code their own free text with it; this module feeds it a consultation's quotes and themes.
"""

import hashlib
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Count, Max

from consultations.evidence.services import text_coding
from consultations.evidence.services.codebook import kept_theme_ids
from consultations.evidence.services.text_coding import TextCodingModel
from consultations.models import Coding, Consultation

# Keyed on a fingerprint of the codings, so a stale model is never used; the time limit only
# bounds how long an unused one is kept.
MODEL_CACHE_SECONDS = 60 * 60
# Part of the cache key, raised whenever TextCodingModel's shape or module changes: the cache
# outlives a deploy, and a model pickled under the old class cannot be loaded by the new one.
MODEL_FORMAT = 3


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
    return {
        pk: [_as_theme(s, names) for s in found]
        for pk, found in text_coding.suggest(model, candidates, limit).items()
    }


def suggestion_model(consultation: Consultation) -> TextCodingModel | None:
    """The fitted model from the cache, or fitted now; None while nothing is coded. The cache
    key is a fingerprint of the codings and merges, so new codings are learnt at once."""
    kept = kept_theme_ids(consultation)
    state = Coding.objects.filter(theme__consultation=consultation).aggregate(
        n=Count("pk"), last=Max("pk")
    )
    merges = sorted((old, new) for old, new in kept.items() if old != new)
    fingerprint = hashlib.sha256(repr((state, merges)).encode()).hexdigest()[:32]
    key = f"consultations:suggestion-model:v{MODEL_FORMAT}:{consultation.pk}:{fingerprint}"
    model = cache.get(key)
    if model is None and state["n"]:
        model = _fit(consultation, kept)
        cache.set(key, model, MODEL_CACHE_SECONDS)
    return model


def _fit(consultation: Consultation, kept: dict[int, int]) -> TextCodingModel | None:
    codings = list(
        Coding.objects.filter(theme__consultation=consultation).values_list("quote_id", "theme_id")
    )
    text = dict(
        consultation.quotes.filter(pk__in={q for q, _ in codings}).values_list("pk", "text")
    )
    return text_coding.fit(
        (quote_id, text[quote_id], kept[theme_id])
        for quote_id, theme_id in codings
        if quote_id in text
    )


def _as_theme(suggestion: text_coding.CodeSuggestion, names) -> ThemeSuggestion:
    return ThemeSuggestion(
        theme_id=suggestion.code_id,
        theme_name=names.get(suggestion.code_id, ""),
        score=suggestion.score,
        neighbours=[
            Neighbour(quote_id=n.item_id, text=n.text, similarity=n.similarity)
            for n in suggestion.neighbours
        ],
        shared_terms=suggestion.shared_terms,
    )
