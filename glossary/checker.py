"""The language checker: find stigmatising wording and jargon in any text, fast.

`check_text(text)` is a plain function that other modules (the media monitor, the library)
call on very many texts, so it never queries the database per call or per match. Every
phrase of the current guide (entries, their variants, official names) and every dictionary
term is compiled ONCE into a single character-trie regular expression over lower-cased text;
acronyms get a second, case-sensitive one. `get_compiled_guide()` keeps the compiled guide in
memory, keyed by the guide's version number and the dictionary's count and last change, and
asks the database at most once a minute whether that key has changed (publishing a change
in this process drops the cache at once).

Why the trie (built by core.lib.term_regex): Python's `re` can skip straight to candidate
first letters when every alternative of a pattern starts with a literal, and a trie shares
prefixes so a failed candidate costs one or two character comparisons. Lower-casing once
(in C) means no IGNORECASE, which would switch both optimisations off.

Matching rules. A space in a guide phrase matches any run of spaces, line breaks or hyphens;
a hyphen matches a hyphen, a space or nothing (ex-offender, ex offender, exoffender); plurals
and possessives (offenders, offender's, offenders') match their entry. A match must start and
end on a word boundary, so "offence", "offending" and "offends" are not "offender". Text inside
quotation marks ("...", “...”, ‘...’) is reported as kind "quotation", and official names
(Rehabilitation of Offenders Act 1974) as "official_name", rather than "stigmatising".
A few words are stigmatising only in some uses; CONTEXT_RULES decides those (see
glossary/tests/data/checker_labelled.py for the decisions, with examples).
"""

from __future__ import annotations

import bisect
import contextlib
import re
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from core.lib.term_regex import PHRASE_END, compile_at_word_starts, phrase_atoms, trie_pattern

STIGMATISING = "stigmatising"
JARGON = "jargon"
OFFICIAL_NAME = "official_name"
QUOTATION = "quotation"
KINDS = (STIGMATISING, QUOTATION, OFFICIAL_NAME, JARGON)
CATEGORIES = ("label", "dehumanising", "sensational", "outdated")

# How often a process asks the database whether the guide or dictionary changed.
REVALIDATE_SECONDS = 60

_ACRONYM_END = "s?(?![A-Za-z0-9])"
_KEY_STRIP = re.compile(r"[^a-z0-9]+")
_QUOTATIONS = re.compile(
    '"[^"]{1,3000}"'
    "|\u201c[^\u201d]{1,3000}\u201d"
    # A closing ‘…’ quote is a ’ not followed by a letter; ’ before a letter is an apostrophe.
    "|\u2018(?:[^\u2018\u2019]|\u2019(?=[^\\W\\d_])){1,3000}\u2019"
)
_NEXT_WORD = re.compile(r"[\s\-]*([a-z]+)")
_WORDS = re.compile(r"[a-z]+")


def normalise_key(phrase: str) -> str:
    """The lookup key of a phrase: lower case, letters and digits only."""
    return _KEY_STRIP.sub("", phrase.lower())


class Finding(NamedTuple):
    """One finding. A named tuple because the checker makes very many of them."""

    start: int
    end: int
    text: str
    kind: str
    term: str
    suggestions: tuple[str, ...]
    reason: str
    category: str

    def as_dict(self) -> dict:
        data = self._asdict()
        data["suggestions"] = list(self.suggestions)
        return data


@dataclass(frozen=True)
class CheckResult:
    findings: list[Finding]
    summary: dict

    def as_dict(self) -> dict:
        return {"findings": [f.as_dict() for f in self.findings], "summary": self.summary}


