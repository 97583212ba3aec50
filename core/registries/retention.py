"""How long each kind of record about people is kept, and what happens to it then.

Each app registers its rules in a module `<app>/retention.py` (found at start-up, like
`personal_data`). A rule says in plain words what it keeps and for how long — the public
page /account/data/retention/ lists them — and `apply(now, dry_run)` does it, returning how
many records it changed (or would change). `manage.py apply_retention` runs every rule
daily; running it twice the same day changes nothing the second time.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.module_loading import autodiscover_modules


def always() -> bool:
    return True


@dataclass(frozen=True)
class RetentionRule:
    key: str  # e.g. "members.declined_applications"
    records: str  # "Declined membership applications"
    kept_for: str  # "12 months after the decision"
    then: str  # "deleted, with the contact's name and address"
    apply: Callable[[datetime.datetime, bool], int]
    # Some rules exist only in some installations (a setting turns them on).
    is_active: Callable[[], bool] = always
    when_inactive: str = ""


_rules: dict[str, RetentionRule] = {}


def register(rule: RetentionRule) -> None:
    _rules[rule.key] = rule


def rules() -> list[RetentionRule]:
    return sorted(_rules.values(), key=lambda rule: rule.key)


def rule(key: str) -> RetentionRule:
    return _rules[key]


def discover() -> None:
    autodiscover_modules("retention")
