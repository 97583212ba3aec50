"""analyse(): the whole analysis of one article, as plain data, with no database access.

The compiled language guide comes from the checker's cache (at most one small query a
minute to see whether the guide changed); everything else is compiled once at import or
once per compiled guide, so analysing an article is pure computation.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import cache

from glossary.services.compiled_guide import CompiledGuide, compile_shipped_guide
from glossary.services.guide_cache import get_compiled_guide
from media.analysis.context import find_context
from media.analysis.language import (
    PEOPLE_FIRST,
    LanguageRules,
    build_language_rules,
    is_label,
    is_sensational,
    language_findings,
)
from media.analysis.patterns import compile_phrases, scan
from media.analysis.score import constructive_score
from media.analysis.sentences import sentence_starts
from media.analysis.topics import find_topics
from media.analysis.voice_descriptors import LIVED_EXPERIENCE
from media.analysis.voices import find_voices

# Raise when a rule of the analysis itself changes (not the guide), so stored analyses can
# be told apart from ones the current rules would give.
ANALYSIS_VERSION = 1


@dataclass(frozen=True)
class CompiledAnalysis:
    """What is compiled for one language guide: its people-first phrases and the one
    pattern that finds them."""

    language: LanguageRules
    people_first: re.Pattern


def _compile_analysis(guide: CompiledGuide) -> CompiledAnalysis:
    language = build_language_rules(guide)
    return CompiledAnalysis(language, compile_phrases(language.fragments))


_compiled_lock = threading.Lock()
_compiled: dict[int, tuple[CompiledGuide, CompiledAnalysis]] = {}


def compiled_for(guide: CompiledGuide) -> CompiledAnalysis:
    """The analysis compiled for one guide, once. Keyed by the guide object itself: the
    checker compiles a new object whenever the guide's stamp (version, dictionary) changes."""
    cached = _compiled.get(id(guide))
    if cached is not None and cached[0] is guide:
        return cached[1]
    with _compiled_lock:
        compiled = _compile_analysis(guide)
        if len(_compiled) >= 4:  # superseded guides: drop them rather than grow for ever
            _compiled.clear()
        _compiled[id(guide)] = (guide, compiled)
        return compiled


def _lower(text: str) -> str:
    """Lower case with the same length, so offsets in it are offsets in `text` (a few
    characters, such as 'İ', grow when lower-cased; they keep their first character)."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(char.lower()[:1] or char for char in text)


@cache
def guide_from_data_file() -> CompiledGuide:
    """The newest shipped version of the language guide (the data its migrations load),
    compiled once, for the labelled set and the benchmark, which need no database."""
    return compile_shipped_guide()


def _part(findings: list) -> dict:
    return {
        "findings": [finding.as_dict() for finding in findings],
        "labels": sum(1 for finding in findings if is_label(finding)),
        "sensational": sum(1 for finding in findings if is_sensational(finding)),
        "people_first": sum(1 for finding in findings if finding.kind == PEOPLE_FIRST),
    }


def analyse(title: str, text: str, guide: CompiledGuide | None = None) -> dict:
    """The analysis of one article: headline and body findings (the language checker's
    format, plus people-first wording), voices, context, topics and the constructive
    reporting score with its components. `guide` defaults to the current language guide."""
    title, text = title or "", text or ""
    if guide is None:
        guide = get_compiled_guide()
    compiled = compiled_for(guide)
    language = compiled.language
    in_title = scan(compiled.people_first, _lower(title))
    in_body = scan(compiled.people_first, _lower(text))
    headline_findings, _ = language_findings(title, guide, language, in_title)
    body_findings, words = language_findings(text, guide, language, in_body)
    headline, body = _part(headline_findings), _part(body_findings)
    body["words"] = words

    starts = sentence_starts(text)
    voices = [dict(voice.as_dict(), part="headline") for voice in find_voices(title)]
    voices += [dict(voice.as_dict(), part="body") for voice in find_voices(text, starts)]
    voice_counts: dict[str, int] = {}
    for voice in voices:
        voice_counts[voice["category"]] = voice_counts.get(voice["category"], 0) + 1

    context = find_context(text, starts)
    score = constructive_score(
        words=words,
        headline_flags=headline["labels"] + headline["sensational"],
        body_labels=body["labels"],
        body_sensational=body["sensational"],
        people_first=headline["people_first"] + body["people_first"],
        voice_categories=set(voice_counts),
        thematic=context["thematic"],
    )
    return {
        "guide_version": guide.version,
        "analysis_version": ANALYSIS_VERSION,
        "headline": headline,
        "body": body,
        "voices": voices,
        "voice_counts": voice_counts,
        "context": context,
        "topics": find_topics(title, text),
        "score": score,
        # The figures the Article model stores, named as its fields are.
        "summary": {
            "headline_labels": headline["labels"],
            "body_labels": body["labels"],
            "sensational_words": headline["sensational"] + body["sensational"],
            "people_first_terms": headline["people_first"] + body["people_first"],
            "has_lived_experience_voice": LIVED_EXPERIENCE in voice_counts,
            "is_thematic": context["thematic"],
            "score": score["total"],
            "words": words,
        },
    }
