"""Voices: who an article quotes, and what kind of voice each one is.

Quotations are found in straight and curly double quotes and in curly single quotes (the
British press's habit). Each quotation is attributed from the words around it:

- after it: '"...," said Jane Smith, of Unlock.' / '"...," a Kent Police spokesperson said.'
- before it: 'Jane Smith said: "..."' / 'According to the charity, "..."' / 'Mum: "..."'
- neither: a quoted paragraph that follows another quotation continues it (same speaker);
  a short unattributed quote ("so-called 'holiday camp'") is a scare quote, not a voice.

Reported speech counts too: a sentence that opens 'Police said ...', 'The judge told ...',
'According to the report, ...' or closes '..., the charity said.'

Who each speaker is (pronouns, surnames on second mention) and what kind of voice they are
is worked out in speakers.py.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from media.analysis.patterns import compile_phrases, scan
from media.analysis.sentences import sentence_starts
from media.analysis.speakers import (
    PRONOUNS,
    SPEAKER_MAX_WORDS,
    Classified,
    Speakers,
    classify_testimony,
    clean_speaker,
    is_speaker,
)
from media.analysis.voice_descriptors import CHARITY_EXPERT, OTHER

# A quotation this short with no attribution is a scare quote ("so-called 'holiday camp'").
SCARE_QUOTE_WORDS = 4
# Words reported after an inverted attribution ("..., said Jane Smith.") at most.
INVERTED_SPEAKER_MAX_WORDS = 10
# Characters (other than spaces and punctuation) allowed between a quotation and the one
# it continues.
CONTINUATION_GAP = 3

_QUOTES = re.compile(
    '"([^"\n]{1,2000})"'
    "|\u201c([^\u201d]{1,2000})\u201d"
    # A closing ‘…’ quote is a ’ not followed by a letter; ’ before a letter is an apostrophe.
    "|\u2018((?:[^\u2018\u2019\n]|\u2019(?=[^\\W\\d_])){1,2000})\u2019"
)
# Verbs (and a few phrases) that attribute words to a speaker.
VERBS = (
    "said", "says", "say", "told", "tells", "added", "adds", "explained", "explains", "warned",
    "warns", "insisted", "insists", "argued", "argues", "argue", "claimed", "claims", "claim",
    "admitted", "admits", "stated", "states", "commented", "continued", "urged", "urges",
    "stressed", "recalled", "remembered", "remembers", "asked", "asks", "replied",
    "wrote", "writes", "posted", "tweeted", "believes", "believe", "noted", "acknowledged",
    "confirmed", "conceded", "described", "describes", "called", "called for", "calls for",
    "welcomed", "welcomes", "criticised", "criticises", "announced", "announces", "promised",
    "pledged", "vowed", "vows", "vow", "fumed", "sobbed", "raged", "blasted", "joked",
    "revealed", "reported", "recommended", "concluded", "estimates", "found that",
    "are appealing", "is appealing", "appealed", "admitted that", "admits that",
)  # fmt: skip
# Verbs that introduce a quotation but, alone, are no reported speech: "he admitted
# burglary" is a plea, "she wrote a book" no statement, "he described the jail" no words.
_QUOTE_ONLY_VERBS = {
    "described", "describes", "called", "asked", "asks", "admitted", "admits", "wrote",
    "writes", "posted", "tweeted", "revealed", "reported",
}  # fmt: skip
# Verbs that may end a sentence after the speaker's name ("..., said Jane Smith.").
_INVERTING_VERBS = {
    "said", "says", "say", "added", "claimed", "claims", "fumed", "sobbed", "argues",
    "insisted", "warned",
}  # fmt: skip
_NOT_BEFORE_TO = {"said", "say", "says", "told", "tells", "asked", "asks", "called"}
# "was told", "is said to", "had been described": passive or hearsay, no speaker.
_CLAUSE_WORDS = re.compile(
    r"\b(?:was|were|is|are|had|has|have|would|will|could|should|did|that|it|they)\b", re.I
)
_PUNCTUATION_ONLY = re.compile(r"^[\s,;:.!?\u2014\-]*$")
_ACCORDING_TO = re.compile(r"according to\s+([^,.;:]{2,150})")

_VERBS = compile_phrases(("verb", verb) for verb in VERBS)


class Voice(NamedTuple):
    quote: str
    speaker: str
    category: str
    descriptor: str
    start: int
    end: int
    reported: bool
    sentence_end: int  # where the sentence holding its attribution ends

    def as_dict(self) -> dict:
        return {
            "quote": self.quote,
            "speaker": self.speaker,
            "category": self.category,
            "descriptor": self.descriptor,
            "start": self.start,
            "end": self.end,
            "reported_speech": self.reported,
        }


class _Verb(NamedTuple):
    start: int
    end: int
    words: str  # lower case


class _Reader:
    """One text, its sentences and every speech verb in it, found once."""

    def __init__(self, text: str, lower: str, starts: list[int], verbs: list[tuple]):
        self.text = text
        self.verbs = [
            _Verb(start, end, lower[start:end])
            for start, end, _ in verbs
            # "is said to have", "told to leave" report nothing; "vowed to end" does.
            if not (lower.startswith(" to ", end) and lower[start:end] in _NOT_BEFORE_TO)
        ]
        self.verb_starts = [verb.start for verb in self.verbs]
        self.according = [match.start() for match in _ACCORDING_TO.finditer(lower)]
        self.starts = starts
        self.speakers = Speakers(text)

    def verbs_between(self, start: int, end: int) -> list[_Verb]:
        first = bisect.bisect_left(self.verb_starts, start)
        last = bisect.bisect_left(self.verb_starts, end)
        return [verb for verb in self.verbs[first:last] if verb.end <= end]

    def sentence_end(self, index: int) -> int:
        return self.starts[index + 1] if index + 1 < len(self.starts) else len(self.text)

    def attribute_after(self, quote_end: int, sentence_end: int, inner: str) -> str | None:
        """The speaker named right after a quote: '"...," said X.' or '"...," X said.'"""
        if inner.rstrip().endswith("."):
            return None  # "...wrong." She ... starts a new sentence
        verbs = self.verbs_between(quote_end, sentence_end)
        if not verbs:
            return None
        verb, text = verbs[0], self.text
        between = text[quote_end : verb.start]
        if _PUNCTUATION_ONLY.match(between):
            after = text[verb.end : sentence_end]
            return None if after.lstrip().lower().startswith("that ") else after
        if any(mark in between for mark in '.!?"\u201c\u2018'):
            return None
        return between if len(between.split()) <= SPEAKER_MAX_WORDS else None

    def attribute_before(self, start: int, quote_start: int) -> str | None:
        """The speaker named before a quote in its sentence: 'X said: "..."', 'According
        to X, "..."', 'Mum: "..."'."""
        before = self.text[start:quote_start]
        according = _ACCORDING_TO.search(before.lower())
        if according and not before[according.end() :].strip(" ,:"):
            return before[according.start(1) : according.end(1)]
        verbs = self.verbs_between(start, quote_start)
        if verbs:
            speaker = self.text[start : verbs[-1].start]
            return speaker if speaker.strip() else None
        stripped = before.strip()
        if stripped.endswith(":") and len(stripped.split()) <= 12:
            return stripped[:-1]
        return None

    def reported(self, start: int, end: int) -> tuple[str, str] | None:
        """(speaker, what was reported) if the sentence is reported speech, else None.

        A closing attribution ("..., the ministry said.") is tried first: the opening
        words of such a sentence are its subject, not its speaker."""
        text = self.text
        verbs = self.verbs_between(start, end)
        if verbs:
            last = verbs[-1]
            if _PUNCTUATION_ONLY.match(text[last.end : end]):
                comma = text.rfind(", ", start, last.start)
                if comma >= 0:
                    return self._checked(text[comma + 2 : last.start], last, text[start:comma])
            for verb in verbs:
                rest = text[verb.end : end]
                if (
                    verb.words in _INVERTING_VERBS
                    and text[start : verb.start].rstrip().endswith(",")
                    and len(rest.split()) <= INVERTED_SPEAKER_MAX_WORDS
                    and not _CLAUSE_WORDS.search(rest)
                    and rest.split(None, 1)[0].lower() not in PRONOUNS
                ):
                    return self._checked(rest, verb, text[start : verb.start])
            first = verbs[0]
            opening = text[start : first.start]
            if ";" not in opening:
                found = self._checked(opening, first, text[first.end : end])
                if found is not None:
                    return found
        according = _ACCORDING_TO.search(text[start:end].lower())
        if according:
            speaker = clean_speaker(text[start + according.start(1) : start + according.end(1)])
            if is_speaker(speaker):
                return speaker, text[start:end]
        return None

    @staticmethod
    def _checked(speaker: str, verb: _Verb, said: str) -> tuple[str, str] | None:
        """(the cleaned speaker, what they said), if the words name a speaker."""
        if verb.words in _QUOTE_ONLY_VERBS:
            return None
        speaker = clean_speaker(speaker)
        return (speaker, said.strip(" ,:")) if is_speaker(speaker) else None


