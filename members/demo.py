"""Demo data for `manage.py load_demo`: the two seed networks, their members and demo logins.

The organisations' names are real (from the networks' published member lists); everything
else about them was written for the demo, lives in members/data/ and is loaded as it stands,
so the demo is the same on every machine. Loading happens only into an empty directory;
demo logins are ensured on every run and never overwritten.
"""

import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from core.roles import Role
from members.demo_contact import add_demo_logos, demo_contact
from members.models import (
    Affiliation,
    Membership,
    MembershipApplication,
    MembershipStatus,
    Network,
    Organisation,
    Person,
)
from members.services.identifiers import normalise_name
from members.services.organisations import RESERVED_SLUGS
from members.services.tags import TAG_FIELDS
from taxonomy.models import Term

DATA_DIR = Path(__file__).resolve().parent / "data"

# Printed by load_demo and documented in the README: for local demos only.
DEMO_PASSWORD = "groundswell-demo"  # noqa: S105

# The member organisation the demo member contact works for.
MEMBER_CONTACT_ORGANISATION = "Unlock"


@dataclass(frozen=True)
class DemoLogin:
    email: str
    name: str
    role: str
    what: str


DEMO_LOGINS = (
    DemoLogin("staff@example.org", "Robin Hale", Role.STAFF, "staff, runs both networks"),
    DemoLogin("admin@example.org", "Nadia Brook", Role.ADMIN, "admin (superuser)"),
    DemoLogin(
        "member@example.org",
        "Casey Morgan",
        Role.MEMBER,
        f"member contact at {MEMBER_CONTACT_ORGANISATION}",
    ),
    DemoLogin("judge@example.org", "Femi Ashdown", Role.JUDGE, "awards judge"),
)


@dataclass
class LoadResult:
    loaded: bool = False
    networks: int = 0
    organisations: int = 0
    memberships: int = 0
    people: int = 0
    applications: int = 0
    logins: list[tuple[DemoLogin, bool]] = field(default_factory=list)

    @property
    def created_logins(self) -> list[DemoLogin]:
        return [login for login, created in self.logins if created]


@cache
def read_data(filename: str) -> dict:
    with open(DATA_DIR / filename, encoding="utf-8") as handle:
        return json.load(handle)


@transaction.atomic
def load_demo() -> LoadResult:
    """Load the demo networks and members into an empty directory, then ensure the logins."""
    result = LoadResult()
    if not Organisation.objects.exists():
        load_directory(result)
    result.logins = ensure_demo_logins()
    return result


def load_directory(result: LoadResult) -> None:
    organisations = _create_organisations(read_data("organisations.json")["organisations"])
    networks = _create_networks(read_data("networks.json")["networks"], organisations)
    result.memberships = _create_memberships(
        read_data("organisations.json")["organisations"], organisations, networks
    )
    result.people = _create_people(read_data("people.json")["people"], organisations)
    result.applications = _create_applications(read_data("applications.json"), networks)
    contact = normalise_name(MEMBER_CONTACT_ORGANISATION)
    by_name = sorted(organisations.values(), key=lambda o: (o.normalised_name != contact, o.name))
    add_demo_logos(by_name)
    result.loaded = True
    result.organisations = len(organisations)
    result.networks = len(networks)


def _terms_by_slug() -> dict[str, Term]:
    return {term.slug: term for term in Term.objects.all()}


def _slugs_for(names: list[str]) -> dict[str, str]:
    taken = set(Organisation.objects.values_list("slug", flat=True))
    slugs = {}
    for name in names:
        base = slugify(name)[:200] or "organisation"
        if base in RESERVED_SLUGS:
            base = f"{base}-organisation"
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        slugs[name] = slug
    return slugs


def _create_organisations(rows: list[dict]) -> dict[str, Organisation]:
    """Bulk-create the organisations and their tags; returns them by name."""
    terms = _terms_by_slug()
    unknown = {slug for row in rows for f in TAG_FIELDS for slug in row[f]} - terms.keys()
    if unknown:
        raise ValueError(f"Demo data uses taxonomy terms that do not exist: {sorted(unknown)}")
    slugs = _slugs_for([row["name"] for row in rows])
    Organisation.objects.bulk_create(
        Organisation(
            name=row["name"],
            slug=slugs[row["name"]],
            # bulk_create skips save(), which is where these are normally set.
            normalised_name=normalise_name(row["name"]),
            charity_number=None,
            company_number=None,
            org_type=row["type"],
            size_band=row["size_band"],
            description=row["description"],
            lived_experience_led=row["lived_experience_led"],
            by_and_for=row["by_and_for"],
            is_demo_content=True,
            **demo_contact(number, slugs[row["name"]]),
        )
        for number, row in enumerate(rows)
    )
    # Fetched again rather than trusting bulk_create to return primary keys on every backend.
    by_slug = Organisation.objects.in_bulk(list(slugs.values()), field_name="slug")
    organisations = {name: by_slug[slug] for name, slug in slugs.items()}
    for tag_field in TAG_FIELDS:
        through = getattr(Organisation, tag_field).through
        through.objects.bulk_create(
            through(organisation_id=organisations[row["name"]].pk, term_id=terms[slug].pk)
            for row in rows
            for slug in row[tag_field]
        )
    return organisations


