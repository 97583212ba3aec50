"""Each group's monitoring form is for the people in it, where the site knows who they are;
anyone else is told plainly who the form is for, and nothing is saved."""

import pytest
from django.urls import reverse

from core.tests.factories import StaffFactory, UserFactory
from equality.models import Group, Response
from equality.services import monitoring
from equality.tests.factories import ExerciseFactory, answers
from members.tests.factories import OrganisationFactory, member_contact_for
from programmes.tests.factories import ApplicationFactory, CohortFactory

pytestmark = pytest.mark.django_db


def _post(client, exercise, query=""):
    url = reverse("equality:answer", args=[exercise.slug]) + query
    return client.post(url, {**answers(), "consent": "on"})


def test_member_leaders_form_is_for_member_contacts(client):
    exercise = ExerciseFactory(group=Group.MEMBER_LEADERSHIP, context_key="")
    client.force_login(UserFactory())
    refused = client.get(reverse("equality:answer", args=[exercise.slug]))
    assert refused.status_code == 403
    assert "leaders of member organisations" in refused.content.decode()
    assert _post(client, exercise).status_code == 403 and not Response.objects.exists()
    contact = UserFactory()
    member_contact_for(OrganisationFactory(), contact)
    client.force_login(contact)
    assert _post(client, exercise).status_code == 302 and Response.objects.count() == 1


def test_programme_form_is_for_participants_of_that_cohort(client):
    cohort, other_cohort = CohortFactory(), CohortFactory()
    exercise = monitoring.exercise_for(Group.PROGRAMME, cohort, year=2026)
    taking_part = UserFactory(email="Sam@Example.org")
    ApplicationFactory(cohort=cohort, email="sam@example.org", status="accepted")
    elsewhere = UserFactory()
    ApplicationFactory(cohort=other_cohort, email=elsewhere.email, status="accepted")
    waiting = UserFactory()
    ApplicationFactory(cohort=cohort, email=waiting.email, status="waiting")
    for outsider in (elsewhere, waiting, StaffFactory()):
        client.force_login(outsider)
        response = _post(client, exercise)
        assert response.status_code == 403
        assert "taking part in the leadership programme" in response.content.decode()
    assert not Response.objects.exists()
    client.force_login(taking_part)
    assert _post(client, exercise).status_code == 302 and Response.objects.count() == 1


def test_programme_form_knows_a_participant_by_their_linked_account(client):
    cohort = CohortFactory()
    exercise = monitoring.exercise_for(Group.PROGRAMME, cohort, year=2026)
    # Applied as sam@home, signs in as sam@work: the linked account is what counts.
    participant = UserFactory(email="sam@work.example.org")
    ApplicationFactory(
        cohort=cohort, email="sam@home.example.org", user=participant, status="accepted"
    )
    holder_of_old_address = UserFactory(email="sam@home.example.org")
    client.force_login(holder_of_old_address)
    assert _post(client, exercise).status_code == 403 and not Response.objects.exists()
    client.force_login(participant)
    assert _post(client, exercise).status_code == 302 and Response.objects.count() == 1


def test_trustees_form_takes_staff_or_the_invitation_link(client):
    exercise = ExerciseFactory(group=Group.TRUSTEES, context_key="")
    other = ExerciseFactory(group=Group.TRUSTEES, context_key="", year=2027)
    trustee = UserFactory()
    client.force_login(trustee)
    response = _post(client, exercise)
    assert response.status_code == 403 and "invitation link" in response.content.decode()
    # A forged code, or another form's code, is no invitation.
    assert _post(client, exercise, "?invite=forged").status_code == 403
    wrong = monitoring.share_link(other).split("?")[1]
    assert _post(client, exercise, "?" + wrong).status_code == 403
    assert not Response.objects.exists()
    link = monitoring.share_link(exercise)
    assert client.get(link).status_code == 200
    # Remembered for the session: the form posts to its plain address.
    assert _post(client, exercise).status_code == 302 and Response.objects.count() == 1
    client.force_login(StaffFactory())
    assert _post(client, exercise).status_code == 302


def test_staff_see_the_trustees_link_with_its_invitation(client):
    exercise = ExerciseFactory(group=Group.TRUSTEES, context_key="")
    client.force_login(StaffFactory())
    page = client.get(reverse("equality:staff_index")).content.decode()
    assert monitoring.share_link(exercise).replace("&", "&amp;") in page or (
        monitoring.share_link(exercise) in page
    )


def test_closed_form_says_so(client):
    exercise = ExerciseFactory(is_open=False)
    client.force_login(StaffFactory())
    response = client.get(reverse("equality:answer", args=[exercise.slug]))
    assert response.status_code == 403 and "closed" in response.content.decode()
