"""A participant is known by the account linked to their place, whatever address they sign in
with; the email they applied with counts only for a place with no linked account."""

import pytest
from django.urls import reverse

from core.tests.factories import UserFactory
from programmes.models import Application, ApplicationStatus
from programmes.services import applications, participants
from programmes.tests.factories import ApplicationFactory, CohortFactory

pytestmark = pytest.mark.django_db


def test_a_linked_place_is_found_by_its_account_not_its_address():
    cohort = CohortFactory()
    person = UserFactory(email="new-address@example.org")
    ApplicationFactory(
        cohort=cohort, email="applied-with@example.org", user=person,
        status=ApplicationStatus.ACCEPTED,
    )  # fmt: skip
    assert participants.is_participant(person, cohort.pk)
    # Whoever now holds the address applied with does not take the place over.
    holder = UserFactory(email="applied-with@example.org")
    assert not participants.is_participant(holder, cohort.pk)


def test_an_unlinked_place_falls_back_to_the_address_applied_with():
    cohort = CohortFactory()
    ApplicationFactory(cohort=cohort, email="sam@example.org", status=ApplicationStatus.ACCEPTED)
    assert participants.is_participant(UserFactory(email="Sam@Example.org"), cohort.pk)
    assert not participants.is_participant(UserFactory(), cohort.pk)


def test_only_a_place_taken_up_counts_and_only_in_its_cohort():
    cohort, other = CohortFactory(), CohortFactory()
    person = UserFactory()
    ApplicationFactory(cohort=cohort, user=person, status=ApplicationStatus.WAITING)
    ApplicationFactory(cohort=other, user=person, status=ApplicationStatus.ACCEPTED)
    assert not participants.is_participant(person, cohort.pk)
    assert participants.is_participant(person, other.pk)
    assert participants.is_participant(person)


def test_link_account_keeps_the_first_account():
    application = ApplicationFactory()
    first, second = UserFactory(), UserFactory()
    assert participants.link_account(application, first)
    assert not participants.link_account(application, second)
    application.refresh_from_db()
    assert application.user == first


def test_applying_signed_in_links_the_account(client):
    cohort = CohortFactory()
    person = UserFactory(email="me@example.org")
    data = {"name": "Sam Person", "email": "other@example.org", "lived_experience": "Mine.",
            "hopes": "To lead."}  # fmt: skip
    application = applications.submit(cohort, data, "consent", user=person)
    assert application.user == person
    anonymous = applications.submit(cohort, {**data, "email": "x@example.org"}, "consent")
    assert anonymous.user is None


def test_accepting_the_offer_signed_in_links_the_account(client):
    application = ApplicationFactory(status=ApplicationStatus.OFFERED)
    person = UserFactory()
    client.force_login(person)
    client.post(reverse("programmes:respond", args=[application.key]), {"answer": "accept"})
    application.refresh_from_db()
    assert application.status == ApplicationStatus.ACCEPTED and application.user == person
    assert Application.objects.filter(user=person).count() == 1
