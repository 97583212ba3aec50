import re

import pytest
from django.contrib.auth import get_user_model
from django.db.models import Count

from core.roles import Role
from members import demo
from members.models import (
    Affiliation,
    Membership,
    MembershipApplication,
    Network,
    Organisation,
    Person,
)
from members.services.identifiers import normalise_name

pytestmark = pytest.mark.django_db

# Counted from the two seed member lists after merging variants of one name:
# 183 CJA entries (two listed twice) and 75 AYJ entries, 30 organisations on both lists.
ORGANISATIONS = 226
CJA_MEMBERS = 181
AYJ_MEMBERS = 75
IN_BOTH = 30

STIGMATISING = re.compile(
    r"\b(offenders?|ex-offenders?|inmates?|ex-cons?|prisoners?|convicts|criminals|lags)\b",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def loaded(module_rows):
    """Loaded once for the tests that only read the demo (about 5 s a load)."""
    with module_rows():
        demo.load_demo()


def members_of(slug):
    return Organisation.objects.filter(memberships__network__slug=slug)


# The tests below read one loaded demo (module_rows); the load_demo command's own tests are
# in groundswell/tests/test_load_demo.py.


def test_loads_both_networks_each_run_by_its_own_organisation(loaded):
    cja = Network.objects.get(slug="cja")
    ayj = Network.objects.get(slug="ayj")
    assert cja.name == "Criminal Justice Alliance"
    assert cja.organisation.name == "Criminal Justice Alliance"
    assert ayj.name == "Alliance for Youth Justice"
    assert ayj.organisation.name == "Alliance for Youth Justice"
    assert cja.description and ayj.description


def test_loads_the_merged_member_lists(loaded):
    assert Organisation.objects.count() == ORGANISATIONS
    assert members_of("cja").count() == CJA_MEMBERS
    assert members_of("ayj").count() == AYJ_MEMBERS
    in_both = Organisation.objects.annotate(n=Count("memberships")).filter(n=2)
    assert in_both.count() == IN_BOTH
    assert {"Unlock", "Catch22", "User Voice", "Clinks"} <= set(
        in_both.values_list("name", flat=True)
    )


def test_variants_of_one_name_become_one_organisation(loaded):
    names = list(Organisation.objects.values_list("normalised_name", flat=True))
    assert len(names) == len(set(names))
    for merged in [
        "The Forward Trust",
        "Clinks",
        "The Care Leavers Association",
        "Howard League for Penal Reform",
        "Prisoners' Education Trust",
        "StreetDoctors",
        "Leap Confronting Conflict",
    ]:
        assert Organisation.objects.filter(name=merged).count() == 1, merged
    for variant in ["Forward Trust", "CLINKS", "Howard League", "Street Doctors", "LEAP"]:
        assert not Organisation.objects.filter(name=variant).exists(), variant
    assert members_of("cja").filter(name="Alliance for Youth Justice").count() == 1


def test_each_alliance_is_a_member_of_the_other(loaded):
    cja_org = Organisation.objects.get(name="Criminal Justice Alliance")
    ayj_org = Organisation.objects.get(name="Alliance for Youth Justice")
    assert list(cja_org.memberships.values_list("network__slug", flat=True)) == ["ayj"]
    assert list(ayj_org.memberships.values_list("network__slug", flat=True)) == ["cja"]


def test_every_organisation_has_a_demo_profile_in_people_first_language(loaded):
    assert not Organisation.objects.filter(is_demo_content=False).exists()
    assert not Organisation.objects.filter(description="").exists()
    assert not Organisation.objects.filter(parts=None).exists()
    assert not Organisation.objects.filter(regions=None).exists()
    for name, description in Organisation.objects.values_list("name", "description"):
        assert not STIGMATISING.search(description), name


def test_registration_numbers_are_never_invented(loaded):
    assert not Organisation.objects.exclude(charity_number=None).exists()
    assert not Organisation.objects.exclude(company_number=None).exists()


def test_coverage_includes_wales_and_leaves_gaps(loaded):
    assert Organisation.objects.filter(regions__slug="wales").count() >= 5
    assert Organisation.objects.filter(regions__slug="east-midlands").count() < 5


def test_memberships_have_join_and_renewal_dates(loaded):
    memberships = Membership.objects.all()
    assert not memberships.filter(joined_on=None).exists()
    assert not memberships.filter(renewal_due=None).exists()
    years = {m.joined_on.year for m in memberships}
    assert min(years) >= 2010 and max(years) <= 2024
    assert all(m.renewal_due > m.joined_on for m in memberships)


def test_pending_applications_include_a_near_duplicate(loaded):
    pending = MembershipApplication.objects.filter(status=MembershipApplication.Status.PENDING)
    assert 2 <= pending.count() <= 3
    assert all(application.consent_text for application in pending)
    near_duplicate = pending.get(organisation_name="The Forward Trust Ltd")
    assert Organisation.objects.filter(
        normalised_name=normalise_name(near_duplicate.organisation_name)
    ).exists()


def test_demo_contacts_use_example_addresses(loaded):
    people = Person.objects.all()
    assert people.count() >= 5
    assert all(person.email.endswith("@example.org") for person in people)
    assert Affiliation.objects.filter(is_main_contact=True).count() >= 5


def test_demo_logins_have_their_roles(loaded):
    User = get_user_model()
    staff = User.objects.get(email="staff@example.org")
    admin = User.objects.get(email="admin@example.org")
    member = User.objects.get(email="member@example.org")
    judge = User.objects.get(email="judge@example.org")
    assert staff.role == Role.STAFF and not staff.is_superuser
    assert admin.role == Role.ADMIN and admin.is_superuser
    assert member.role == Role.MEMBER
    assert judge.role == Role.JUDGE
    for user in (staff, admin, member, judge):
        assert user.check_password(demo.DEMO_PASSWORD)
    assert set(staff.staffed_networks.values_list("slug", flat=True)) == {"cja", "ayj"}
    assert list(member.person.organisations.values_list("name", flat=True)) == ["Unlock"]
