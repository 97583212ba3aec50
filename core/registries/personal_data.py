"""What each app holds about a person, so people's data rights work across the whole product.

Every app registers one `PersonalDataSource` per kind of record it keeps about people, naming
the models it covers (a test fails when a model with personal fields is not covered).

- `export(subject)` returns {"table name": [row dicts]} of everything held about the subject,
  in words a person can read (no internal ids where a name will do).
- `erase(subject)` removes or anonymises it and returns how many records changed; it must be
  safe to run twice.

The subject is a `DataSubject`: the account (if any) and every email address the person is
known by, because member contacts, applicants and nominees may have records with no account.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class DataSubject:
    user: object | None  # core.User, or None for someone without an account
    emails: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def for_user(cls, user) -> "DataSubject":
        return cls(user=user, emails=frozenset({user.email.lower()}))


@dataclass(frozen=True)
class PersonalDataSource:
    key: str  # e.g. "consultations.contributions"
    description: str  # what is held and why, for the privacy page
    models: tuple[str, ...]  # "app_label.ModelName" covered by this source
    export: Callable[[DataSubject], dict[str, list[dict]]]
    erase: Callable[[DataSubject], int]


_sources: dict[str, PersonalDataSource] = {}


def register(source: PersonalDataSource) -> None:
    _sources[source.key] = source


def sources() -> list[PersonalDataSource]:
    return sorted(_sources.values(), key=lambda source: source.key)


def covered_models() -> set[str]:
    return {label for source in _sources.values() for label in source.models}
