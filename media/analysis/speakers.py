"""Speakers: what kind of voice the words about a speaker describe, and who "she" or "Smith"
is in an article that named them earlier.

The category comes from the curated descriptors in voice_descriptors.py, and each voice
carries the descriptor that decided it. Pronouns ("she said") and surnames on second mention
("Smith added") take the speaker met before; a surname never seen as a speaker is looked up
where the article first names them ("Jane Smith, 41, who spent six years in prison, ...").
voices.py finds the quotations and reported speech these speakers are attached to.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from media.analysis.patterns import PLURAL_WORD_END, compile_phrases, scan
from media.analysis.voice_descriptors import (
    CHARITY_EXPERT,
    DESCRIPTORS,
    LIVED_EXPERIENCE,
    OTHER,
    TESTIMONY,
    TIE_ORDER,
)

SPEAKER_MAX_WORDS = 22
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
PRONOUNS = {"he", "she", "they", "it", "i", "we", "his", "her", "their"}
_HONORIFIC = r"(?:mr|mrs|ms|miss|mx|dr|prof|professor|sir|dame|lord|lady|baroness|cllr|judge|pc|"
_HONORIFIC += r"det|sgt|insp|supt|rev|father)"
_SURNAME = re.compile(rf"^(?:(?i:{_HONORIFIC})\.?\s+)?([A-Z][a-z'\u2019\-]+)$")
_NAME_WORDS = re.compile(r"\b([A-Z][a-z'\u2019\-]+)\b")
_JUNK = " \t\n,;:.\u2014-"
_JOINING_WORDS = {"and", "but", "while", "as", "so", "then"}

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


def is_speaker(words: str) -> bool:
    """Whether words before a speech verb can name a speaker: not too long, not passive
    ("the jury was told"), not a bare determiner, not a document ("the report said")."""
    lowered = words.lower().split()
    if not lowered or len(lowered) > SPEAKER_MAX_WORDS:
        return False
    if lowered[-1] in _NOT_SPEECH_BEFORE or all(word in _DETERMINERS for word in lowered):
        return False
    return not DOCUMENTS.intersection(lowered[:4])


def clean_speaker(words: str) -> str:
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


class Speakers:
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
            speaker = clean_speaker(speaker)
            if not is_speaker(speaker):
                return None
        if speaker.lower() in PRONOUNS:
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
