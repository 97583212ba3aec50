"""The ranking of a category, kept in the shared cache until something it depends on changes.

Working out a ranking reads every score of the category (20,000 at the benchmark's size) and
is the cost of the staff ranking page. Staff open that page far more often than judges save
scores, so the finished ranking is kept in the shared cache (the database cache, or Redis when
REDIS_URL is set: every app server sees the same entry) under a per-category *token*.

The panel's warnings (quorum after recusals, make-up) are read from the same records, so
they are kept with it.

Any change to what a ranking is made of (a score, a conflict or recusal, the panel, the
criteria and their weights, a nomination's status or decision, the category's quorum or the
cycle's normalisation) replaces the token once its transaction commits (signals.py), so the
next request works the ranking out again. Replacing a token rather than deleting an entry
means a ranking worked out from data read before the change, and stored after it, is stored
under the old token, where nobody looks: it can never be served.
"""

import uuid
from dataclasses import astuple

from django.core.cache import cache

from awards.services import panels, ranking, ranking_data

# A day at most, so an entry nothing replaced (a change made outside Django) does not live on.
TIMEOUT = 24 * 60 * 60


def _token_key(category_pk: int) -> str:
    return f"awards:ranking-token:{category_pk}"


def _token(category_pk: int) -> str:
    token = cache.get(_token_key(category_pk))
    if token is None:
        cache.add(_token_key(category_pk), uuid.uuid4().hex, TIMEOUT)
        token = cache.get(_token_key(category_pk))
    return token


def forget(category_pk: int) -> None:
    """Something the ranking depends on changed: the next request works it out again."""
    cache.set(_token_key(category_pk), uuid.uuid4().hex, TIMEOUT)


def category_ranking(category) -> tuple[ranking_data.CategoryRanking, list[str]]:
    """`ranking_data.category_ranking` and the panel's warnings (`panels.warnings`), from the
    shared cache when nothing has changed."""
    key = f"awards:ranking:{category.pk}:{_token(category.pk)}"
    cached = cache.get(key)
    if cached is not None:
        return _unpacked(category, cached)
    result = ranking_data.category_ranking(category)
    warnings = panels.warnings(category)
    cache.set(key, _packed(result, warnings), TIMEOUT)
    return result, warnings


# Kept as plain tuples: unpickling 2,000 dataclass instances (with each judge's means) took
# longer than the rest of the page; tuples of numbers and strings load several times faster.
_ROW_FIELDS = ("nomination_id", "raw", "normalised", "spread", "judges", "rank", "tied",
               "below_quorum")  # fmt: skip


def _packed(result: ranking_data.CategoryRanking, warnings: list[str]) -> tuple:
    rows = tuple(
        (*(getattr(row, name) for name in _ROW_FIELDS), astuple(row.nomination))
        for row in result.rows
    )
    return rows, result.criteria, result.normalised, result.judges, result.ignored_scores, warnings


def _unpacked(category, packed) -> tuple[ranking_data.CategoryRanking, list[str]]:
    rows, criteria, normalised, judges, ignored, warnings = packed
    ranked = []
    for *values, nominee in rows:
        row = ranking.Ranked(**dict(zip(_ROW_FIELDS, values, strict=True)))
        row.nomination = ranking_data.RankedNominee(*nominee)
        ranked.append(row)
    result = ranking_data.CategoryRanking(
        category=category, rows=ranked, criteria=criteria, normalised=normalised,
        judges=judges, ignored_scores=ignored,
    )  # fmt: skip
    return result, warnings