@dataclass(frozen=True)
class _Target:
    """What a matched phrase means."""

    kind: str
    term: str
    suggestions: tuple[str, ...]
    reason: str
    category: str
    entry_key: str = ""


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
    possessive. The pattern starts at the character before a phrase; see _scan."""
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
) -> CompiledGuide:
    """Build a CompiledGuide from plain data: entries (key, wording, variants, preferred,
    reason, category), official names, and dictionary terms (term, acronym, expansion,
    definition). Nothing here touches the database."""
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
    for name in official_names:
        # Tell the reader which wording the name contains and what to use outside it.
        inner = _scan(stigmatising_only, name, name.lower())
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


# --- Context: words that are stigmatising only in some uses ----------------------------------


def _next_word(lower: str, end: int) -> str:
    """The word straight after a match, or '' if punctuation or the end comes first."""
    match = _NEXT_WORD.match(lower, end)
    return match.group(1) if match else ""


def _previous_words(lower: str, start: int, count: int) -> list[str]:
    return _WORDS.findall(lower, max(0, start - 60), start)[-count:]


def _is_plural(matched: str, base_key: str) -> bool:
    return normalise_key(matched) != base_key


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# After a singular "criminal", these words show it is a noun: "a criminal who...".
_NOUN_FOLLOWERS = _word_set(
    "who whom whose was is has had and or but will would could should can may might in at on "
    "from to with of for that which like are were be been being gets got walks walked goes "
    "went deserves than"
)
_PAIRED_ADJECTIVES = _word_set(
    "civil youth family administrative immigration coroners social public private regulatory"
)
_CONVICT_NOUN_BEFORE = _word_set(
    "a an the ex escaped former every this that each another one convicted"
)
_CONVICTS_VERB_BEFORE = _word_set(
    "jury court magistrate magistrates judge it he she who which that"
)
_OBJECT_WORDS = _word_set("him her them the a an someone anyone people")
_CLOTHING_CONTEXT = _word_set(
    "wear wears wearing wore worn his her their my your our grey gray black blue red white "
    "dark new old zip hooded pulled"
)
_CLOTHING_AFTER = _word_set("top jumper sleeve sleeves pulled and pocket hood")


def _criminal(lower: str, start: int, end: int) -> bool:
    if _is_plural(lower[start:end], "criminal"):
        return True
    following = _next_word(lower, end)
    if following in ("and", "or"):
        # "criminal or youth justice", "criminal and civil courts": still an adjective.
        match = re.match(r"[\s\-]*[a-z]+[\s\-]+([a-z]+)", lower[end : end + 40])
        return not (match and match.group(1) in _PAIRED_ADJECTIVES)
    return not following or following in _NOUN_FOLLOWERS


def _convict(lower: str, start: int, end: int) -> bool:
    previous = _previous_words(lower, start, 1)
    previous = previous[0] if previous else ""
    if _is_plural(lower[start:end], "convict"):
        return previous not in _CONVICTS_VERB_BEFORE and _next_word(lower, end) not in (
            _OBJECT_WORDS
        )
    return previous in _CONVICT_NOUN_BEFORE


def _hoodie(lower: str, start: int, end: int) -> bool:
    if _CLOTHING_CONTEXT.intersection(_previous_words(lower, start, 2)):
        return False
    return _next_word(lower, end) not in _CLOTHING_AFTER


def _prisoner(lower: str, start: int, end: int) -> bool:
    """'Prisoner of war', 'prisoner of conscience' and 'political prisoner' are statuses,
    not labels for people in the justice system."""
    if re.match(r"\s+of\s+(?:war|conscience)\b", lower[end : end + 20]):
        return False
    return _previous_words(lower, start, 1) != ["political"]


def _evil(lower: str, start: int, end: int) -> bool:
    return not (
        _previous_words(lower, start, 1) in (["necessary"], ["two"])
        or _next_word(lower, end) == "eye"
    )


def _beast(lower: str, start: int, end: int) -> bool:
    return not re.match(r"\s+from\s+the\s+east\b", lower[end : end + 20])


def _monster(lower: str, start: int, end: int) -> bool:
    return _next_word(lower, end) not in {"truck", "trucks", "energy", "munch"}


CONTEXT_RULES: dict[str, Callable[[str, int, int], bool]] = {
    "criminal": _criminal,
    "convict": _convict,
    "hoodie": _hoodie,
    "prisoner": _prisoner,
    "evil": _evil,
    "beast": _beast,
    "monster": _monster,
}


# --- Checking -------------------------------------------------------------------------------


class _Match(NamedTuple):
    start: int
    end: int
    target: _Target


def _scan(guide: CompiledGuide, text: str, lower: str) -> list[_Match]:
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
    strip = _KEY_STRIP.sub
    found: list[_Match] = []
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
        found.append(_Match(start, end, target))
    return found


def _scan_acronyms(guide: CompiledGuide, text: str) -> list[_Match]:
    found: list[_Match] = []
    targets = guide.acronym_targets
    for match in guide.acronyms.finditer(text):
        start, end = match.span()
        if start and text[start - 1].isalnum():
            continue
        acronym = match.group()
        target = targets.get(acronym) or targets.get(acronym[:-1])
        if target is not None:
            found.append(_Match(start, end, target))
    return found


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
    matches = _scan(guide, text, text.lower())
    if guide.acronyms is not None:
        acronym_matches = _scan_acronyms(guide, text)
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


def _merge(word_matches: list[_Match], acronym_matches: list[_Match]) -> list[_Match]:
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


# --- The compiled guide from the database, cached ------------------------------------------

_lock = threading.Lock()
_cached: CompiledGuide | None = None
_checked_at = 0.0


def invalidate() -> None:
    """Forget the compiled guide; the next check compiles the current one."""
    global _cached, _checked_at
    with _lock:
        _cached, _checked_at = None, 0.0


def current_stamp() -> tuple:
    """What the compiled guide depends on: the guide's version number and the dictionary's
    size and last change. Two small aggregate queries."""
    from django.db.models import Count, Max

    from glossary.models import DictionaryTerm, GuideVersion

    number = GuideVersion.objects.aggregate(number=Max("number"))["number"]
    dictionary = DictionaryTerm.objects.aggregate(count=Count("id"), latest=Max("updated_at"))
    return (number, dictionary["count"], dictionary["latest"])


def load_compiled_guide(stamp: tuple | None = None) -> CompiledGuide:
    """Compile the current guide version and the dictionary from the database."""
    from glossary.models import DictionaryTerm, GuideEntry, GuideVersion, OfficialName

    stamp = stamp if stamp is not None else current_stamp()
    version = GuideVersion.objects.filter(number=stamp[0]).first() if stamp[0] else None
    entries, names = [], []
    if version is not None:
        entries = list(
            GuideEntry.objects.filter(version=version).values(
                "key", "wording", "variants", "preferred", "reason", "category"
            )
        )
        names = list(OfficialName.objects.filter(version=version).values_list("name", flat=True))
    dictionary = DictionaryTerm.objects.all()
    if any(f.name == "link_in_texts" for f in DictionaryTerm._meta.get_fields()):
        # Everyday words the dictionary also explains ('fine', 'charge') are not jargon.
        dictionary = dictionary.filter(link_in_texts=True)
    dictionary = dictionary.values("term", "acronym", "expansion", "definition")
    return compile_guide(
        entries, names, list(dictionary), version=version.number if version else None, stamp=stamp
    )


def get_compiled_guide() -> CompiledGuide:
    global _cached, _checked_at
    guide, now = _cached, time.monotonic()
    if guide is not None and now - _checked_at < REVALIDATE_SECONDS:
        return guide
    with _lock:
        stamp = current_stamp()
        if _cached is None or _cached.stamp != stamp:
            _cached = load_compiled_guide(stamp)
        _checked_at = time.monotonic()
        return _cached


def _connect_signals() -> None:
    from django.db.models.signals import post_delete, post_save

    from glossary.models import DictionaryTerm, GuideEntry, GuideVersion, OfficialName

    for model in (DictionaryTerm, GuideVersion, GuideEntry, OfficialName):
        for signal in (post_save, post_delete):
            signal.connect(
                _on_change, sender=model, dispatch_uid=f"checker-{signal}-{model.__name__}"
            )


def _on_change(**kwargs) -> None:
    invalidate()


# Without Django configured (the benchmark), there is nothing to listen to.
with contextlib.suppress(Exception):
    _connect_signals()
