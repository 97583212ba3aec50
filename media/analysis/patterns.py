"""Many small patterns as ONE fast regular expression, the way the language checker does it.

The curated lists (descriptors, context cues, topic keywords, speech verbs) are readable
regular-expression fragments. Joined naively into one alternation, Python's `re` would try
every fragment at every word of an article, which costs milliseconds per article. Instead:

- each fragment's top-level alternatives are split apart, and a leading group of literal
  choices is expanded ("(?:rose|fell) by" becomes "rose by" and "fell by");
- the literal words each alternative starts with go into a character trie
  (core.lib.term_regex, as the checker's), so a word that starts no alternative is rejected
  after one or two characters, in C; only the remainder of an alternative is a general regex;
- the pattern runs over lower-cased text with a leading space, starting at the character
  before a word, so `re` stops at word starts only, and no IGNORECASE is needed.

Every alternative ends in an empty named group, so `match.lastgroup` says which fragment
matched; `scan` gives (start, end, name) in the text's own offsets. Names are identifiers.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from core.lib.term_regex import compile_at_word_starts, trie_pattern

WORD_END = r"(?![a-z0-9])"
# Plurals and possessives of a phrase, then the end of the word.
PLURAL_WORD_END = r"(?:s|'s|s'|\u2019s|s\u2019|es)?(?![a-z0-9])"
_METACHARACTERS = set("\\.^$*+?{}[]|()")
_QUANTIFIERS = set("?*+{")
_MAX_EXPANSIONS = 400  # per fragment: a leading group is expanded only while it stays small


def _structure(pattern: str) -> Iterator[tuple[int, str, int]]:
    """(index, character, depth) of each character of a pattern that is not escaped and
    not inside a [...] class, with the depth of group nesting before it."""
    depth, index, in_class = 0, 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        else:
            yield index, char, depth
            depth += (char == "(") - (char == ")")
        index += 1


def split_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern ("a|b(?:c|d)" -> ["a", "b(?:c|d)"])."""
    cuts = [index for index, char, depth in _structure(pattern) if char == "|" and depth == 0]
    bounds = zip([-1, *cuts], [*cuts, len(pattern)], strict=True)
    return [pattern[start + 1 : end] for start, end in bounds]


def _closing_parenthesis(pattern: str) -> int:
    """Where the group that opens the pattern closes."""
    for index, char, depth in _structure(pattern):
        if char == ")" and depth == 1:
            return index
    raise ValueError(f"Unbalanced parentheses in {pattern!r}")


def expand(alternative: str) -> list[str]:
    """An alternative whose leading (?:...) group is spelled out, so it starts with literal
    words: "(?:a|an|the )?cat" -> ["a cat"... "cat"]. Left alone if it would grow large."""
    if not alternative.startswith("(?:"):
        return [alternative]
    close = _closing_parenthesis(alternative)
    choices = split_alternatives(alternative[3:close])
    rest = alternative[close + 1 :]
    if rest[:1] == "?":
        rest = rest[1:]
        choices.append("")
    elif rest[:1] in _QUANTIFIERS:
        return [alternative]
    expanded: list[str] = []
    for choice in choices:
        expanded += expand(choice + rest)
        if len(expanded) > _MAX_EXPANSIONS:
            return [alternative]
    return expanded


def literal_prefix(alternative: str) -> tuple[str, str]:
    """The literal text an alternative starts with, and the regex that follows it."""
    index = 0
    while index < len(alternative):
        char = alternative[index]
        if char in _METACHARACTERS:
            break
        if index + 1 < len(alternative) and alternative[index + 1] in _QUANTIFIERS:
            break  # "reforms?": the "s" is optional, so it is not part of the prefix
        index += 1
    return alternative[:index], alternative[index:]


NEVER = r"(?!)"  # a pattern that matches nowhere


def _spelled(fragment: str) -> Iterator[tuple[str, str]]:
    """(literal prefix, regex rest) of every alternative of a fragment, spelled out."""
    if re.search(r"\((?!\?)", fragment.replace("\\(", "")):
        raise ValueError(f"Use (?:...) groups only: {fragment!r}")
    for alternative in split_alternatives(fragment):
        for spelled in expand(alternative):
            yield literal_prefix(spelled)


def compile_phrases(named: Iterable[tuple[str, str]], word_end: str = WORD_END) -> re.Pattern:
    """One pattern for (name, fragment) pairs, run by `scan` over lower-cased text.
    Fragments must be lower case and use only non-capturing groups."""
    branches = []
    for name, fragment in named:
        for prefix, rest in _spelled(fragment):
            # Group names must be unique: number them; scan gives back the name.
            number = len(branches) + 1
            leaf = (f"(?:{rest})" if rest else "") + f"{word_end}(?P<{name}__{number}>)"
            branches.append((prefix, rest, leaf))
    if not branches:
        # An empty guide (a new installation's) has no phrases: match nothing, not everywhere.
        return re.compile(NEVER)
    # Longer literal prefixes come first in the trie, so "police and crime commissioner"
    # beats "police". Among alternatives that share their literal words, the longer rest
    # first: "probation" then "[\s\-]+officer" must not stop at "probation".
    branches.sort(key=lambda branch: -len(branch[1]))
    return compile_at_word_starts(trie_pattern((prefix, leaf) for prefix, _, leaf in branches))


def scan(pattern: re.Pattern, lower: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of every match in `lower` (a lower-cased text), in its offsets.
    Matches do not overlap: the first (and, at one place, the longest) wins."""
    return [
        # The match starts at the character before the phrase, which the leading space
        # makes up for, and ends one character further on than the phrase.
        (match.start(), match.end() - 1, match.lastgroup.rpartition("__")[0])
        for match in pattern.finditer(" " + lower)
    ]


def count(pattern: re.Pattern, lower: str) -> Counter:
    """How often each name matched in `lower`, for callers that need no positions."""
    groups = Counter(match.lastgroup for match in pattern.finditer(" " + lower))
    names: Counter = Counter()
    for group, number in groups.items():
        names[group.rpartition("__")[0]] += number
    return names
