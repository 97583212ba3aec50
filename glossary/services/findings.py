"""What the language checker reports: the kinds of finding, the guide's categories and
severities, the key a phrase is looked up by, and the Finding and CheckResult types.

Shared by compiling the guide (compiled_guide.py), its context rules (context_rules.py) and
checking text (checker.py), and by the media monitor, which reports the same findings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from glossary.services.guide_changes import CARE, SEVERE

STIGMATISING = "stigmatising"
JARGON = "jargon"
OFFICIAL_NAME = "official_name"
QUOTATION = "quotation"
# Guide wording mentioned rather than used: "we avoid terms such as 'offender'".
DISCUSSED = "discussed"
KINDS = (STIGMATISING, QUOTATION, DISCUSSED, OFFICIAL_NAME, JARGON)
CATEGORIES = ("label", "dehumanising", "sensational", "outdated")
# How strongly the guide advises against a wording (see guide_changes.py).
SEVERITIES = (SEVERE, CARE)

# What a key leaves out of a lower-cased phrase.
NOT_IN_KEY = re.compile(r"[^a-z0-9]+")


def normalise_key(phrase: str) -> str:
    """The lookup key of a phrase: lower case, letters and digits only."""
    return NOT_IN_KEY.sub("", phrase.lower())


class Finding(NamedTuple):
    """One finding. A named tuple because the checker makes very many of them."""

    start: int
    end: int
    text: str
    kind: str
    term: str
    suggestions: tuple[str, ...]
    reason: str
    category: str
    # For guide wording: "stigmatising" or "care" (use with care); empty for jargon and names.
    severity: str = ""

    def as_dict(self) -> dict:
        data = self._asdict()
        data["suggestions"] = list(self.suggestions)
        return data


@dataclass(frozen=True)
class CheckResult:
    findings: list[Finding]
    summary: dict

    def as_dict(self) -> dict:
        return {"findings": [f.as_dict() for f in self.findings], "summary": self.summary}
