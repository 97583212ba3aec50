"""Syndicated copies: one wire story carried by several outlets, lightly edited by each.

Each article's text gets a MinHash signature: 64 values, each the smallest hash of its
three-word shingles under one of 64 hash functions. The share of equal values between two
signatures estimates the share of shingles the texts have in common (their Jaccard
similarity). Two articles from different outlets, published within SYNDICATION_WINDOW of each
other, whose signatures agree on at least SIMILARITY_THRESHOLD of their values, are copies of
one story; copies are grouped (transitively) in a SyndicationGroup. The earliest published is
the original and every later one is flagged `is_syndicated_copy`, so counts can include or
leave out copies.

Scale (locality-sensitive hashing): the first eight values, in four bands of two, are stored
in indexed columns. Texts sharing 80% of their shingles share a band 98% of the time (70%:
93%, 60%: 87%); unrelated texts almost never do. So the candidates for a chunk of new articles
come from one indexed query, and only those few are compared in full.
"""

import datetime
import zlib
from collections import defaultdict
from functools import lru_cache

import numpy as np
from django.db.models import Q

from media.ingest import dedup
from media.models import Article, SyndicationGroup

SIMILARITY_THRESHOLD = 0.6
SYNDICATION_WINDOW = datetime.timedelta(days=7)
SHINGLE_WORDS = 3
SIGNATURE_SIZE = 64
BANDS = 4
ROWS_PER_BAND = 2
BAND_FIELDS = tuple(f"signature_band_{index}" for index in range(BANDS))

_MIX_1 = np.uint64(0xFF51AFD7ED558CCD)
_MIX_2 = np.uint64(0xC4CEB9FE1A85EC53)
# Multiply-shift hash functions, fixed so that signatures agree across processes and years.
_random = np.random.default_rng(20250601)
_MULTIPLIERS = _random.integers(1, 2**63, SIGNATURE_SIZE, dtype=np.uint64) * np.uint64(
    2
) + np.uint64(1)
_OFFSETS = _random.integers(0, 2**63, SIGNATURE_SIZE, dtype=np.uint64)


@lru_cache(maxsize=65536)
def _word_hash(word: str) -> int:
    # crc32 is stable across processes (Python's hash() is not) and runs in C; two seeds
    # give 64 bits. Cached because news vocabulary repeats; bounded so memory stays flat.
    data = word.encode()
    return zlib.crc32(data) | (zlib.crc32(data, 0x9E3779B9) << 32)


def signature(text: str, text_words: list[str] | None = None) -> np.ndarray | None:
    """The text's MinHash signature (64 uint32 values), or None when it is too short.
    Pass `text_words` (media.ingest.dedup.words) when the text is already split."""
    text_words = dedup.words(text) if text_words is None else text_words
    if len(text_words) < SHINGLE_WORDS:
        return None
    hashes = np.fromiter(map(_word_hash, text_words), dtype=np.uint64, count=len(text_words))
    with np.errstate(over="ignore"):
        # The word hashes are already random; multiplying by odd constants keeps word order
        # ("a b c" is not "c b a"). Repeated shingles cannot change a minimum: no unique().
        shingles = hashes[:-2] ^ (hashes[1:-1] * _MIX_1) ^ (hashes[2:] * _MIX_2)
        permuted = shingles[:, None] * _MULTIPLIERS[None, :] + _OFFSETS[None, :]
    return (permuted >> np.uint64(32)).min(axis=0).astype(np.uint32)


def similarity(first: bytes, second: bytes) -> float:
    """Estimated share of shingles two texts have in common, from their signatures."""
    a = np.frombuffer(first, dtype=np.uint32)
    b = np.frombuffer(second, dtype=np.uint32)
    return float(np.count_nonzero(a == b)) / SIGNATURE_SIZE


def bands(values: np.ndarray | None) -> tuple[int | None, ...]:
    """The LSH band keys: two signature values per band, as one signed 64-bit integer."""
    if values is None:
        return (None,) * BANDS
    keys = []
    for index in range(BANDS):
        high, low = (int(v) for v in values[index * ROWS_PER_BAND : (index + 1) * ROWS_PER_BAND])
        key = (high << 32) | low
        keys.append(key - (1 << 64) if key >= 1 << 63 else key)
    return tuple(keys)


