"""A realistic large alliance, fast: thousands of tagged organisations in two networks.

The directory benchmark seeds 10,000 with it (bench/sections/members_directory.py) and the
directory's tests a few hundred. Everything goes in with bulk_create, the many-to-many
"through" rows included, so 10,000 organisations take seconds. The taxonomy is the one the
migrations load. Random choices come from a seeded generator, so two runs build the same
directory.
"""

import random
import time
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction

from members.models import Membership, Network, Organisation
from members.services.identifiers import normalise_name
from taxonomy.models import Term

NETWORKS = [
    ("Alliance for Justice Reform", "AJR", "alliance-for-justice-reform"),
    ("Community Justice Network", "CJN", "community-justice-network"),
]
SHARE_IN_BOTH = 0.30
# Most memberships are active; the rest show that the directory only lists active members.
STATUSES = [("active", 90), ("lapsed", 4), ("applied", 3), ("left", 3)]
ORG_TYPES = [
    ("charity", 55),
    ("grassroots", 15),
    ("social_enterprise", 10),
    ("research", 8),
    ("association", 7),
    ("other", 5),
]
SIZE_BANDS = ["", "micro", "small", "medium", "large", "major"]
# How many terms of each vocabulary an organisation carries: (field, vocabulary, min, max).
TAGS = [
    ("parts", "part", 1, 3),
    ("themes", "theme", 1, 4),
    ("populations", "population", 0, 3),
    ("regions", "place", 1, 2),
]
PLACES = [
    "Northside", "Riverside", "Hillview", "Eastgate", "Westbrook", "Harbour", "Southfield",
    "Oakwood", "Moorland", "Kingsbridge", "Ashford", "Greenway", "Millbrook", "Fairhaven",
]  # fmt: skip
FOCUS = [
    "Second Chances", "Open Door", "Fresh Start", "New Leaf", "Bridges", "Pathways",
    "Restore", "Voices", "Safe Haven", "Common Ground", "Turning Point", "Lifeline",
]  # fmt: skip
KINDS = ["Trust", "Project", "Network", "Foundation", "Collective", "Centre", "Partnership"]
SENTENCES = [
    "Supports people leaving prison to find a home and work.",
    "Runs peer mentoring led by people with lived experience of the justice system.",
    "Offers advice on housing, benefits and debt to families of people in prison.",
    "Works with children at risk of exclusion before they are drawn into crime.",
    "Campaigns for fairer sentencing and for alternatives to short prison terms.",
    "Provides trauma-informed support to women in contact with the criminal justice system.",
    "Researches racial disparities in policing, charging and sentencing.",
    "Trains employers to recruit people with criminal records.",
    "Brings people harmed and people responsible together through restorative justice.",
    "Helps veterans and older people on probation to reach health care.",
]


@dataclass
class SeedResult:
    organisations: int = 0
    memberships: int = 0
    active_members: int = 0
    tags: dict[str, int] = field(default_factory=dict)
    networks: list[str] = field(default_factory=list)
    profile_slugs: list[str] = field(default_factory=list)
    seconds: float = 0.0


def _weighted(rng: random.Random, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights=weights)[0]


def _pick(rng: random.Random, terms: list, weights: list[float], k: int) -> list:
    """k distinct terms, popular ones more often (real alliances have thin corners)."""
    pool, pool_weights, chosen = list(terms), list(weights), []
    for _ in range(min(k, len(pool))):
        index = rng.choices(range(len(pool)), weights=pool_weights)[0]
        chosen.append(pool.pop(index))
        pool_weights.pop(index)
    return chosen


def seed(organisations: int = 10_000, random_seed: int = 2024, batch_size: int = 2000):
    """Create two networks and `organisations` tagged member organisations."""
    started = time.perf_counter()
    rng = random.Random(random_seed)
    terms = {vocabulary: [] for _field, vocabulary, _low, _high in TAGS}
    for term in Term.objects.order_by("vocabulary", "position", "pk"):
        if term.vocabulary in terms:
            terms[term.vocabulary].append(term.pk)
    if not all(terms.values()):
        raise RuntimeError("The taxonomy is empty: run the migrations first.")
    # A gently skewed popularity per term: the first terms of each list are the common ones.
    weights = {v: [1 / (rank + 1) ** 0.6 for rank in range(len(ids))] for v, ids in terms.items()}

    with transaction.atomic():
        networks = [
            Network.objects.get_or_create(
                slug=slug, defaults={"name": name, "short_name": short_name}
            )[0]
            for name, short_name, slug in NETWORKS
        ]
        start = Organisation.objects.count()
        new = []
        for number in range(start + 1, start + organisations + 1):
            name = f"{rng.choice(PLACES)} {rng.choice(FOCUS)} {rng.choice(KINDS)} {number}"
            new.append(
                Organisation(
                    name=name,
                    slug=f"bench-{number:06d}",
                    normalised_name=normalise_name(name),
                    org_type=_weighted(rng, ORG_TYPES),
                    description=" ".join(rng.sample(SENTENCES, rng.randint(1, 3))),
                    website=f"https://org{number}.example.org" if rng.random() < 0.7 else "",
                    lived_experience_led=rng.random() < 0.25,
                    by_and_for=rng.random() < 0.15,
                    size_band=rng.choice(SIZE_BANDS),
                    charity_number=str(1_000_000 + number) if rng.random() < 0.6 else None,
                    company_number=f"{10_000_000 + number:08d}" if rng.random() < 0.4 else None,
                )
            )
        created = Organisation.objects.bulk_create(new, batch_size=batch_size)
        if any(org.pk is None for org in created):  # a backend that cannot return ids
            ids = dict(
                Organisation.objects.filter(slug__in=[o.slug for o in created]).values_list(
                    "slug", "pk"
                )
            )
            for org in created:
                org.pk = org.id = ids[org.slug]

        memberships = []
        through_rows = {field_name: [] for field_name, *_rest in TAGS}
        first_joined = date(2015, 1, 1)
        for org in created:
            joined = networks if rng.random() < SHARE_IN_BOTH else [rng.choice(networks)]
            for network in joined:
                memberships.append(
                    Membership(
                        organisation_id=org.pk,
                        network_id=network.pk,
                        status=_weighted(rng, STATUSES),
                        joined_on=first_joined + timedelta(days=rng.randint(0, 3650)),
                    )
                )
            for field_name, vocabulary, low, high in TAGS:
                through = getattr(Organisation, field_name).through
                for term_id in _pick(
                    rng, terms[vocabulary], weights[vocabulary], rng.randint(low, high)
                ):
                    through_rows[field_name].append(
                        through(organisation_id=org.pk, term_id=term_id)
                    )
        Membership.objects.bulk_create(memberships, batch_size=batch_size)
        for field_name, rows in through_rows.items():
            getattr(Organisation, field_name).through.objects.bulk_create(
                rows, batch_size=batch_size
            )

    # Members who show up in the directory and have a full profile to render.
    active = [m.organisation_id for m in memberships if m.status == "active"]
    slugs = {org.pk: org.slug for org in created}
    profile_slugs = list(dict.fromkeys(slugs[pk] for pk in active))[:50]
    return SeedResult(
        organisations=len(created),
        memberships=len(memberships),
        active_members=len(set(active)),
        tags={name: len(rows) for name, rows in through_rows.items()},
        networks=[n.slug for n in networks],
        profile_slugs=profile_slugs,
        seconds=round(time.perf_counter() - started, 2),
    )
