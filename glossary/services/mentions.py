"""When guide wording in a text is not the writer's own use of it.

The checker reports a stigmatising match as something else when the wording is
- inside a quotation: "double", “curly”, 'British single' or ‘curly single’ quotation marks,
  or the title of a linked document ([Are prisoners being left behind?](...)): the words are
  someone else's, kept as they were said or published;
- part of the name of a body, unit, panel, programme or Act (Prisoner Policy Network, Sex
  Offender Treatment Programme, Bucks Association for the Care of Offenders): a name is
  written as it is;
- discussed rather than used: a sentence about which words to avoid that names them
  ("not using the terms offender and ex-offender", "I don't identify as BAME").

Each test looks only at a few dozen characters around a match, and only for matches the
guide calls stigmatising, so checking stays fast on long texts.
"""

from __future__ import annotations

import bisect
import re

# --- Quotations -----------------------------------------------------------------------------

_DOUBLE_QUOTES = re.compile('"[^"]{1,3000}"|\u201c[^\u201d]{1,3000}\u201d')
_MARKDOWN_LINK_TEXT = re.compile(r"\[[^\[\]\n]{1,300}\]\([^()\s]*\)")
# A single quotation mark opens after a space, a line break, a bracket or a dash and before a
# letter or digit; one between letters (don't) or after a word (prisoners') is an apostrophe.
# It closes after a non-space and before anything but a letter or digit. The patterns start
# with the mark itself, so `re` skips straight to the marks; what precedes is checked after.
_SINGLE_OPEN = re.compile("['\u2018](?=\\w)")
_OPENS_AFTER = frozenset(' \t\n\r([{\u2014\u2013/"\u201c-')
_SINGLE_CLOSE = re.compile("['\u2019](?!\\w)")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_LONGEST_QUOTATION = 3000
_CLOSING_CANDIDATES = 12


def _possessive(text: str, at: int) -> bool:
    """A mark that may be a plural possessive rather than a closing quote: "the prisoners'
    families" (after an s, before a space and a lower-case word)."""
    return text[at - 1] in "sS" and text[at + 1 : at + 2] == " " and text[at + 2 : at + 3].islower()


def _single_quotations(text: str) -> list[tuple[int, int]]:
    if "'" not in text and "\u2018" not in text:
        return []
    opens = [
        at
        for at in (m.start() for m in _SINGLE_OPEN.finditer(text))
        if at == 0 or text[at - 1] in _OPENS_AFTER
    ]
    if not opens:
        return []
    closes = [
        at
        for at in (m.start() for m in _SINGLE_CLOSE.finditer(text))
        if at and not text[at - 1].isspace()
    ]
    breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]
    spans, after = [], -1
    for start in opens:
        if start < after:
            continue  # inside the quotation just found
        index = bisect.bisect_left(breaks, start)
        limit = min(breaks[index] if index < len(breaks) else len(text), start + _LONGEST_QUOTATION)
        close = first_weak = None
        position = bisect.bisect_right(closes, start)
        # A strong closing mark ends the quotation; a possible possessive ends it only when
        # no strong one follows soon (a few candidates, so a long text stays fast).
        for candidate in closes[position : position + _CLOSING_CANDIDATES]:
            if candidate >= limit:
                break
            if not _possessive(text, candidate):
                close = candidate
                break
            if first_weak is None:
                first_weak = candidate
        close = close if close is not None else first_weak
        if close is not None:
            spans.append((start, close + 1))
            after = close + 1
    return spans


def quotation_spans(text: str) -> tuple[list[int], list[int]]:
    """(starts, ends) of the quotations and linked titles in `text`, by start."""
    spans = [m.span() for m in _DOUBLE_QUOTES.finditer(text)]
    spans += _single_quotations(text)
    if "](" in text:
        spans += [m.span() for m in _MARKDOWN_LINK_TEXT.finditer(text)]
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return [s for s, _ in merged], [e for _, e in merged]


def quoted(spans: tuple[list[int], list[int]], start: int, end: int) -> bool:
    starts, ends = spans
    index = bisect.bisect_right(starts, start) - 1
    return index >= 0 and end <= ends[index]


# --- Names of bodies ------------------------------------------------------------------------

# The last word of a body's, unit's, panel's, programme's or Act's name.
_BODY_WORDS = (
    "trust network unit panel board service services association alliance committee council "
    "forum group team project programme program foundation society commission commissioner "
    "centre center institute partnership partnerships fund act strategy scheme pathway "
    "register federation union coalition campaign initiative agency inspectorate helpline "
    "ombudsman charity collective academy taskforce hub consortium directorate"
)
BODY_WORDS = frozenset(_BODY_WORDS.split())
_CONNECTORS = frozenset(["of", "for", "and", "the", "&", "on", "in", "to"])
_TOKEN = re.compile(r"[^\W\d_][\w'\u2019\-]*|&|\d+")
_NAME_REACH = 80


