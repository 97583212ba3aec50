"""What each level of criminal record check shows, in plain words, for the listing pages and
the "what would this check show?" page. Terms link to the dictionary."""

from dataclasses import dataclass

from opportunities.models import CheckLevel


@dataclass(frozen=True)
class CheckExplained:
    level: str
    label: str
    shows: str
    who_can_ask: str
    terms: tuple[str, ...]  # dictionary slugs

    @property
    def term_links(self) -> list[tuple[str, str]]:
        return term_links(self.terms)


def term_links(slugs: tuple[str, ...]) -> list[tuple[str, str]]:
    """(dictionary slug, words) for each term, for linking to the dictionary."""
    return [(slug, TERM_WORDS[slug]) for slug in slugs]


# The dictionary's words for the terms the explainer links to (glossary/data/dictionary.json).
TERM_WORDS = {
    "dbs-check": "DBS check",
    "disclosure-and-barring-service": "Disclosure and Barring Service",
    "spent-conviction": "spent",
    "unspent-conviction": "unspent",
    "filtering": "filtering",
    "rehabilitation-period": "rehabilitation period",
    "rehabilitation-of-offenders-act-1974": "Rehabilitation of Offenders Act 1974",
    "barred-lists": "barred lists",
    "ban-the-box": "Ban the Box",
    # The rehabilitation-period explainer's table (rehabilitation_rules.py).
    "life-sentence": "life sentence",
    "indeterminate-sentence": "indeterminate sentence",
    "extended-determinate-sentence": "extended sentence",
    "custodial-sentence": "custodial sentence",
    "licence": "licence",
    "fine": "fine",
    "community-order": "community order",
    "youth-rehabilitation-order": "youth rehabilitation order",
    "conditional-discharge": "conditional discharge",
    "absolute-discharge": "absolute discharge",
    "simple-caution": "simple caution",
    "youth-caution": "youth caution",
    "conditional-caution": "conditional caution",
    "youth-conditional-caution": "youth conditional caution",
}

CHECKS = [
    CheckExplained(
        CheckLevel.NONE,
        CheckLevel.NONE.label,
        "Nothing: the employer does not check a criminal record for this role. If they ask "
        "you about convictions, you only need to tell them about unspent ones.",
        "Any employer.",
        ("unspent-conviction", "spent-conviction"),
    ),
    CheckExplained(
        CheckLevel.BASIC,
        CheckLevel.BASIC.label,
        "Unspent convictions and conditional cautions only. Once a conviction is spent, a "
        "basic check does not show it.",
        "Any employer, for any role. You can also ask for one about yourself.",
        ("dbs-check", "unspent-conviction", "spent-conviction", "rehabilitation-period"),
    ),
    CheckExplained(
        CheckLevel.STANDARD,
        CheckLevel.STANDARD.label,
        "Unspent convictions and cautions, and spent ones too, except those removed by the "
        "filtering rules.",
        "Only for roles listed as exempt from the Rehabilitation of Offenders Act 1974, such "
        "as some roles in law, finance and security.",
        ("dbs-check", "spent-conviction", "filtering", "rehabilitation-of-offenders-act-1974"),
    ),
    CheckExplained(
        CheckLevel.ENHANCED,
        CheckLevel.ENHANCED.label,
        "What a standard check shows, and any information the local police reasonably "
        "believe is relevant to the role and ought to be included.",
        "Only for roles that are eligible, mostly work with children or with adults who may "
        "be at risk.",
        ("dbs-check", "filtering", "spent-conviction"),
    ),
    CheckExplained(
        CheckLevel.ENHANCED_BARRED,
        CheckLevel.ENHANCED_BARRED.label,
        "What an enhanced check shows, and whether you are on a list of people barred from "
        "working with children or with adults who may be at risk.",
        "Only for roles in 'regulated activity' with children or with adults.",
        ("dbs-check", "barred-lists", "filtering", "disclosure-and-barring-service"),
    ),
]
_BY_LEVEL = {check.level: check for check in CHECKS}


def check_for(level: str) -> CheckExplained:
    return _BY_LEVEL[level]
