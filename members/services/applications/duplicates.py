"""Existing organisations and other waiting applications that may be the same body as an
application, for staff to check before they decide."""

from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from members.models import MembershipApplication, Organisation
from members.services.identifiers import (
    normalise_charity_number,
    normalise_company_number,
    normalise_name,
)

Status = MembershipApplication.Status

# rapidfuzz token_sort_ratio on normalised names, 0 to 100. 85 catches "The Forward Trust"
# against "Forward Trust Ltd" and small spelling slips without flagging every "Project".
NAME_MATCH_THRESHOLD = 85
MAX_NAME_MATCHES = 10


@dataclass
class Match:
    """An existing organisation, or another application, that may be the same organisation."""

    record: Organisation | MembershipApplication
    name: str
    name_score: int
    reasons: list[str] = field(default_factory=list)
    same_number: bool = False

    @property
    def is_strong(self) -> bool:
        return self.same_number or self.name_score == 100


@dataclass
class DuplicateReport:
    organisations: list[Match]
    applications: list[Match]

    def __bool__(self) -> bool:
        return bool(self.organisations or self.applications)


def _name_score(key: str, other: str) -> int:
    if not key or not other:
        return 0
    return round(fuzz.token_sort_ratio(key, other))


def _name_reason(score: int) -> str:
    return (
        f"Similar name: {score} out of 100 when compared without words such as "
        '"the", "trust", "charity" and "ltd"'
    )


def _collect(matches: dict, record, name: str, key: str, reason: str, same_number: bool):
    match = matches.get(record.pk)
    if match is None:
        normalised = normalise_name(name)
        match = matches[record.pk] = Match(record, name, _name_score(key, normalised))
    if reason and reason not in match.reasons:
        match.reasons.append(reason)
    match.same_number = match.same_number or same_number


def _sorted(matches: dict) -> list[Match]:
    for match in matches.values():
        if match.name_score >= NAME_MATCH_THRESHOLD:
            reason = _name_reason(match.name_score)
            if reason not in match.reasons:
                match.reasons.append(reason)
    return sorted(
        matches.values(), key=lambda m: (not m.same_number, -m.name_score, m.name.lower())
    )


def find_duplicates(application: MembershipApplication) -> DuplicateReport:
    """Existing organisations and other waiting applications that may be the same body.

    A shared charity or company number is near-certain; a similar name is a prompt to check.
    """
    key = normalise_name(application.organisation_name)
    charity = normalise_charity_number(application.charity_number)
    company = normalise_company_number(application.company_number)

    organisations: dict[int, Match] = {}
    if charity:
        for organisation in Organisation.objects.filter(charity_number=charity):
            reason = f"Same charity number: {charity}"
            _collect(organisations, organisation, organisation.name, key, reason, True)
    if company:
        for organisation in Organisation.objects.filter(company_number=company):
            reason = f"Same company number: {company}"
            _collect(organisations, organisation, organisation.name, key, reason, True)
    if key:
        names = dict(Organisation.objects.values_list("pk", "normalised_name"))
        similar = process.extract(
            key,
            names,
            scorer=fuzz.token_sort_ratio,
            score_cutoff=NAME_MATCH_THRESHOLD,
            limit=MAX_NAME_MATCHES,
        )
        found = Organisation.objects.in_bulk([pk for _name, _score, pk in similar])
        for organisation in found.values():
            _collect(organisations, organisation, organisation.name, key, "", False)

    applications: dict[int, Match] = {}
    waiting = MembershipApplication.objects.filter(status=Status.PENDING).exclude(pk=application.pk)
    for other in waiting.only("organisation_name", "charity_number", "company_number"):
        if charity and other.charity_number == charity:
            reason = f"Same charity number: {charity}"
            _collect(applications, other, other.organisation_name, key, reason, True)
        if company and other.company_number == company:
            reason = f"Same company number: {company}"
            _collect(applications, other, other.organisation_name, key, reason, True)
        if _name_score(key, normalise_name(other.organisation_name)) >= NAME_MATCH_THRESHOLD:
            _collect(applications, other, other.organisation_name, key, "", False)

    return DuplicateReport(_sorted(organisations), _sorted(applications))
