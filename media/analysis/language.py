"""Labels, sensational words and people-first wording, all from the language guide.

Stigmatising wording comes straight from the language checker (glossary.services.checker), so the
media monitor flags exactly what the guide says, with its exemptions: wording inside a
quotation is reported as kind "quotation" and an official name as "official_name", and
neither counts against the article. Jargon is the checker's concern for our own writing,
not a reporting fault, so it is left out here.

People-first wording is the other side of the same guide: every entry lists what to say
instead ("person in prison", "child in custody"). Those phrases are built once per
compiled guide (engine.compiled_for) into one fast pattern, so a new guide version brings
its new preferred wording with it. A phrase counts only if it puts the person first (it
starts with a person word such as "person", "people" or "child"); advice such as "describe
what happened" is not wording anyone can be found using.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from glossary.services.checker import check_text
from glossary.services.compiled_guide import CompiledGuide
from glossary.services.findings import JARGON, STIGMATISING, Finding

PEOPLE_FIRST = "people_first"
SENSATIONAL = "sensational"

# People-first wording puts a person word before the circumstance: the guide's preferred
# phrases give the circumstances ("in prison", "with a conviction", "who has left prison"),
# and any of these person words may lead them: "a woman with a conviction" and "teenagers
# in custody" put the person first just as "person in prison" does.
_SINGULAR_PERSONS = (
    "person",
    "man",
    "woman",
    "child",
    "young person",
    "boy",
    "girl",
    "teenager",
    "mother",
    "father",
    "parent",
)
_PLURAL_PERSONS = (
    "people",
    "men",
    "women",
    "children",
    "young people",
    "boys",
    "girls",
    "teenagers",
    "mothers",
    "fathers",
    "parents",
)
_PERSON_START = re.compile(
    r"^(?:"
    + "|".join(sorted(_SINGULAR_PERSONS + _PLURAL_PERSONS, key=len, reverse=True))
    + r")\b\s*(.*)$"
)
# Verbs that agree with the person word, singular -> plural.
_AGREEMENT = {"has": "have", "is": "are", "was": "were", "uses": "use", "sells": "sell"}
_SINGULAR_VERBS = {plural: singular for singular, plural in _AGREEMENT.items()}
_WITH_A = re.compile(r"^with an? (\w+(?: \w+)?)$")  # "with a conviction" -> "with convictions"


def _tail_forms(tail: str) -> tuple[str, str]:
    """The circumstance as it follows a singular and a plural person word."""
    words = tail.split()
    singular = " ".join(_SINGULAR_VERBS.get(word, word) for word in words)
    plural = " ".join(_AGREEMENT.get(word, word) for word in singular.split())
    with_a = _WITH_A.match(singular)
    if with_a and not with_a.group(1).endswith(("y", "s")):
        plural = f"with {with_a.group(1)}s"
    return singular, plural


@dataclass(frozen=True)
class LanguageRules:
    """What the media monitor adds to one compiled guide: its people-first phrases, as
    fragments for patterns.compile_phrases (named p0, p1, ...: the index into `phrases`)."""

    phrases: list[str]
    replaces: dict[str, tuple[str, ...]]  # people-first phrase -> the wording it replaces

    @property
    def fragments(self) -> list[tuple[str, str]]:
        # Literal spaces, so the scanner's trie shares every word of the phrases.
        return [(f"p{index}", _literal(phrase)) for index, phrase in enumerate(self.phrases)]


def _people_first_phrases(guide: CompiledGuide) -> dict[str, tuple[str, ...]]:
    phrases: dict[str, tuple[str, ...]] = {}
    for target in guide.targets.values():
        if target.kind != STIGMATISING:
            continue
        for suggestion in target.suggestions:
            suggestion = re.sub(r"\s*\(.*\)$", "", suggestion.lower()).strip()
            match = _PERSON_START.match(suggestion)
            if not match or not match.group(1).strip():
                continue  # a bare "children" or "person" is everyday wording, not a choice
            singular, plural = _tail_forms(match.group(1).strip())
            forms = [f"{person} {singular}" for person in _SINGULAR_PERSONS]
            forms += [f"{person} {plural}" for person in _PLURAL_PERSONS]
            for form in forms:
                if target.term not in phrases.get(form, ()):
                    phrases[form] = (*phrases.get(form, ()), target.term)
    return phrases


def build_language_rules(guide: CompiledGuide) -> LanguageRules:
    replaces = _people_first_phrases(guide)
    return LanguageRules(phrases=list(replaces), replaces=replaces)


def _literal(phrase: str) -> str:
    return "".join(char if char == " " else re.escape(char) for char in phrase)


def people_first_findings(text: str, matches: list[tuple], rules: LanguageRules) -> list[Finding]:
    """Findings for the people-first phrases patterns.scan found (start, end, name) in `text`."""
    found = []
    for start, end, name in matches:
        phrase = rules.phrases[int(name[1:])]
        replaced = "', '".join(rules.replaces.get(phrase, ()))
        found.append(
            Finding(
                start=start,
                end=end,
                text=text[start:end],
                kind=PEOPLE_FIRST,
                term=phrase,
                suggestions=(),
                reason="People-first wording the language guide recommends"
                + (f" instead of '{replaced}'." if replaced else "."),
                category=PEOPLE_FIRST,
            )
        )
    return found


def language_findings(
    text: str, guide: CompiledGuide, rules: LanguageRules, people_first: list[tuple]
) -> tuple[list[Finding], int]:
    """The guide's findings in `text`, jargon left out, and the people-first wording a
    scan found in it (start, end, name), in order of position; and the text's word count
    (the checker's)."""
    checked = check_text(text, guide)
    findings = [f for f in checked.findings if f.kind != JARGON]
    extra = people_first_findings(text, people_first, rules)
    if extra:
        findings = sorted(findings + extra, key=lambda finding: finding.start)
    return findings, checked.summary["words"]


def is_label(finding: Finding) -> bool:
    """A stigmatising label counted against the article (quotations and names are exempt)."""
    return finding.kind == STIGMATISING and finding.category != SENSATIONAL


def is_sensational(finding: Finding) -> bool:
    return finding.kind == STIGMATISING and finding.category == SENSATIONAL