def find_voices(text: str, starts: list[int] | None = None) -> list[Voice]:
    """Every quotation and piece of reported speech in `text`, attributed, in order.
    `starts` (the sentence starts) are found here unless given.

    Sentences are read in order so a speaker named early is known when a pronoun or
    surname refers back to them."""
    lower = text.lower()
    verbs = scan(_VERBS, lower)
    quotes = list(_QUOTES.finditer(text))
    if not quotes and not verbs and "ccording to" not in lower:
        return []
    starts = starts if starts is not None else sentence_starts(text)
    reader = _Reader(text, lower, starts, verbs)
    voices: list[Voice] = []
    next_quote, covered_until = 0, 0
    previous: Voice | None = None
    # Only sentences with a quotation, a speech verb or "according to" can hold a voice.
    positions = [match.start() for match in quotes] + reader.verb_starts + reader.according
    candidates = sorted({bisect.bisect_right(starts, position) - 1 for position in positions})
    for index in candidates:
        sentence_start, sentence_end = starts[index], reader.sentence_end(index)
        if next_quote < len(quotes) and quotes[next_quote].start() < sentence_end:
            while next_quote < len(quotes) and quotes[next_quote].start() < sentence_end:
                voice = _quoted_voice(reader, quotes[next_quote], previous)
                next_quote += 1
                if voice is not None:
                    voices.append(voice)
                    previous = voice
            covered_until = max(covered_until, quotes[next_quote - 1].end())
            continue
        if sentence_start < covered_until:
            continue
        voice = _reported_voice(reader, sentence_start, sentence_end)
        if voice is not None:
            voices.append(voice)
            previous = voice
    return voices


