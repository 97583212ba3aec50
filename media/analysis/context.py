"""Thematic or episodic: does the story reach beyond the single incident?

The cues, their strengths and the rule are in context_cues.py. Every reason names the cue,
the words that matched and the sentence they are in, so a reader can check the call.
"""

from __future__ import annotations

import bisect

from media.analysis.context_cues import CUES, STRONG, SUPPORTING_NEEDED
from media.analysis.patterns import compile_phrases, scan
from media.analysis.sentences import sentence_span, sentence_starts

# Enough reasons to explain the call; an article full of figures need not list them all.
MAX_REASONS = 8

_CUES = compile_phrases((f"cue{index}", pattern) for index, (_, _, pattern) in enumerate(CUES))
_CUE_BY_NAME = {f"cue{index}": (name, strength) for index, (name, strength, _) in enumerate(CUES)}


def find_context(text: str, starts: list[int] | None = None) -> dict:
    """{"thematic": bool, "reasons": [...]}, each reason with its cue, strength, matched
    words, sentence and offsets. `starts` (the sentence starts) are found unless given."""
    if starts is None:
        starts = sentence_starts(text)
    found: list[tuple[bool, int, int, str, str, int]] = []
    seen: set[tuple[int, str]] = set()
    strong, supporting_sentences = False, set()
    for start, end, cue in scan(_CUES, text.lower()):
        name, strength = _CUE_BY_NAME[cue]
        sentence_start = starts[bisect.bisect_right(starts, start) - 1]
        if (sentence_start, name) in seen:
            continue
        seen.add((sentence_start, name))
        if strength == STRONG:
            strong = True
        else:
            supporting_sentences.add(sentence_start)
        found.append((strength != STRONG, start, end, name, strength, sentence_start))
    thematic = strong or len(supporting_sentences) >= SUPPORTING_NEEDED
    # Strong reasons first: they are the ones that decided.
    found.sort(key=lambda reason: reason[0])
    reasons = []
    for _, start, end, name, strength, sentence_start in found[:MAX_REASONS]:
        _, sentence_end = sentence_span(starts, sentence_start, len(text))
        reasons.append(
            {
                "cue": name,
                "strength": strength,
                "matched": text[start:end],
                "sentence": text[sentence_start:sentence_end].strip(),
                "start": start,
                "end": end,
            }
        )
    return {"thematic": thematic, "reasons": reasons}