def _create_networks(rows: list[dict], organisations: dict[str, Organisation]) -> dict:
    networks = {}
    for row in rows:
        network, _ = Network.objects.update_or_create(
            slug=row["slug"],
            defaults={
                "name": row["name"],
                "short_name": row["short_name"],
                "description": row["description"],
                "website": row["website"],
                "organisation": organisations[row["organisation"]],
            },
        )
        networks[row["slug"]] = network
    return networks


def _create_memberships(rows, organisations, networks) -> int:
    memberships = Membership.objects.bulk_create(
        Membership(
            organisation=organisations[row["name"]],
            network=networks[entry["network"]],
            status=MembershipStatus.ACTIVE,
            joined_on=date.fromisoformat(entry["joined_on"]),
            renewal_due=date.fromisoformat(entry["renewal_due"]),
        )
        for row in rows
        for entry in row["memberships"]
    )
    return len(memberships)


def _create_people(rows: list[dict], organisations: dict[str, Organisation]) -> int:
    created = 0
    for row in rows:
        person, is_new = Person.objects.get_or_create(
            email=row["email"],
            defaults={
                "name": row["name"],
                "communication_consent": True,
                "consent_date": timezone.now(),
                "consent_source": "Demo data",
            },
        )
        Affiliation.objects.get_or_create(
            person=person,
            organisation=organisations[row["organisation"]],
            defaults={"job_title": row["job_title"], "is_main_contact": True},
        )
        created += is_new
    return created


def _create_applications(data: dict, networks: dict) -> int:
    terms = _terms_by_slug()
    now = timezone.now()
    for row in data["applications"]:
        submitted = now - timedelta(days=row["days_ago"])
        application = MembershipApplication.objects.create(
            organisation_name=row["organisation_name"],
            org_type=row["org_type"],
            description=row["description"],
            lived_experience_led=row["lived_experience_led"],
            by_and_for=row["by_and_for"],
            contact_name=row["contact_name"],
            contact_email=row["contact_email"],
            contact_job_title=row["contact_job_title"],
            consent_text=data["consent_text"],
            consented_at=submitted,
            submitted_at=submitted,
        )
        application.networks.set(networks[slug] for slug in row["networks"])
        for tag_field in ("regions", "parts", "themes"):
            getattr(application, tag_field).set(terms[slug] for slug in row[tag_field])
    return len(data["applications"])


def ensure_demo_logins() -> list[tuple[DemoLogin, bool]]:
    """Create any missing demo login. Existing accounts, and their passwords, are left alone."""
    User = get_user_model()
    results = []
    for login in DEMO_LOGINS:
        user = User.objects.filter(email__iexact=login.email).first()
        created = user is None
        if created:
            if login.role == Role.ADMIN:
                user = User.objects.create_superuser(login.email, DEMO_PASSWORD, name=login.name)
            else:
                user = User.objects.create_user(
                    login.email, DEMO_PASSWORD, name=login.name, role=login.role
                )
        if login.role == Role.STAFF:
            for network in Network.objects.filter(slug__in=_demo_network_slugs()):
                network.staff.add(user)
        elif login.role == Role.MEMBER:
            _ensure_member_contact(user)
        results.append((login, created))
    return results


def _demo_network_slugs() -> list[str]:
    return [row["slug"] for row in read_data("networks.json")["networks"]]


def _ensure_member_contact(user) -> None:
    """Link the member login to its organisation, unless it is already someone's contact."""
    person = Person.objects.filter(user=user).first()
    if person is None:
        person, _ = Person.objects.get_or_create(
            email=user.email,
            defaults={"name": user.name or user.email, "consent_source": "Demo data"},
        )
        if person.user_id is not None:
            return
        person.user = user
        person.save(update_fields=["user"])
    if person.affiliation_set.exists():
        return
    organisation = Organisation.objects.filter(
        normalised_name=normalise_name(MEMBER_CONTACT_ORGANISATION)
    ).first()
    if organisation:
        Affiliation.objects.create(
            person=person, organisation=organisation, job_title="Policy and communications lead"
        )
