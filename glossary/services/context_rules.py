"""Context rules: words of the language guide that are stigmatising only in some uses.

"A criminal" is a label; "the criminal justice system" is not. For an entry named in
CONTEXT_RULES, the checker keeps a match only if its rule says so, given the lower-cased text
and the match's offsets. glossary/tests/data/checker_labelled.py holds the decisions, with
examples.
"""

import re
from collections.abc import Callable

from glossary.services.findings import normalise_key

_NEXT_WORD = re.compile(r"[\s\-]*([a-z]+)")
_WORDS = re.compile(r"[a-z]+")


def _next_word(lower: str, end: int) -> str:
    """The word straight after a match, or '' if punctuation or the end comes first."""
    match = _NEXT_WORD.match(lower, end)
    return match.group(1) if match else ""


def _previous_words(lower: str, start: int, count: int) -> list[str]:
    return _WORDS.findall(lower, max(0, start - 60), start)[-count:]


def _is_plural(matched: str, base_key: str) -> bool:
    return normalise_key(matched) != base_key


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# After a singular "criminal", these words show it is a noun: "a criminal who...".
_NOUN_FOLLOWERS = _word_set(
    "who whom whose was is has had and or but will would could should can may might in at on "
    "from to with of for that which like are were be been being gets got walks walked goes "
    "went deserves than"
)
_PAIRED_ADJECTIVES = _word_set(
    "civil youth family administrative immigration coroners social public private regulatory"
)
_CONVICT_NOUN_BEFORE = _word_set(
    "a an the ex escaped former every this that each another one convicted"
)
_CONVICTS_VERB_BEFORE = _word_set(
    "jury court magistrate magistrates judge it he she who which that"
)
_OBJECT_WORDS = _word_set("him her them the a an someone anyone people")
_CLOTHING_CONTEXT = _word_set(
    "wear wears wearing wore worn his her their my your our grey gray black blue red white "
    "dark new old zip hooded pulled"
)
_CLOTHING_AFTER = _word_set("top jumper sleeve sleeves pulled and pocket hood wearing clad")


# Nouns "criminal" describes as an adjective, also after a second adjective: "criminal and
# sexual exploitation", "criminal or civil proceedings".
_ADJECTIVE_HEADS = _word_set(
    "exploitation justice record records court courts law laws offence offences proceedings "
    "activity activities behaviour investigation investigations liability conviction "
    "convictions damage networks network gangs charges charge cases case system systems "
    "legal matters responsibility"
)


def _criminal(lower: str, start: int, end: int) -> bool:
    if _is_plural(lower[start:end], "criminal"):
        return True
    following = _next_word(lower, end)
    if following in ("and", "or"):
        # "criminal or youth justice", "criminal and civil courts", "criminal and sexual
        # exploitation": still an adjective.
        match = re.match(r"[\s\-]*[a-z]+[\s\-]+([a-z]+)(?:[\s\-]+([a-z]+))?", lower[end : end + 60])
        if match and match.group(1) in _PAIRED_ADJECTIVES:
            return False
        return not (match and _ADJECTIVE_HEADS.intersection(match.groups()))
    return not following or following in _NOUN_FOLLOWERS


def _convict(lower: str, start: int, end: int) -> bool:
    previous = _previous_words(lower, start, 1)
    previous = previous[0] if previous else ""
    if _is_plural(lower[start:end], "convict"):
        return previous not in _CONVICTS_VERB_BEFORE and _next_word(lower, end) not in (
            _OBJECT_WORDS
        )
    return previous in _CONVICT_NOUN_BEFORE


def _hoodie(lower: str, start: int, end: int) -> bool:
    if _CLOTHING_CONTEXT.intersection(_previous_words(lower, start, 2)):
        return False
    return _next_word(lower, end) not in _CLOTHING_AFTER


def _prisoner(lower: str, start: int, end: int) -> bool:
    """'Prisoner of war', 'prisoner of conscience' and 'political prisoner' are statuses,
    not labels for people in the justice system."""
    if re.match(r"\s+of\s+(?:war|conscience)\b", lower[end : end + 20]):
        return False
    return _previous_words(lower, start, 1) != ["political"]


def _evil(lower: str, start: int, end: int) -> bool:
    return not (
        _previous_words(lower, start, 1) in (["necessary"], ["two"])
        or _next_word(lower, end) == "eye"
    )


def _beast(lower: str, start: int, end: int) -> bool:
    return not re.match(r"\s+from\s+the\s+east\b", lower[end : end + 20])


def _monster(lower: str, start: int, end: int) -> bool:
    return _next_word(lower, end) not in {"truck", "trucks", "energy", "munch"}


# "Lag" is prison slang only for a person: "the lags were moved", not "a time lag" or "lags
# behind". ("Old lag" is its own entry.)
_LAG_PERSON_FOLLOWERS = _word_set(
    "who whom whose was were is are has have had told said got get gets enjoy enjoyed riot "
    "rioted will would"
)
_LAG_NOT_PERSON_BEFORE = _word_set("time jet response reporting data a an one some long short")


def _lag(lower: str, start: int, end: int) -> bool:
    previous = _previous_words(lower, start, 1)
    if previous and previous[0] in _LAG_NOT_PERSON_BEFORE:
        return False
    following = _next_word(lower, end)
    if _is_plural(lower[start:end], "lag"):
        return following not in ("behind", "between", "in", "of", "and", "or")
    return following in _LAG_PERSON_FOLLOWERS


CONTEXT_RULES: dict[str, Callable[[str, int, int], bool]] = {
    "criminal": _criminal,
    "convict": _convict,
    "hoodie": _hoodie,
    "prisoner": _prisoner,
    "evil": _evil,
    "beast": _beast,
    "monster": _monster,
    "lag": _lag,
}
