"""Voices: who an article quotes, and what kind of voice each one is.

Quotations are found in straight and curly double quotes and in curly single quotes (the
British press's habit). Each quotation is attributed from the words around it:

- after it: '"...," said Jane Smith, of Unlock.' / '"...," a Kent Police spokesperson said.'
- before it: 'Jane Smith said: "..."' / 'According to the charity, "..."' / 'Mum: "..."'
- neither: a quoted paragraph that follows another quotation continues it (same speaker);
  a short unattributed quote ("so-called 'holiday camp'") is a scare quote, not a voice.

Reported speech counts too: a sentence that opens 'Police said ...', 'The judge told ...',
'According to the report, ...' or closes '..., the charity said.'

Pronouns ("she said") and surnames on second mention ("Smith added") take the speaker met
before; a surname never seen as a speaker is looked up where the article first names them
("Jane Smith, 41, who spent six years in prison, ..."). The category comes from the curated
descriptors in voice_descriptors.py, and each voice carries the descriptor that decided it.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from media.analysis.patterns import PLURAL_WORD_END, compile_phrases, scan
from media.analysis.sentences import sentence_starts
from media.analysis.voice_descriptors import (
    CHARITY_EXPERT,
    DESCRIPTORS,
    LIVED_EXPERIENCE,
    OTHER,
    TESTIMONY,
    TIE_ORDER,
)

# A quotation this short with no attribution is a scare quote ("so-called 'holiday camp'").
SCARE_QUOTE_WORDS = 4
SPEAKER_MAX_WORDS = 22
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
_NOT_SPEECH_BEFORE = {"was", "were", "is", "are", "been", "be", "being", "had", "so", "it"}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "one", "some"}
# A report, survey or set of figures is a source, not a voice: the person or body behind it
# is counted where the article names them speaking.
DOCUMENTS = frozenset(
    {
        "report", "reports", "study", "studies", "survey", "surveys", "figures", "data",
        "statistics", "analysis", "review", "research", "evaluation", "memo", "note",
        "guidance", "document", "documents", "letter", "paper", "audit", "inspection",
        "findings", "records", "minutes", "strategy", "plan", "plans", "bill", "guidelines",
        "rules", "assessment",
    }
)  # fmt: skip
_CLAUSE_WORDS = re.compile(
    r"\b(?:was|were|is|are|had|has|have|would|will|could|should|did|that|it|they)\b", re.I
)
_PRONOUNS = {"he", "she", "they", "it", "i", "we", "his", "her", "their"}
_HONORIFIC = r"(?:mr|mrs|ms|miss|mx|dr|prof|professor|sir|dame|lord|lady|baroness|cllr|judge|pc|"
_HONORIFIC += r"det|sgt|insp|supt|rev|father)"
_SURNAME = re.compile(rf"^(?:(?i:{_HONORIFIC})\.?\s+)?([A-Z][a-z'\u2019\-]+)$")
_NAME_WORDS = re.compile(r"\b([A-Z][a-z'\u2019\-]+)\b")
_JUNK = " \t\n,;:.\u2014-"
_JOINING_WORDS = {"and", "but", "while", "as", "so", "then"}
_PUNCTUATION_ONLY = re.compile(r"^[\s,;:.!?\u2014\-]*$")
_ACCORDING_TO = re.compile(r"according to\s+([^,.;:]{2,150})")

_VERBS = compile_phrases(("verb", verb) for verb in VERBS)
_DESCRIPTORS = compile_phrases(
    ((category, fragment) for category, fragments in DESCRIPTORS.items() for fragment in fragments),
    PLURAL_WORD_END,
)
_TESTIMONY = compile_phrases(
    ((category, fragment) for category, fragments in TESTIMONY.items() for fragment in fragments),
    PLURAL_WORD_END,
)
_TIE_RANK = {category: rank for rank, category in enumerate(TIE_ORDER)}


class Classified(NamedTuple):
    category: str
    descriptor: str


def classify(words: str) -> Classified:
    """The kind of voice the words about a speaker describe, and the descriptor that
    decided it (see voice_descriptors for the rules)."""
    best: tuple | None = None
    lived: Classified | None = None
    for start, end, category in scan(_DESCRIPTORS, words.lower()):
        found = Classified(category, words[start:end])
        if category == LIVED_EXPERIENCE and lived is None:
            lived = found
        # First in the words; at the same place the longer descriptor ("police and crime
        # commissioner" over "police"), then TIE_ORDER.
        key = (start, start - end, _TIE_RANK[category], found)
        if best is None or key < best:
            best = key
    if best is None:
        return Classified(OTHER, "")
    if lived is not None and best[3].category == CHARITY_EXPERT:
        return lived
    return best[3]


def classify_testimony(quote: str) -> Classified | None:
    """What a first-person quotation says about its speaker ("when I was inside", "my
    son"), for a speaker the article does not otherwise describe."""
    for start, end, category in scan(_TESTIMONY, quote.lower()):
        return Classified(category, quote[start:end])
    return None


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


def is_speaker(words: str) -> bool:
    """Whether words before a speech verb can name a speaker: not too long, not passive
    ("the jury was told"), not a bare determiner, not a document ("the report said")."""
    lowered = words.lower().split()
    if not lowered or len(lowered) > SPEAKER_MAX_WORDS:
        return False
    if lowered[-1] in _NOT_SPEECH_BEFORE or all(word in _DETERMINERS for word in lowered):
        return False
    return not DOCUMENTS.intersection(lowered[:4])


def _clean_speaker(words: str) -> str:
    """The words without the punctuation around them or a joining word before them."""
    words = words.strip(_JUNK)
    first, _, rest = words.partition(" ")
    if first.lower() in _JOINING_WORDS:
        words = rest.lstrip(_JUNK)
    return words[:200]


def _find_word(text: str, word: str, end: int) -> int:
    """Where `word` first stands as a whole word in text[:end], or -1. A plain search, not
    a regular expression: names are many, and each pattern would be compiled anew."""
    position = text.find(word, 0, end)
    while position >= 0:
        after = position + len(word)
        if not (position and text[position - 1].isalnum()) and not (
            after < len(text) and text[after].isalnum()
        ):
            return position
        position = text.find(word, position + 1, end)
    return -1


class _Speakers:
    """The speakers met so far in one text, for pronouns and second mentions."""

    def __init__(self, text: str):
        self.text = text
        self.last: tuple[str, Classified] | None = None
        self.by_name: dict[str, tuple[str, Classified]] = {}

    def resolve(
        self, speaker: str, position: int, checked: bool = False
    ) -> tuple[str, Classified] | None:
        """The speaker and kind of voice the words name, or None if they are no speaker
        (`checked`: the words are already cleaned and known to name a speaker)."""
        if not checked:
            speaker = _clean_speaker(speaker)
            if not is_speaker(speaker):
                return None
        if speaker.lower() in _PRONOUNS:
            return self.last or (speaker, Classified(OTHER, ""))
        surname = _SURNAME.match(speaker)
        if surname:
            known = self.by_name.get(surname.group(1).lower())
            if known:
                return known
            found = self._first_mention(surname.group(1), position)
            if found is not None:
                return self._remember(speaker, found)
        return self._remember(speaker, classify(speaker))

    def _first_mention(self, name: str, before: int) -> Classified | None:
        """How the article described `name` where it first used it."""
        text, found_at = self.text, _find_word(self.text, name, before)
        if found_at < 0:
            return None
        name_end = found_at + len(name)
        start = text.rfind(".", 0, found_at) + 1
        window = text[start : name_end + 160]
        window = window.split(". ", 1)[0] if ". " in window[name_end - start :] else window
        found = classify(window)
        return found if found.category != OTHER else None

    def learn(self, speaker: str, found: Classified) -> Classified:
        """What a speaker's own words revealed about them, kept for later quotations."""
        if speaker:
            self._remember(speaker, found, replace=True)
        return found

    def _remember(
        self, speaker: str, found: Classified, replace: bool = False
    ) -> tuple[str, Classified]:
        for name in _NAME_WORDS.findall(speaker):
            if replace:
                self.by_name[name.lower()] = (speaker, found)
            else:
                self.by_name.setdefault(name.lower(), (speaker, found))
        self.last = (speaker, found)
        return self.last


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
        self.speakers = _Speakers(text)

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
                    and rest.split(None, 1)[0].lower() not in _PRONOUNS
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
            speaker = _clean_speaker(text[start + according.start(1) : start + according.end(1)])
            if is_speaker(speaker):
                return speaker, text[start:end]
        return None

    @staticmethod
    def _checked(speaker: str, verb: _Verb, said: str) -> tuple[str, str] | None:
        """(the cleaned speaker, what they said), if the words name a speaker."""
        if verb.words in _QUOTE_ONLY_VERBS:
            return None
        speaker = _clean_speaker(speaker)
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
