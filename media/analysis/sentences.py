"""Where sentences start, found once per text and shared by voices and context."""

import bisect
import re

# A sentence ends at a full stop, ! or ? (with any closing quote or bracket) followed by
# a space and a capital, digit or opening quote, or at a line break.
# (One leading character class, so `re` skips to candidates in C.)
_SENTENCE_END = re.compile(
    r"[.!?\n](?:(?<=\n)\n*|(?<=[.!?])[\"\u201d\u2019)]*[ \t]+(?=[\"\u201c\u2018(A-Z0-9]))"
)


def sentence_starts(text: str) -> list[int]:
    """Offsets where each sentence of `text` starts, in order (the first is 0)."""
    return [0, *(match.end() for match in _SENTENCE_END.finditer(text))]


def sentence_span(starts: list[int], position: int, length: int) -> tuple[int, int]:
    """The start and end of the sentence holding `position`."""
    index = bisect.bisect_right(starts, position) - 1
    end = starts[index + 1] if index + 1 < len(starts) else length
    return starts[index], end
