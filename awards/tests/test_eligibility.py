"""Each category's eligibility rules, enforced when someone nominates and again when staff
screen: member organisations of the scheme's own network, lived-experience-led groups,
student journalists, and the kinds of nominee a category takes."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from awards.models import Eligibility, Nomination, NominationStatus
from awards.services import eligibility, screening
from awards.tests.factories import CategoryFactory, NominationFactory, SchemeFactory
from core.tests.factories import StaffFactory
from members.models import MembershipStatus
from members.services.applications.screening import make_form_token
from members.tests.factories import MembershipFactory, NetworkFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def _post(client, category, **fields):
    data = {
        "statement": "They changed how our court treats young adults.",
        "nominator_name": "Ada Nominator",
        "nominator_email": "ada@example.org",
        "agree": "on",
        "form_token": make_form_token(timezone.now() - datetime.timedelta(minutes=5)),
        **fields,
    }
    return client.post(reverse("awards:nominate", args=[category.cycle.slug, category.slug]), data)


def _members_only(network):
    return CategoryFactory(
        eligibility=Eligibility.MEMBER_ORGANISATIONS,
        cycle__scheme=SchemeFactory(network=network),
    )  # fmt: skip


def test_member_categories_offer_only_members_of_the_schemes_network(client):
    network = NetworkFactory()
    ours = OrganisationFactory(name="Ours", networks=[network])
    theirs = OrganisationFactory(name="Theirs", networks=[NetworkFactory()])
    lapsed = OrganisationFactory(name="Lapsed")
    MembershipFactory(organisation=lapsed, network=network, status=MembershipStatus.LAPSED)
    category = _members_only(network)
    assert list(eligibility.member_organisations(category)) == [ours]
    for outsider in (theirs, lapsed):
        response = _post(client, category, nominee_kind="member", organisation=outsider.pk)
        assert response.status_code == 400
    assert not Nomination.objects.exists()
    assert _post(client, category, nominee_kind="member", organisation=ours.pk).status_code == 302


def test_members_only_refuses_an_outside_organisation(client):
    category = _members_only(NetworkFactory())
    response = _post(client, category, nominee_kind="organisation", nominee_name="Outsiders")
    assert response.status_code == 400
    assert not Nomination.objects.exists()


def test_lived_experience_led_groups_from_the_directory_must_be_listed_as_such(client):
    network = NetworkFactory()
    listed = OrganisationFactory(lived_experience_led=True, networks=[network])
    unlisted = OrganisationFactory(lived_experience_led=False, networks=[network])
    category = CategoryFactory(eligibility=Eligibility.LIVED_EXPERIENCE_LED)
    response = _post(client, category, nominee_kind="member", organisation=unlisted.pk)
    assert response.status_code == 400
    assert "does not list" in response.content.decode()
    assert _post(client, category, nominee_kind="member", organisation=listed.pk).status_code == 302


def test_an_outside_group_needs_the_nominator_to_say_how_lived_experience_leads_it(client):
    category = CategoryFactory(eligibility=Eligibility.LIVED_EXPERIENCE_LED)
    fields = {"nominee_kind": "organisation", "nominee_name": "Peers Together"}
    response = _post(client, category, **fields)
    assert response.status_code == 400
    assert eligibility.LIVED_EXPERIENCE_QUESTION in response.content.decode()
    response = _post(
        client, category, eligibility_answer="Its board are all ex-prisoners.", **fields
    )
    assert response.status_code == 302
    answers = Nomination.objects.get().nominators.get().answers
    assert answers == [[eligibility.LIVED_EXPERIENCE_QUESTION, "Its board are all ex-prisoners."]]


def test_student_journalists_say_where_the_journalist_studied(client):
    category = CategoryFactory(eligibility=Eligibility.STUDENT_JOURNALISTS)
    fields = {"nominee_kind": "media", "nominee_name": "Kit Reporter",
              "article_links": "https://news.example.org/story"}  # fmt: skip
    assert _post(client, category, **fields).status_code == 400
    assert (
        _post(client, category, eligibility_answer="Cardiff University", **fields).status_code
        == 302
    )
    assert Nomination.objects.get().nominators.get().answers[0][1] == "Cardiff University"


def test_individual_categories_take_only_people(client):
    category = CategoryFactory(eligibility=Eligibility.INDIVIDUALS)
    response = _post(client, category, nominee_kind="organisation", nominee_name="A Charity")
    assert response.status_code == 400
    assert not Nomination.objects.exists()


def test_screening_checks_the_rules_again_and_an_exception_needs_a_reason(client):
    network = NetworkFactory()
    category = _members_only(network)
    # A member when nominated, the membership has since lapsed.
    organisation = OrganisationFactory(name="Former Member")
    MembershipFactory(organisation=organisation, network=network, status=MembershipStatus.LAPSED)
    nomination = NominationFactory(
        category=category, nominee_kind="member", organisation=organisation,
        nominee_name=organisation.name, status=NominationStatus.RECEIVED,
    )  # fmt: skip
    staff = StaffFactory()
    staff.staffed_networks.add(network)
    with pytest.raises(ValidationError, match="not an active member"):
        screening.screen(staff, nomination, eligible=True, reason="")
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.RECEIVED
    client.force_login(staff)
    page = client.get(reverse("awards:staff_nomination", args=[nomination.pk])).content.decode()
    assert "The records say this nominee does not fit" in page
    screening.screen(staff, nomination, eligible=True, reason="Renewed last week; not yet entered.")
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.ELIGIBLE
