"""The naive baseline the term-matching sections measure themselves against, in the same
run: every phrase in one compiled IGNORECASE alternation, with the same hyphen, spacing and
plural forms as the engine, run with finditer or findall."""

import re

# The engine's own pieces, so the baseline differs from it only in how it matches.
from core.lib.term_regex import PHRASE_END, phrase_atoms


def one_regex(phrases) -> re.Pattern:
    alternatives = sorted({"".join(phrase_atoms(p)) for p in phrases if p}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(alternatives) + ")" + PHRASE_END, re.IGNORECASE)