_GAP = re.compile(r"[ \t\n]+")


def _words_after(text: str, end: int) -> list[tuple[str, bool]]:
    """Words right after `end` while only spaces separate them: (word, line break before)."""
    words, position, limit = [], end, min(len(text), end + _NAME_REACH)
    while position < limit:
        gap = _GAP.match(text, position)
        if gap is None:
            break  # punctuation, or the end of the text
        word = _TOKEN.match(text, gap.end())
        if word is None:
            break
        words.append((word.group(), "\n" in gap.group()))
        position = word.end()
    return words


def _words_before(text: str, start: int) -> list[str]:
    """Words right before `start`, nearest first, while only spaces separate them."""
    window = text[max(0, start - _NAME_REACH) : start]
    if not window or window[-1] not in " \t\n":
        return []
    words = []
    for word in reversed(window.split()):
        if not _TOKEN.fullmatch(word):
            break
        words.append(word)
    return words


def _base(word: str) -> str:
    return re.sub("['\u2019]s?$", "", word.lower())


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def in_named_body(text: str, start: int, end: int) -> bool:
    """Whether guide wording at start:end is part of a name: capitalised, and either
    followed by capitalised words ending in a body word ("Prisoner Policy Network") or
    following "of"/"for" in a name that starts with one ("Association for the Care of
    Offenders")."""
    matched = text[start:end]
    if not _capitalised(matched) or (len(matched) > 4 and matched.isupper()):
        return False
    after = _words_after(text, end)
    for index, (word, _) in enumerate(after[:5]):
        lower = _base(word)
        if lower in _CONNECTORS:
            continue
        if not _capitalised(word):
            break
        if lower in BODY_WORDS:
            following = after[index + 1] if index + 1 < len(after) else None
            # The name ends here: the next word starts a new line or a new phrase.
            if following is None or following[1] or not _capitalised(following[0]):
                return True
            if _base(following[0]) in BODY_WORDS:
                continue
            return False
    before = _words_before(text, start)
    if before and before[0].lower() in ("of", "for"):
        for word in before[1:8]:
            lower = _base(word)
            if lower in BODY_WORDS and _capitalised(word):
                return True
            if lower not in _CONNECTORS and not _capitalised(word):
                return False
    return False


# --- Words discussed ------------------------------------------------------------------------

_LIST_BEFORE = (
    "(?:[\"'\u2018\u201c]?[\\w\u2019'-]+[\"'\u2019\u201d]?\\s*(?:,|\\band\\b|\\bor\\b|/)\\s*){0,5}"
    "[\"'\u2018\u201c(]?$"
)
_METALANGUAGE = "(?:words?|terms?|labels?|phrases?|expressions?|language|wording|terminology)"
_DISCUSSED_CUES = re.compile(
    "(?:"
    # "the terms offender and ex-offender", "words such as", "language like"
    rf"\b(?:the|a|this|that|these|those|such)\s+{_METALANGUAGE}\s+"
    rf"|\b{_METALANGUAGE}\s+(?:like|such\s+as|including|as)\s*:?\s*"
    # "avoid calling people offenders", "stop using 'inmate'"
    r"|\b(?:avoid|avoids|avoiding|not\s+using|stop\s+using|(?:don't|do\s+not|never)\s+use"
    r"|no\s+longer\s+use|drop|dropping|reject|rejecting)\s+"
    r"(?:(?:calling|describing|labelling)\s+(?:people|someone|anyone|them|children)\s+"
    "(?:as\\s+)?(?:an?\\s+)?|(?=[\"'\u2018\u201c]))"
    # "I don't identify as BAME"
    r"|\b(?:not|never|don't|doesn't|do\s+not|does\s+not)\s+identify\s+"
    r"(?:myself\s+|themselves\s+|ourselves\s+|himself\s+|herself\s+)?as\s+"
    # "we say people in prison rather than prisoners"
    r"|\b(?:say|saying|write|writing|use|using)\b[^.!?\n]{1,60}\b(?:rather\s+than|instead\s+of)\s+"
    ")" + _LIST_BEFORE,
    re.IGNORECASE,
)
_SENTENCE_START = re.compile(r"[.!?]\s|\n")
_DISCUSSION_REACH = 160


def discussed(text: str, start: int) -> bool:
    """Whether the sentence names the wording at `start` as a word to talk about rather
    than using it."""
    window_start = max(0, start - _DISCUSSION_REACH)
    window = text[window_start:start]
    breaks = list(_SENTENCE_START.finditer(window))
    if breaks:
        window = window[breaks[-1].end() :]
    return bool(window) and _DISCUSSED_CUES.search(window) is not None
