"""The members section's seeding (members/tests/large_alliance.py): realistic, fast and with
the shape the issue asks for."""

from collections import Counter

import pytest
from django.db.models import Count

from members.models import Membership, MembershipStatus, Network, Organisation
from members.services.directory import active_members
from members.tests.large_alliance import NETWORKS, seed

pytestmark = pytest.mark.django_db

# (Organisation many-to-many field, fewest, most) per organisation, as the issue describes.
TAG_RANGES = {"parts": (1, 3), "themes": (1, 4), "populations": (0, 3), "regions": (1, 2)}


def test_seed_200_organisations_in_two_networks():
    result = seed(200)

    assert result.organisations == Organisation.objects.count() == 200
    assert Network.objects.count() == 2
    assert result.networks == [slug for _name, _short, slug in NETWORKS]
    assert result.memberships == Membership.objects.count()
    memberships_per_org = Counter(
        Membership.objects.values("organisation").annotate(n=Count("pk")).values_list("n")
    )
    assert set(memberships_per_org) == {(1,), (2,)}  # everyone joins one network or both
    in_both = memberships_per_org[(2,)]
    assert 0.15 * 200 < in_both < 0.45 * 200  # about 30%
    assert result.active_members == active_members().count()
    active = Membership.objects.filter(status=MembershipStatus.ACTIVE).count()
    assert 0.8 * result.memberships < active < result.memberships  # mostly active, not all


def test_every_organisation_is_tagged_within_the_ranges():
    result = seed(200)

    for field_name, (fewest, most) in TAG_RANGES.items():
        through = getattr(Organisation, field_name).through
        per_org = dict(through.objects.values_list("organisation_id").annotate(n=Count("term_id")))
        counts = [per_org.get(pk, 0) for pk in Organisation.objects.values_list("pk", flat=True)]
        assert min(counts) >= fewest and max(counts) <= most, field_name
        assert sum(counts) == result.tags[field_name]
        vocabulary = {"parts": "part", "themes": "theme", "populations": "population"}.get(
            field_name, "place"
        )
        assert not through.objects.exclude(term__vocabulary=vocabulary).exists()


def test_profile_slugs_are_active_members_and_seeding_again_adds_more():
    first = seed(50)
    assert first.profile_slugs
    assert set(first.profile_slugs) <= set(active_members().values_list("slug", flat=True))

    second = seed(50)
    assert Organisation.objects.count() == 100
    assert Network.objects.count() == 2  # reused, not duplicated
    assert not set(first.profile_slugs) & set(second.profile_slugs)
