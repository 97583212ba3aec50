"""Many words or phrases as ONE fast regular expression, shaped as a character trie.

Joined naively into one alternation (`abc|abd|...`), Python's `re` tries every phrase at
every position. As a trie (`ab(?:c|d)`) the engine follows one branch per character, so a
word that starts no phrase is rejected after a character or two, in C. The language checker,
dictionary linking and the media monitor's analysis all build their patterns here.

`trie_pattern` takes each branch as a sequence of keys (characters, or regex atoms such as
`phrase_atoms` gives) and the regex that may follow its end. At each node, longer
continuations come before the endings, so the longest phrase at a position wins; an empty
ending makes the node's continuations optional.

Patterns that run over lower-cased text with a leading space (`compile_at_word_starts`)
start at the character before a word, so `re` stops at word starts only and no IGNORECASE is
needed (which would switch both optimisations off). Such a match's span in the text itself is
`(match.start(), match.end() - 1)`: the leading space and the boundary character cancel out.
"""

import re
from collections.abc import Callable, Iterable, Sequence

SEPARATORS = "-\u2010\u2011"  # hyphen, Unicode hyphen, non-breaking hyphen
SEP_REQUIRED = r"[\s\-\u2010\u2011]+"
SEP_OPTIONAL = r"[\s\-\u2010\u2011]*"
APOSTROPHE_OPTIONAL = "['\u2019]?"
# Plural and possessive endings, then the end of the word.
PHRASE_END = "(?:s['\u2019]|['\u2019]s|s)?(?![a-z0-9])"

Branch = tuple[Sequence[str], str]  # (keys, ending)


def phrase_atoms(phrase: str) -> list[str]:
    """A phrase as regex pieces, one per character, for lower-cased text: a space matches any
    run of spaces, line breaks or hyphens; a hyphen matches a hyphen, a space or nothing
    (ex-offender, ex offender, exoffender); an apostrophe is optional; other punctuation is
    optional; runs of separators collapse into one piece."""
    atoms: list[str] = []
    separators = (SEP_REQUIRED, SEP_OPTIONAL)
    for char in phrase.lower().strip():
        if char.isalnum():
            atoms.append(re.escape(char))
            continue
        if char.isspace():
            atom = SEP_REQUIRED
        elif char in SEPARATORS:
            atom = SEP_OPTIONAL
        elif char in "'\u2019":
            atom = APOSTROPHE_OPTIONAL
        else:
            atom = re.escape(char) + "?"
        if atoms and atoms[-1] in separators and atom in separators:
            atoms[-1] = SEP_REQUIRED if SEP_REQUIRED in (atoms[-1], atom) else SEP_OPTIONAL
            continue
        atoms.append(atom)
    return atoms


class _Node:
    __slots__ = ("children", "endings")

    def __init__(self):
        self.children: dict[str, _Node] = {}
        self.endings: list[str] = []


def trie_pattern(
    branches: Iterable[Branch], render: Callable[[str], str] = re.escape
) -> str | None:
    """One regular expression matching any of `branches` (keys, ending), or None if there
    are none. Each key becomes `render(key)` (by default a literal character); children are
    tried in the order of their keys, then the node's endings in the order first given."""
    root = _Node()
    empty = True
    for keys, ending in branches:
        empty = False
        node = root
        for key in keys:
            node = node.children.get(key) or node.children.setdefault(key, _Node())
        if ending not in node.endings:
            node.endings.append(ending)
    if empty:
        return None

    def emit(node: _Node) -> str:
        alternatives = [render(key) + emit(node.children[key]) for key in sorted(node.children)]
        alternatives += [ending for ending in node.endings if ending]
        if "" in node.endings:
            return f"(?:{'|'.join(alternatives)})?" if alternatives else ""
        if len(alternatives) == 1:
            return alternatives[0]
        return "(?:" + "|".join(alternatives) + ")"

    return emit(root)


def compile_at_word_starts(pattern: str) -> re.Pattern:
    """`pattern` compiled to match from the character before a word: run it over
    " " + lower-cased text (see the module docstring)."""
    return re.compile("[^a-z0-9]" + pattern)
