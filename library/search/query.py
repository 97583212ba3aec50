"""What a person typed, read into clauses that each engine turns into its own query.

User text never reaches an engine as syntax. It is cut to MAX_QUERY_LENGTH characters,
control characters (NUL included) are dropped, and only runs of word characters survive
as words. What is understood:

    prison housing      both words (stemmed: "prisons" finds "prison")
    "short sentences"   an exact phrase (an unbalanced quote runs to the end)
    rehab*              words starting with "rehab" (at least MIN_PREFIX_LENGTH characters
                        before the `*`; a shorter stem is searched as a plain word and
                        `short_prefixes` says so, to tell the person)
    -custody, NOT x     without that word or phrase
    a OR b              either of two clauses

Everything else (brackets, colons, carets, AND, NEAR, other punctuation) is ignored. A
query of negations alone matches like an empty one: the latest resources.
"""

import re
import unicodedata
from dataclasses import dataclass, field

MAX_QUERY_LENGTH = 200
MAX_CLAUSES = 12
MAX_PHRASE_WORDS = 12
# A prefix of one or two letters stands for thousands of words: too slow to be useful.
MIN_PREFIX_LENGTH = 3
_PIECE = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Clause:
    words: tuple[str, ...]  # one word, or the words of a phrase
    prefix: bool = False
    negated: bool = False


@dataclass
class ParsedQuery:
    text: str = ""
    # Clauses all must match; each inner tuple is a group of alternatives joined by OR.
    groups: list[tuple[Clause, ...]] = field(default_factory=list)
    excluded: list[Clause] = field(default_factory=list)
    # Stems before a `*` too short to search as prefixes: searched as plain words instead.
    short_prefixes: list[str] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.groups


def clean(text) -> str:
    """The text as searched and shown back: printable, single-spaced, at most 200 chars."""
    text = "".join(
        " " if unicodedata.category(char) in {"Cc", "Cf", "Cs", "Co", "Zl", "Zp"} else char
        for char in str(text or "")[: MAX_QUERY_LENGTH * 4]
    )
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def parse(text) -> ParsedQuery:
    query = ParsedQuery(text=clean(text))
    pending_or = negate_next = False
    for match in _PIECE.finditer(query.text):
        dash, phrase, bare = match.groups()
        if bare is not None:
            if bare in {"AND", "NEAR"}:
                continue
            if bare == "OR":
                pending_or = bool(query.groups)
                continue
            if bare == "NOT":
                negate_next = True
                continue
            negated = bare.startswith("-")
            words = tuple(_WORD.findall(bare))[:MAX_PHRASE_WORDS]
            prefix = bare.endswith("*") and len(words) == 1
            if prefix and len(words[0]) < MIN_PREFIX_LENGTH:
                prefix = False
                if words[0].lower() not in query.short_prefixes:
                    query.short_prefixes.append(words[0].lower())
        else:
            negated = bool(dash)
            words = tuple(_WORD.findall(phrase))[:MAX_PHRASE_WORDS]
            prefix = False
        if not words:
            continue
        clause = Clause(tuple(word.lower() for word in words), prefix, negated or negate_next)
        negate_next = False
        if clause.negated:
            if len(query.excluded) < MAX_CLAUSES:
                query.excluded.append(clause)
            pending_or = False
        elif pending_or and query.groups:
            query.groups[-1] = (*query.groups[-1], clause)
            pending_or = False
        elif len(query.groups) < MAX_CLAUSES:
            query.groups.append((clause,))
    if not query.groups:
        query.excluded = []
        query.short_prefixes = []
    return query


# --- SQLite FTS5 ---------------------------------------------------------------------------


def _fts5_string(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _fts5_clause(clause: Clause) -> str:
    expression = _fts5_string(" ".join(clause.words))
    return f"{expression} *" if clause.prefix else expression


def to_fts5(query: ParsedQuery) -> str:
    """An FTS5 MATCH expression built only from quoted strings and our own operators."""
    parts = []
    for group in query.groups:
        inner = " OR ".join(_fts5_clause(clause) for clause in group)
        parts.append(f"({inner})" if len(group) > 1 else inner)
    expression = " AND ".join(parts)
    for clause in query.excluded:
        expression = f"({expression}) NOT {_fts5_clause(clause)}"
    return expression


# --- PostgreSQL ----------------------------------------------------------------------------


def has_phrase(query: ParsedQuery) -> bool:
    clauses = [clause for group in query.groups for clause in group] + query.excluded
    return any(len(clause.words) > 1 for clause in clauses)


def to_tsquery_sql(
    query: ParsedQuery, config: str = "english", loose: bool = False
) -> tuple[str, list]:
    """A tsquery expression in SQL with every piece of user text a bound parameter.

    Words and phrases go through websearch_to_tsquery (safe by design: it never raises on
    any input); a prefix goes through to_tsquery with the word quoted as a literal and `:*`.

    `loose` gives a query that matches everything the exact one does and more, but needs
    no word positions (which the GIN index does not hold): each phrase becomes its words
    in any order and place, and excluded phrases are left out.
    """
    params: list = []

    def clause_sql(clause: Clause) -> str:
        if clause.prefix:
            params.append(clause.words[0])
            return f"to_tsquery('{config}', quote_literal(%s) || ':*')"
        words = " ".join(clause.words)
        params.append(f'"{words}"' if len(clause.words) > 1 and not loose else words)
        return f"websearch_to_tsquery('{config}', %s)"

    parts = []
    for group in query.groups:
        inner = " || ".join(clause_sql(clause) for clause in group)
        parts.append(f"({inner})")
    expression = " && ".join(parts)
    for clause in query.excluded:
        if loose and len(clause.words) > 1:
            continue
        expression = f"({expression}) && !!{clause_sql(clause)}"
    return expression, params
