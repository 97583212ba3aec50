"""The language guide compiled for matching, and how a compiled guide finds its phrases.

Every phrase of a guide version (entries, their variants, official names) and every
dictionary term is compiled ONCE into a single character-trie regular expression over
lower-cased text; acronyms get a second, case-sensitive one. Nothing here touches the
database: guide_cache.py compiles the current guide from it, and tests, the labelled sets and
the benchmarks compile plain data.

Why the trie (built by core.lib.term_regex): Python's `re` can skip straight to candidate
first letters when every alternative of a pattern starts with a literal, and a trie shares
prefixes so a failed candidate costs one or two character comparisons. Lower-casing once
(in C) means no IGNORECASE, which would switch both optimisations off.

Matching rules. A space in a guide phrase matches any run of spaces, line breaks or hyphens;
a hyphen matches a hyphen, a space or nothing (ex-offender, ex offender, exoffender); plurals
and possessives (offenders, offender's, offenders') match their entry. A match must start and
end on a word boundary, so "offence", "offending" and "offends" are not "offender". A few
words are stigmatising only in some uses; context_rules.py decides those.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from core.lib.term_regex import PHRASE_END, compile_at_word_starts, phrase_atoms, trie_pattern
from glossary.services.context_rules import CONTEXT_RULES
from glossary.services.findings import (
    JARGON,
    NOT_IN_KEY,
    OFFICIAL_NAME,
    SEVERE,
    STIGMATISING,
    normalise_key,
)
from glossary.services.guide_changes import apply_changes, shipped_change_sets

# Version 1 of the guide, as the guide's first migration loads it.
GUIDE_DATA = Path(__file__).resolve().parent.parent / "data" / "guide.json"

_ACRONYM_END = "s?(?![A-Za-z0-9])"


@dataclass(frozen=True)
class _Target:
    """What a matched phrase means."""

    kind: str
    term: str
    suggestions: tuple[str, ...]
    reason: str
    category: str
    entry_key: str = ""
    severity: str = ""


@dataclass
class CompiledGuide:
    version: int | None
    words: re.Pattern | None  # over lower-cased text
    targets: dict[str, _Target]  # normalised phrase -> meaning
    acronyms: re.Pattern | None  # over the original text, case-sensitive
    acronym_targets: dict[str, _Target]
    stamp: tuple = ()
    entry_count: int = 0
    official_name_count: int = 0
    jargon_count: int = 0
    _words_ignorecase: re.Pattern | None = field(default=None, repr=False)

    def words_ignorecase(self) -> re.Pattern | None:
        """For the rare text whose length changes when lower-cased (e.g. 'İ')."""
        if self._words_ignorecase is None and self.words is not None:
            self._words_ignorecase = re.compile(self.words.pattern, re.IGNORECASE)
        return self._words_ignorecase


# --- Compiling ------------------------------------------------------------------------------


def _words_pattern(phrases: Iterable[list[str]]) -> re.Pattern | None:
    """The lower-cased trie of every phrase's atoms; a phrase may end in a plural or
    possessive. The pattern starts at the character before a phrase; see scan()."""
    pattern = trie_pattern(((atoms, PHRASE_END) for atoms in phrases if atoms), render=str)
    return compile_at_word_starts(pattern) if pattern else None


def _lines(value) -> list[str]:
    if isinstance(value, str):
        return [line.strip() for line in value.splitlines() if line.strip()]
    return [str(line).strip() for line in value or () if str(line).strip()]


def compile_guide(
    entries: Iterable[Mapping],
    official_names: Iterable[str] = (),
    dictionary: Iterable[Mapping] = (),
    version: int | None = None,
    stamp: tuple = (),
    directory_names: Iterable[str] = (),
) -> CompiledGuide:
    """Build a CompiledGuide from plain data: entries (key, wording, variants, preferred,
    reason, category, severity), official names, dictionary terms (term, acronym,
    expansion, definition) and the names of the members directory's organisations, which
    are official names too when they contain guide wording ("Prisoners' Advice Service").
    Nothing here touches the database."""
    targets: dict[str, _Target] = {}
    phrases: dict[str, list[str]] = {}  # phrase -> regex atoms
    entries = list(entries)
    for entry in entries:
        target = _Target(
            kind=STIGMATISING,
            term=entry["wording"],
            suggestions=tuple(_lines(entry.get("preferred", ()))),
            reason=entry.get("reason", ""),
            category=entry.get("category", ""),
            entry_key=entry.get("key", ""),
            severity=entry.get("severity") or SEVERE,
        )
        for phrase in [entry["wording"], *_lines(entry.get("variants", ()))]:
            key = normalise_key(phrase)
            if key:
                targets.setdefault(key, target)
                # Spellings with one key ("low-life", "lowlife") all go into the trie.
                phrases[phrase.lower()] = phrase_atoms(phrase)

    stigmatising_only = CompiledGuide(
        version=version,
        words=_words_pattern(phrases.values()),
        targets=dict(targets),
        acronyms=None,
        acronym_targets={},
    )
    official_names = _lines(official_names)
    official_names += _directory_names_with_wording(stigmatising_only, directory_names)
    for name in official_names:
        # Tell the reader which wording the name contains and what to use outside it.
        inner = scan(stigmatising_only, name, name.lower())
        contained = inner[0].target if inner else None
        targets[normalise_key(name)] = _Target(
            kind=OFFICIAL_NAME,
            term=name,
            suggestions=contained.suggestions if contained else (),
            reason="An official name: write it exactly as it is. "
            + (
                f"Outside the name, prefer: {'; '.join(contained.suggestions)}."
                if contained
                else ""
            ),
            category=contained.category if contained else "",
            entry_key="",
        )
        phrases[name.lower()] = phrase_atoms(name)

    acronym_targets: dict[str, _Target] = {}
    jargon_count = 0
    for item in dictionary:
        term = re.sub(r"\s*\([^)]*\)\s*$", "", item.get("term", "")).strip()
        definition = item.get("definition", "")
        if term:
            jargon_count += 1
            key = normalise_key(term)
            if key and key not in targets:
                targets[key] = _Target(JARGON, term, (), definition, "")
                phrases[term.lower()] = phrase_atoms(term)
        acronym = (item.get("acronym") or "").strip()
        if acronym and acronym not in acronym_targets:
            expansion = item.get("expansion") or term
            acronym_targets[acronym] = _Target(
                JARGON, term or acronym, (expansion,) if expansion else (), definition, ""
            )

    acronym_pattern = trie_pattern(
        (([re.escape(char) for char in acronym], _ACRONYM_END) for acronym in acronym_targets),
        render=str,
    )
    return CompiledGuide(
        version=version,
        words=_words_pattern(phrases.values()),
        targets=targets,
        acronyms=re.compile(acronym_pattern) if acronym_pattern else None,
        acronym_targets=acronym_targets,
        stamp=stamp,
        entry_count=len(entries),
        official_name_count=len(official_names),
        jargon_count=jargon_count,
    )


def shipped_guide_data() -> dict:
    """The entries and official names of glossary/data/guide.json, version 1 of the guide."""
    return json.loads(GUIDE_DATA.read_text(encoding="utf-8"))


def shipped_current_guide() -> tuple[int, list[dict], list[str]]:
    """The newest shipped version: version 1 with glossary/data/guide_changes.json applied,
    as the migrations leave the database: (number, entries, official names)."""
    data = shipped_guide_data()
    entries = {
        entry["key"]: {
            **entry,
            "variants": "\n".join(entry.get("variants", ())),
            "preferred": "\n".join(entry["preferred"]),
        }
        for entry in data["entries"]
    }
    for entry in entries.values():
        entry.pop("key")
    names, number = list(data["official_names"]), 1
    for _reason, edits in shipped_change_sets():
        entries, names = apply_changes(entries, names, edits)
        number += 1
    return number, [{"key": key, **values} for key, values in entries.items()], names


def compile_shipped_guide() -> CompiledGuide:
    """The newest shipped version of the guide, without the dictionary, for the labelled
    sets and the benchmarks, which need no database."""
    number, entries, names = shipped_current_guide()
    return compile_guide(entries, names, (), version=number)


def _directory_names_with_wording(guide: CompiledGuide, names: Iterable[str]) -> list[str]:
    """The organisations' names that contain guide wording, without a trailing note in
    brackets ("Prisoner University Partnerships (University of Westminster)"). The other
    names never need exempting, so they stay out of the pattern."""
    found = []
    for name in names:
        name = re.sub(r"\s*\([^)]*\)\s*$", "", name or "").strip()
        if name and scan(guide, name, name.lower()):
            found.append(name)
    return found


# --- Matching -------------------------------------------------------------------------------


class Match(NamedTuple):
    start: int
    end: int
    target: _Target


def scan(guide: CompiledGuide, text: str, lower: str) -> list[Match]:
    """Matches of the lower-cased trie, on word boundaries, after context rules.

    The pattern starts with the non-word character before a phrase (the text gets a leading
    space), so `re` only stops at word starts: most positions are skipped in C."""
    if guide.words is None:
        return []
    if len(lower) == len(text):
        pattern, haystack = guide.words, " " + lower
    else:
        pattern, haystack = guide.words_ignorecase(), " " + text
        # Context rules need a lower-case copy whose offsets match the text's.
        lower = "".join(char.lower()[:1] or char for char in text)
    targets = guide.targets
    rules = CONTEXT_RULES
    strip = NOT_IN_KEY.sub
    found: list[Match] = []
    for match in pattern.finditer(haystack):
        # Offsets in the text: the leading space and the boundary character cancel out.
        start, end = match.start(), match.end() - 1
        key = strip("", lower[start:end])
        target = targets.get(key)
        if target is None and key.endswith("s"):
            target = targets.get(key[:-1])
        if target is None:
            continue
        rule = rules.get(target.entry_key)
        if rule is not None and target.kind == STIGMATISING and not rule(lower, start, end):
            continue
        found.append(Match(start, end, target))
    return found


def scan_acronyms(guide: CompiledGuide, text: str) -> list[Match]:
    found: list[Match] = []
    targets = guide.acronym_targets
    for match in guide.acronyms.finditer(text):
        start, end = match.span()
        if start and text[start - 1].isalnum():
            continue
        acronym = match.group()
        target = targets.get(acronym) or targets.get(acronym[:-1])
        if target is not None:
            found.append(Match(start, end, target))
    return found
