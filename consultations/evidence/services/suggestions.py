"""Suggesting themes for uncoded quotes from the quotes already coded.

Suggestions use TF-IDF similarity (scikit-learn) because its reasons can be shown: the coded
quotes most like this one, the score, and the words they share. They are only ever applied
when a person accepts them (consultations.evidence.services.codebook.accept_suggestion).
"""

import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
from django.core.cache import cache
from django.db.models import Count, Max

from consultations.evidence.services.codebook import kept_theme_ids
from consultations.models import Coding, Consultation

if TYPE_CHECKING:  # scikit-learn and scipy take seconds to import: only _fit loads them
    from sklearn.feature_extraction.text import TfidfVectorizer

# Words of two or more letters: numbers and one-letter words say nothing about a theme.
WORD_PATTERN = r"(?u)\b[a-zA-Z][a-zA-Z'’]+\b"
SUGGESTION_CHUNK = 256
MIN_SCORE = 0.05
SHARED_TERMS = 5
PROTOTYPES = 50
# Keyed on a fingerprint of the codings, so a stale model is never used; the time limit only
# bounds how long an unused one is kept.
MODEL_CACHE_SECONDS = 60 * 60
# Part of the cache key, raised whenever SuggestionModel's shape or module changes: the cache
# outlives a deploy, and a model pickled under the old class cannot be loaded by the new one.
MODEL_FORMAT = 2


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

    vectoriser: "TfidfVectorizer"
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
    key = f"consultations:suggestion-model:v{MODEL_FORMAT}:{consultation.pk}:{fingerprint}"
    model = cache.get(key)
    if model is None and state["n"]:
        model = _fit(consultation, kept)
        cache.set(key, model, MODEL_CACHE_SECONDS)
    return model


def _fit(consultation: Consultation, kept: dict[int, int]) -> SuggestionModel | None:
    # Imported here, not at module level: the URL conf imports this module through the coding
    # views, and every worker's first request would otherwise pay seconds for scikit-learn.
    from scipy.sparse import csc_matrix
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.preprocessing import normalize

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
