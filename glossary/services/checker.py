"""The language checker: find stigmatising wording and jargon in any text, fast.

`check_text(text)` is a plain function that other modules (the media monitor, the library)
call on very many texts, so it never queries the database per call or per match: it runs
the compiled guide (compiled_guide.py) that guide_cache.py keeps in memory, asking the
database at most once a minute whether the guide or the dictionary has changed.

Text inside quotation marks ("...", “...”, ‘...’) is reported as kind "quotation", and
official names (Rehabilitation of Offenders Act 1974) as "official_name", rather than
"stigmatising". How phrases match (spaces, hyphens, plurals, word boundaries, context) is
described in compiled_guide.py.
"""

from __future__ import annotations

import bisect
import re

from glossary.services.compiled_guide import CompiledGuide, Match, scan, scan_acronyms
from glossary.services.findings import (
    CATEGORIES,
    KINDS,
    QUOTATION,
    STIGMATISING,
    CheckResult,
    Finding,
)
from glossary.services.guide_cache import get_compiled_guide

_QUOTATIONS = re.compile(
    '"[^"]{1,3000}"'
    "|\u201c[^\u201d]{1,3000}\u201d"
    # A closing ‘…’ quote is a ’ not followed by a letter; ’ before a letter is an apostrophe.
    "|\u2018(?:[^\u2018\u2019]|\u2019(?=[^\\W\\d_])){1,3000}\u2019"
)


def _quotation_spans(text: str) -> tuple[list[int], list[int]]:
    starts, ends = [], []
    for match in _QUOTATIONS.finditer(text):
        starts.append(match.start())
        ends.append(match.end())
    return starts, ends


def _quoted(spans: tuple[list[int], list[int]], start: int, end: int) -> bool:
    starts, ends = spans
    index = bisect.bisect_right(starts, start) - 1
    return index >= 0 and end <= ends[index]


_QUOTATION_REASON = (
    "Inside a quotation: keep the speaker's words, and consider whether to quote them. "
)


def check_text(text: str, guide: CompiledGuide | None = None) -> CheckResult:
    """Every finding in `text`, in order, and a summary. `guide` defaults to the current
    compiled guide (no database query once it has been compiled)."""
    if guide is None:
        guide = get_compiled_guide()
    matches = scan(guide, text, text.lower())
    if guide.acronyms is not None:
        acronym_matches = scan_acronyms(guide, text)
        if acronym_matches:
            matches = _merge(matches, acronym_matches)

    findings: list[Finding] = []
    spans = None
    for match in matches:
        target = match.target
        kind, reason = target.kind, target.reason
        if kind == STIGMATISING:
            if spans is None:
                spans = _quotation_spans(text)
            if spans[0] and _quoted(spans, match.start, match.end):
                kind, reason = QUOTATION, _QUOTATION_REASON + target.reason
        findings.append(
            Finding(
                start=match.start,
                end=match.end,
                text=text[match.start : match.end],
                kind=kind,
                term=target.term,
                suggestions=target.suggestions,
                reason=reason,
                category=target.category,
            )
        )
    return CheckResult(findings=findings, summary=summarise(text, findings, guide.version))


def _merge(word_matches: list[Match], acronym_matches: list[Match]) -> list[Match]:
    """Both lists in order, leaving out acronyms inside a longer word match."""
    starts = [m.start for m in word_matches]
    kept = []
    for match in acronym_matches:
        index = bisect.bisect_right(starts, match.start) - 1
        if index >= 0 and match.start < word_matches[index].end:
            continue
        if index + 1 < len(word_matches) and word_matches[index + 1].start < match.end:
            continue
        kept.append(match)
    return sorted(word_matches + kept, key=lambda m: m.start)


def summarise(text: str, findings: list[Finding], version: int | None) -> dict:
    words = len(text.split())
    by_kind = dict.fromkeys(KINDS, 0)
    by_category = dict.fromkeys(CATEGORIES, 0)
    for finding in findings:
        by_kind[finding.kind] += 1
        if finding.kind == STIGMATISING and finding.category in by_category:
            by_category[finding.category] += 1
    per_thousand = {
        kind: round(count * 1000 / words, 2) if words else 0.0 for kind, count in by_kind.items()
    }
    return {
        "words": words,
        "guide_version": version,
        "by_kind": by_kind,
        "by_category": by_category,
        "per_1000_words": per_thousand,
    }