def signature_fields(text: str, text_words: list[str] | None = None) -> dict:
    """The signature and its bands, as Article field values."""
    values = signature(text, text_words)
    return {
        "signature": None if values is None else values.tobytes(),
        **dict(zip(BAND_FIELDS, bands(values), strict=True)),
    }


class _Groups:
    """Union-find over article ids."""

    def __init__(self):
        self.parent: dict[int, int] = {}

    def find(self, item: int) -> int:
        root = self.parent.setdefault(item, item)
        while root != self.parent[root]:
            root = self.parent[root]
        while item != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def join(self, first: int, second: int) -> None:
        self.parent[self.find(first)] = self.find(second)


def _candidates(articles: list[Article]) -> list[dict]:
    """Stored articles sharing a band with any of `articles`, within the window."""
    published = [article.published_at for article in articles]
    condition = Q()
    for field in BAND_FIELDS:
        values = {getattr(article, field) for article in articles} - {None}
        if values:
            condition |= Q(**{f"{field}__in": values})
    if not condition:
        return []
    return list(
        Article.objects.filter(
            condition,
            published_at__gte=min(published) - SYNDICATION_WINDOW,
            published_at__lte=max(published) + SYNDICATION_WINDOW,
        ).values(
            "id", "outlet_id", "published_at", "signature", "syndication_group_id", *BAND_FIELDS
        )
    )


def _are_copies(first: dict, second: dict) -> bool:
    return (
        first["outlet_id"] != second["outlet_id"]
        and abs(first["published_at"] - second["published_at"]) <= SYNDICATION_WINDOW
        and similarity(first["signature"], second["signature"]) >= SIMILARITY_THRESHOLD
    )


def group_copies(articles: list[Article]) -> set[int]:
    """Group the newly stored `articles` (saved, with signatures) with their copies, old and
    new, and re-decide which article of each touched group is the original.

    Returns the ids of every article whose group or copy flag changed, so the caller can
    rebuild the monthly figures those articles count in."""
    signed = [article for article in articles if article.signature is not None]
    if not signed:
        return set()
    rows = {row["id"]: row for row in _candidates(signed)}
    by_band: dict[tuple[int, int], list[int]] = defaultdict(list)
    for row in rows.values():
        for index, field in enumerate(BAND_FIELDS):
            by_band[(index, row[field])].append(row["id"])
    groups = _Groups()
    for article in signed:
        article_id, row = article.pk, rows[article.pk]
        for index, field in enumerate(BAND_FIELDS):
            for other_id in by_band[(index, row[field])]:
                if other_id != article_id and _are_copies(row, rows[other_id]):
                    groups.join(article_id, other_id)
    clusters: dict[int, set[int]] = defaultdict(set)
    for article_id in list(groups.parent):
        clusters[groups.find(article_id)].add(article_id)
    changed: set[int] = set()
    for members in clusters.values():
        changed |= _store_group(members, rows)
    return changed


def _store_group(members: set[int], rows: dict[int, dict]) -> set[int]:
    existing = sorted({rows[i]["syndication_group_id"] for i in members} - {None})
    if existing:
        group_id = existing[0]
        # Two groups bridged by a new copy become one story.
        members |= set(
            Article.objects.filter(syndication_group_id__in=existing).values_list("id", flat=True)
        )
    else:
        group_id = SyndicationGroup.objects.create().pk
    Article.objects.filter(pk__in=members).update(syndication_group_id=group_id)
    SyndicationGroup.objects.filter(pk__in=existing[1:]).delete()
    return members | settle_original(group_id)


def settle_original(group_id: int) -> set[int]:
    """Flag every article of the group but the earliest as a copy. Returns the ids whose flag
    changed."""
    members = list(
        Article.objects.filter(syndication_group_id=group_id)
        .order_by("published_at", "pk")
        .values_list("pk", "is_syndicated_copy")
    )
    changed = {pk for position, (pk, flag) in enumerate(members) if flag != (position > 0)}
    if members:
        Article.objects.filter(pk=members[0][0]).update(is_syndicated_copy=False)
        Article.objects.filter(pk__in=[pk for pk, _ in members[1:]]).update(is_syndicated_copy=True)
    return changed
