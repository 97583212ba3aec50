"""Which parts of the justice system and which themes an article covers.

The keywords are in topic_keywords.py, keyed by taxonomy Term slug; each topic lists the
keywords that matched, so the reader can see why it was tagged.
"""

from __future__ import annotations

import re
from collections import Counter

from media.analysis.patterns import PLURAL_WORD_END, compile_phrases, count
from media.analysis.topic_keywords import MIN_MENTIONS, TOPIC_KEYWORDS
from taxonomy.terms import VOCABULARIES

_NAMES = {slug: name for terms in VOCABULARIES.values() for slug, name, _ in terms}


def _slugs_by_keyword() -> dict[str, list[str]]:
    slugs: dict[str, list[str]] = {}
    for slug, (_, keywords) in TOPIC_KEYWORDS.items():
        for keyword in keywords:
            slugs.setdefault(keyword, []).append(slug)
    return slugs


_SLUGS_BY_KEYWORD = _slugs_by_keyword()
_KEYWORDS = list(_SLUGS_BY_KEYWORD)


def _keyword_pattern(keyword: str) -> str:
    """A space or hyphen in a keyword matches either ("trauma-informed", "trauma informed")."""
    return r"[\s\-]+".join(re.escape(word) for word in re.split(r"[\s\-]+", keyword))


_KEYWORDS_PATTERN = compile_phrases(
    ((f"k{index}", _keyword_pattern(keyword)) for index, keyword in enumerate(_KEYWORDS)),
    PLURAL_WORD_END,
)


def _count(names: Counter, counts: dict[str, dict[str, int]]) -> None:
    for name, number in names.items():
        keyword = _KEYWORDS[int(name[1:])]
        for slug in _SLUGS_BY_KEYWORD[keyword]:
            keywords = counts.setdefault(slug, {})
            keywords[keyword] = keywords.get(keyword, 0) + number


def find_topics(title: str, text: str) -> list[dict]:
    """Topics covered, most mentioned first: slug, vocabulary, name, mentions and the
    keywords that matched."""
    in_title: dict[str, dict[str, int]] = {}
    _count(count(_KEYWORDS_PATTERN, title.lower()), in_title)
    counts: dict[str, dict[str, int]] = {}
    _count(count(_KEYWORDS_PATTERN, text.lower()), counts)
    for slug, keywords in in_title.items():
        for keyword, number in keywords.items():
            counts.setdefault(slug, {})[keyword] = counts.get(slug, {}).get(keyword, 0) + number
    topics = []
    for slug, keywords in counts.items():
        mentions = sum(keywords.values())
        if mentions < MIN_MENTIONS and slug not in in_title:
            continue
        topics.append(
            {
                "slug": slug,
                "vocabulary": TOPIC_KEYWORDS[slug][0],
                "name": _NAMES.get(slug, slug),
                "mentions": mentions,
                "keywords": sorted(keywords, key=lambda k: (-keywords[k], k)),
            }
        )
    topics.sort(key=lambda topic: (-topic["mentions"], topic["slug"]))
    return topics
