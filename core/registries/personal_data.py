"""What each app holds about a person, so people's data rights work across the whole product.

Every app registers what it keeps about people in a module `<app>/personal_data.py`, found by
`discover()` at start-up (no edit to the app's AppConfig is needed):

- `register(PersonalDataSource(...))`: one source per kind of record about people, naming the
  models it covers. `export(subject)` returns {"table name": [row dicts]} of everything held
  about the subject, in words a person can read (no internal ids where a name will do).
  `erase(subject)` removes or anonymises it and returns how many records changed; it must be
  safe to run twice (the second run returns 0).
- `declare_authorship("app.Model", "created_by", ...)`: a link to an account that only says
  which staff member or contact did something (recorded, decided, reviewed). The person's
  export lists these records and erasure anonymises the account itself, so nothing else is
  needed.
- `declare_not_personal("app.Model", "name", reason=...)`: a field that looks personal to the
  coverage test but is not (a venue's name, a theme's name).

A test (privacy/tests/test_personal_data_coverage.py) fails when a model has a field that
`personal_fields()` thinks is personal and nobody covered or declared it.

The subject is a `DataSubject`: the account (if any), every email address and the names the
person is known by, because member contacts, applicants and speakers may have records with no
account.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import models
from django.utils.module_loading import autodiscover_modules

# Fields by these names hold who someone is, whatever their type.
PERSONAL_FIELD_NAMES = {
    "email",
    "contact_name",
    "contact_email",
    "contact_phone",
    "phone",
    "feedback_email",
    "byline",
    "speaker",
    "facilitator",
    "username",
    "ip_address",
    "user_agent",
    "session_data",
    "actor_label",
    "date_of_birth",
    "address",
}
# A "name" is a person's name unless the model is a named thing with a slug of its own.
NAME_FIELD_NAMES = {"name", "full_name", "first_name", "last_name"}
PERSON_MODELS = {settings.AUTH_USER_MODEL.lower(), "members.person"}
# What a person's own words (contributions, passages) become when they are erased.
REMOVED_AT_REQUEST = "[removed at the contributor's request]"


@dataclass(frozen=True)
class DataSubject:
    user: object | None  # core.User, or None for someone without an account
    emails: frozenset[str] = field(default_factory=frozenset)
    names: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def for_user(cls, user) -> "DataSubject":
        names = frozenset({user.name.strip()} - {""})
        return cls(user=user, emails=frozenset({user.email.lower()}), names=names)

    @classmethod
    def for_contact(cls, email: str, name: str = "") -> "DataSubject":
        """Someone known only by an address (a request received by post or email); their
        account is included when one has that address."""
        from django.contrib.auth import get_user_model

        email = email.strip().lower()
        user = get_user_model().objects.filter(email__iexact=email).first()
        if user is not None:
            subject = cls.for_user(user)
            return cls(user=user, emails=subject.emails, names=subject.names | _names(name))
        return cls(user=None, emails=frozenset({email}), names=_names(name))


def _names(name: str) -> frozenset[str]:
    return frozenset({name.strip()} - {""})


@dataclass(frozen=True)
class PersonalDataSource:
    key: str  # e.g. "consultations.contributions"
    description: str  # what is held and why, for the privacy page
    models: tuple[str, ...]  # "app_label.ModelName" covered by this source
    export: Callable[[DataSubject], dict[str, list[dict]]]
    erase: Callable[[DataSubject], int]
    # Sources erase in this order, lowest first: the account itself goes last, because the
    # others find the person's records through it.
    erase_order: int = 0


_sources: dict[str, PersonalDataSource] = {}
_authorship: dict[str, set[str]] = {}
_not_personal: dict[str, dict[str, str]] = {}


def register(source: PersonalDataSource) -> None:
    _sources[source.key] = source


def declare_authorship(model_label: str, *field_names: str) -> None:
    _authorship.setdefault(model_label.lower(), set()).update(field_names)


def declare_not_personal(model_label: str, *field_names: str, reason: str) -> None:
    for name in field_names:
        _not_personal.setdefault(model_label.lower(), {})[name] = reason


def sources() -> list[PersonalDataSource]:
    return sorted(_sources.values(), key=lambda source: source.key)


def source(key: str) -> PersonalDataSource:
    return _sources[key]


def sources_in_erase_order() -> list[PersonalDataSource]:
    return sorted(_sources.values(), key=lambda source: (source.erase_order, source.key))


def covered_models() -> set[str]:
    return {label for source in _sources.values() for label in source.models}


def authorship() -> dict[str, set[str]]:
    """{"app.model" (lower case): {field names}} of declared authorship links."""
    return {label: set(fields) for label, fields in _authorship.items()}


def personal_fields(model: type[models.Model]) -> set[str]:
    """The fields of a model that look like they say who someone is."""
    has_slug = any(isinstance(f, models.SlugField) for f in model._meta.concrete_fields)
    found = set()
    for f in model._meta.concrete_fields:
        related = f.related_model._meta.label_lower if f.is_relation and f.related_model else ""
        if (
            related in PERSON_MODELS
            or isinstance(f, models.EmailField | models.GenericIPAddressField)
            or f.name in PERSONAL_FIELD_NAMES
            or (f.name in NAME_FIELD_NAMES and not has_slug)
        ):
            found.add(f.name)
    return found


def uncovered_fields(all_models) -> dict[str, set[str]]:
    """{"app.model": fields} that look personal and that no source, authorship or
    not-personal declaration accounts for."""
    covered = {label.lower() for label in covered_models()}
    missing = {}
    for model in all_models:
        label = model._meta.label_lower
        if label in covered:
            continue
        left = (
            personal_fields(model)
            - _authorship.get(label, set())
            - set(_not_personal.get(label, {}))
        )
        if left:
            missing[label] = left
    return missing


def discover() -> None:
    """Import every installed app's `personal_data` module, so each registers its part."""
    autodiscover_modules("personal_data")
