"""The survey's free-text answers get code suggestions from the consultations coding tool,
fitted on the answers already coded in the same survey, with their reasons; a code is applied
only when a staff member accepts it, and only for a survey of a network they staff."""

import pytest
from django.urls import reverse

from core.tests.factories import StaffFactory, UserFactory
from members.tests.factories import OrganisationFactory
from plans.models import SurveyResponse
from plans.services import survey as surveys
from plans.tests.factories import SurveyFactory

pytestmark = pytest.mark.django_db

TEXTS = [
    "The briefings on prison policy shaped our policy consultation response.",
    "Meeting other members at the regional events helped us learn from peers.",
    "Your policy briefings on sentencing helped our policy work this year.",
]


@pytest.fixture
def survey():
    found = SurveyFactory()
    responses = [
        SurveyResponse.objects.create(
            survey=found, organisation=OrganisationFactory(), free_text=text
        )
        for text in TEXTS
    ]
    policy = surveys.add_code(found, "Policy influence")
    events = surveys.add_code(found, "Learning from peers")
    return found, responses, policy, events


def _staff_client(client, network):
    staff = StaffFactory()
    staff.staffed_networks.add(network)
    client.force_login(staff)
    return client


def test_suggestions_appear_with_reasons_once_answers_are_coded(client, survey):
    found, (first, second, uncoded), policy, events = survey
    surveys.code_response(first, [policy.pk])
    surveys.code_response(second, [events.pk])
    suggested = surveys.suggest_codes(found)
    assert list(suggested) == [uncoded.pk]
    best = suggested[uncoded.pk][0]
    assert best.code == policy
    assert "policy" in best.shared_terms
    assert best.nearest and best.nearest[0][0] > 0
    page = _staff_client(client, found.network).get(reverse("plans:staff_survey", args=[found.pk]))
    assert "Accept “Policy influence”" in page.content.decode()
    assert not uncoded.codes.exists()  # shown, never applied


def test_accepting_a_suggestion_codes_the_answer(client, survey):
    found, (first, second, uncoded), policy, events = survey
    surveys.code_response(first, [policy.pk])
    url = reverse("plans:staff_response_accept", args=[uncoded.pk])
    response = _staff_client(client, found.network).post(url, {"code": policy.pk})
    assert response.status_code == 302
    assert list(uncoded.codes.all()) == [policy]
    client.post(url, {"code": events.pk})  # accepting adds, keeping the codes already given
    assert set(uncoded.codes.all()) == {policy, events}


def test_a_code_from_another_survey_is_refused_and_changes_nothing(client, survey):
    found, (_, _, uncoded), _, _ = survey
    elsewhere = surveys.add_code(SurveyFactory(network=found.network, year=2025), "Elsewhere")
    url = reverse("plans:staff_response_accept", args=[uncoded.pk])
    page = _staff_client(client, found.network).post(url, {"code": elsewhere.pk}, follow=True)
    assert "not in this survey" in page.content.decode()
    assert not uncoded.codes.exists()


def test_staff_of_another_network_cannot_accept(client, survey):
    found, (_, _, uncoded), policy, _ = survey
    _staff_client(client, SurveyFactory().network)
    url = reverse("plans:staff_response_accept", args=[uncoded.pk])
    assert client.post(url, {"code": policy.pk}).status_code == 404
    assert not uncoded.codes.exists()


def test_members_and_visitors_are_refused(client, survey):
    found, (_, _, uncoded), policy, _ = survey
    url = reverse("plans:staff_response_accept", args=[uncoded.pk])
    assert client.post(url, {"code": policy.pk}).status_code == 302  # to sign in
    client.force_login(UserFactory())
    assert client.post(url, {"code": policy.pk}).status_code == 403
    assert not uncoded.codes.exists()


def test_with_nothing_coded_there_are_no_suggestions_and_the_page_says_why(client, survey):
    found, responses, _, _ = survey
    assert all(not s for s in surveys.suggest_codes(found).values())
    page = _staff_client(client, found.network).get(reverse("plans:staff_survey", args=[found.pk]))
    assert "code some comments by hand first" in page.content.decode()
    assert "Accept “" not in page.content.decode()
