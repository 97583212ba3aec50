"""The language checker: find stigmatising wording and jargon in any text, fast.

`check_text(text)` is a plain function that other modules (the media monitor, the library)
call on very many texts, so it never queries the database per call or per match: it runs
the compiled guide (compiled_guide.py) that guide_cache.py keeps in memory, asking the
database at most once a minute whether the guide or the dictionary has changed.

Each finding of the guide's wording has a severity: "stigmatising" (labels such as "inmate"
or "lag") or "care" (use with care: wording the guide calls often unavoidable, such as
"prisoner"). Wording inside a quotation or a linked title is reported as kind "quotation",
wording a sentence discusses rather than uses ("avoid terms such as offender") as
"discussed", and wording inside an official name (an Act, a body, a member organisation of
the directory) as "official_name", rather than "stigmatising"; mentions.py decides these.
How phrases match (spaces, hyphens, plurals, word boundaries, context) is described in
compiled_guide.py.
"""

from __future__ import annotations

import bisect

from glossary.services.compiled_guide import CompiledGuide, Match, scan, scan_acronyms
from glossary.services.findings import (
    CARE,
    CATEGORIES,
    DISCUSSED,
    KINDS,
    OFFICIAL_NAME,
    QUOTATION,
    SEVERE,
    SEVERITIES,
    STIGMATISING,
    CheckResult,
    Finding,
)
from glossary.services.guide_cache import get_compiled_guide
from glossary.services.mentions import discussed, in_named_body, quotation_spans, quoted

# Below this many words, rates per 1,000 words say little: the summary gives counts.
SHORT_TEXT_WORDS = 1000

_QUOTATION_REASON = (
    "Inside a quotation or a title: keep the speaker's or author's words, and consider "
    "whether to quote them. "
)
_DISCUSSED_REASON = "Named as a word to discuss, not used to describe anyone: nothing to change. "
_NAME_REASON = "Part of an official name: write the name exactly as it is. "
_CARE_REASON = "Use with care: often unavoidable, but people-first wording is better. "


def _exempt_kind(text: str, match: Match, spans) -> tuple[str, str] | None:
    """(kind, reason prefix) when stigmatising wording is not the writer's own use."""
    if in_named_body(text, match.start, match.end):
        return OFFICIAL_NAME, _NAME_REASON
    if discussed(text, match.start):
        return DISCUSSED, _DISCUSSED_REASON
    if spans[0] and quoted(spans, match.start, match.end):
        return QUOTATION, _QUOTATION_REASON
    return None


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
        kind, reason, severity = target.kind, target.reason, target.severity
        if kind == STIGMATISING:
            if spans is None:
                spans = quotation_spans(text)
            exempt = _exempt_kind(text, match, spans)
            if exempt is not None:
                kind, reason = exempt[0], exempt[1] + target.reason
            elif severity == CARE:
                reason = _CARE_REASON + target.reason
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
                severity=severity,
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
    """Counts by kind, by category and by severity (of stigmatising findings), and rates
    per 1,000 words; `short_text` says the rates mean little and the counts should be shown."""
    words = len(text.split())
    by_kind = dict.fromkeys(KINDS, 0)
    by_category = dict.fromkeys(CATEGORIES, 0)
    by_severity = dict.fromkeys(SEVERITIES, 0)
    for finding in findings:
        by_kind[finding.kind] += 1
        if finding.kind == STIGMATISING:
            by_severity[finding.severity or SEVERE] += 1
            if finding.category in by_category:
                by_category[finding.category] += 1
    per_thousand = {
        kind: round(count * 1000 / words, 2) if words else 0.0 for kind, count in by_kind.items()
    }
    return {
        "words": words,
        "guide_version": version,
        "by_kind": by_kind,
        "by_category": by_category,
        "by_severity": by_severity,
        "short_text": words < SHORT_TEXT_WORDS,
        "per_1000_words": per_thousand,
    }
