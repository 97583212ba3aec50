"""Suggesting codes for texts from texts already coded: the consultations app's coding maths,
public so other apps can code their own free text with it (plans codes its members' survey).

It knows nothing of quotes or themes: it is fitted on (item id, text, code id) triples and
suggests codes for (item id, text) pairs. TF-IDF similarity (scikit-learn) is used because
its reasons can be shown: the coded texts most like this one, the score, and the words they
share. Callers apply a suggestion only when a person accepts it.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # scikit-learn and scipy take seconds to import: only fit() loads them
    from sklearn.feature_extraction.text import TfidfVectorizer

# Words of two or more letters: numbers and one-letter words say nothing about a code.
WORD_PATTERN = r"(?u)\b[a-zA-Z][a-zA-Z'’]+\b"
SUGGESTION_CHUNK = 256
MIN_SCORE = 0.05
SHARED_TERMS = 5
PROTOTYPES = 50


@dataclass
class Neighbour:
    item_id: int
    text: str
    similarity: float


@dataclass
class CodeSuggestion:
    code_id: int
    score: float
    neighbours: list[Neighbour] = field(default_factory=list)
    shared_terms: list[str] = field(default_factory=list)


@dataclass
class TextCodingModel:
    """What the coded texts teach; small enough to cache while the codings are unchanged."""

    vectoriser: "TfidfVectorizer"
    code_ids: list[int]
    centroids: object  # sparse, codes × terms, rows of unit length
    prototype_matrix: object  # sparse, the prototypes' vectors, code by code
    prototype_offsets: np.ndarray  # where each code's prototypes start in prototype_matrix
    prototype_ids: list[int]  # the item id of each prototype row
    prototype_text: dict[int, str]
    coded_ids: set[int]


def fit(coded: Iterable[tuple[int, str, int]]) -> TextCodingModel | None:
    """Fit on (item id, text, code id) triples, an item appearing once per code it has.
    None when there is nothing to learn from (no coded text, or only stop words)."""
    # Imported here, not at module level: URL confs import this module through views, and
    # every worker's first request would otherwise pay seconds for scikit-learn.
    from scipy.sparse import csc_matrix
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.preprocessing import normalize

    labels: dict[int, set[int]] = {}
    coded_text: dict[int, str] = {}
    for item_id, text, code_id in coded:
        labels.setdefault(item_id, set()).add(code_id)
        coded_text[item_id] = text
    if not labels:
        return None
    coded_ids = list(labels)
    vectoriser = TfidfVectorizer(
        stop_words="english", sublinear_tf=True, dtype=np.float32, token_pattern=WORD_PATTERN
    )
    try:
        vectors = vectoriser.fit_transform([coded_text[pk] for pk in coded_ids])
    except ValueError:  # only stop words in the coded texts: nothing to compare
        return None
    code_ids = sorted({c for pk in coded_ids for c in labels[pk]})
    code_index = {c: i for i, c in enumerate(code_ids)}
    rows, cols = [], []
    for row, pk in enumerate(coded_ids):
        for code_id in labels[pk]:
            rows.append(row)
            cols.append(code_index[code_id])
    membership = csc_matrix(
        (np.ones(len(rows), dtype=np.float32), (rows, cols)),
        shape=(len(coded_ids), len(code_ids)),
    )
    centroids = normalize(membership.T @ vectors).tocsr()
    prototypes = _prototypes(vectors, membership, centroids)
    prototype_rows = [row for rows in prototypes for row in rows]
    prototype_ids = [coded_ids[row] for row in prototype_rows]
    return TextCodingModel(
        vectoriser=vectoriser,
        code_ids=code_ids,
        centroids=centroids,
        prototype_matrix=vectors[prototype_rows],
        prototype_offsets=np.cumsum([0] + [len(rows) for rows in prototypes]),
        prototype_ids=prototype_ids,
        prototype_text={pk: coded_text[pk] for pk in prototype_ids},
        coded_ids=set(coded_ids),
    )


def suggest(
    model: TextCodingModel | None, candidates: list[tuple[int, str]], limit: int = 3
) -> dict[int, list[CodeSuggestion]]:
    """Up to `limit` codes for each (item id, text) candidate, best first, with reasons.

    Each text is a TF-IDF vector; a code's centroid is the mean of its coded texts. A text's
    score for a code is its cosine similarity to the centroid; the reason given is the most
    similar of the code's most typical coded texts and the words the text shares with the
    centroid, heaviest first. Candidates are compared in chunks of sparse matrix products.
    """
    if model is None:
        return {pk: [] for pk, _ in candidates}
    result: dict[int, list[CodeSuggestion]] = {}
    for offset in range(0, len(candidates), SUGGESTION_CHUNK):
        result.update(_score_chunk(model, candidates[offset : offset + SUGGESTION_CHUNK], limit))
    return result


def _score_chunk(model: TextCodingModel, chunk, limit) -> dict[int, list[CodeSuggestion]]:
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
            suggestions.append(
                CodeSuggestion(
                    code_id=model.code_ids[index],
                    score=round(score, 3),
                    neighbours=[
                        Neighbour(
                            item_id=nearest,
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
    """For each code, the rows of its PROTOTYPES coded texts nearest its centroid: the texts
    a suggestion is compared with to name the most similar one, so the comparison costs the
    same however many texts are coded."""
    closeness = (coded @ centroids.T).toarray()
    prototypes = []
    for index in range(membership.shape[1]):
        members = membership.indices[membership.indptr[index] : membership.indptr[index + 1]]
        order = np.argsort(-closeness[members, index])[:PROTOTYPES]
        prototypes.append([int(members[i]) for i in order])
    return prototypes