def _quoted_voice(reader: _Reader, match: re.Match, previous: Voice | None) -> Voice | None:
    start, end = match.span()
    inner = match.group(match.lastindex)
    index = bisect.bisect_right(reader.starts, start) - 1
    sentence_start = reader.starts[index]
    if previous is not None and sentence_start <= previous.end <= start:
        sentence_start = previous.end  # '"One," she said, "two."': read only what lies between
    sentence_end = reader.sentence_end(bisect.bisect_right(reader.starts, end) - 1)
    speaker = reader.attribute_after(end, sentence_end, inner)
    if speaker is None:
        speaker = reader.attribute_before(sentence_start, start)
    resolved = reader.speakers.resolve(speaker, start) if speaker else None
    if resolved is None and previous is not None and not previous.reported:
        # A quotation that follows straight on from the last one, or opens the sentence
        # after the one that quoted and named the speaker, continues it.
        gap = reader.text[previous.end : start].strip(" ,.\n\t")
        after_attribution = reader.text[previous.sentence_end : start].strip()
        if len(gap) <= CONTINUATION_GAP or not after_attribution:
            resolved = (previous.speaker, Classified(previous.category, previous.descriptor))
    if resolved is None:
        if len(inner.split()) <= SCARE_QUOTE_WORDS:
            return None
        resolved = ("", Classified(OTHER, ""))
    name, found = resolved
    if found.category in (OTHER, CHARITY_EXPERT):
        testimony = classify_testimony(inner)
        if testimony is not None:
            found = reader.speakers.learn(name, testimony)
    return Voice(inner, name, found.category, found.descriptor, start, end, False, sentence_end)


def _reported_voice(reader: _Reader, start: int, end: int) -> Voice | None:
    reported = reader.reported(start, end)
    if reported is None:
        return None
    resolved = reader.speakers.resolve(reported[0], start, checked=True)
    if resolved is None:
        return None
    name, found = resolved
    said = reported[1].strip()[:300]
    return Voice(said, name, found.category, found.descriptor, start, end, True, end)
