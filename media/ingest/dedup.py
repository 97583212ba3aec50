"""Exact duplicates: the same story reached twice, by the same address or the same words.

An article is merged into the one already stored when its canonical address matches, or when
the same outlet already carries exactly the same text (after normalising case, spacing and
punctuation) at another address. The same text in a *different* outlet is not merged: it is
a syndicated copy (see syndication.py), counted or left out as the reader chooses.
"""

import hashlib
import re
import unicodedata

_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """The words of a text as compared for duplicates and copies: compatibility forms
    (curly quotes, ligatures) made plain, case folded, punctuation and spacing ignored."""
    text = text or ""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    return _WORD.findall(text.casefold())


def content_hash(text: str, text_words: list[str] | None = None) -> str:
    """The hash of the normalised text (pass `text_words` when already split)."""
    joined = " ".join(words(text) if text_words is None else text_words)
    return hashlib.sha256(joined.encode()).hexdigest()
