"""Staff publish a scenario and link it to recommendations; the recommendation's own page
(the influence app's) then shows its "modelled effect", through core.registries.record_sections."""

import re

import pytest
from django.urls import reverse

from core.tests.factories import StaffFactory, UserFactory
from influence.tests.factories import RecommendationFactory
from systemmodel.services.modelled_effect import effects_for_recommendation
from systemmodel.tests.factories import ScenarioFactory

pytestmark = pytest.mark.django_db

SENTENCE = re.compile(
    r"about [\d,]+ fewer people in prison after 3 years \(range [\d,]+ to [\d,]+\)"
)


def _publish(client, scenario, recommendation):
    client.force_login(StaffFactory())
    return client.post(
        reverse("systemmodel:publish", args=[scenario.slug]),
        {"is_published": "on", "recommendations": [recommendation.pk]},
    )


def test_only_staff_may_publish(client):
    scenario = ScenarioFactory(is_published=False)
    client.force_login(UserFactory())
    response = client.post(
        reverse("systemmodel:publish", args=[scenario.slug]), {"is_published": "on"}
    )
    assert response.status_code == 403
    scenario.refresh_from_db()
    assert not scenario.is_published


def test_the_recommendation_page_shows_the_published_scenarios_effect(client):
    scenario = ScenarioFactory(is_published=False, levers={"short_sentence_presumption": 12})
    recommendation = RecommendationFactory(published=True)
    assert _publish(client, scenario, recommendation).status_code == 302
    client.logout()

    page = client.get(recommendation.get_absolute_url()).content.decode()

    assert "Modelled effect" in page
    assert SENTENCE.search(page), page[page.find("Modelled effect") :][:800]
    assert scenario.get_absolute_url() in page


def test_no_section_without_a_published_scenario(client):
    recommendation = RecommendationFactory(published=True)
    ScenarioFactory(is_published=False).recommendations.add(recommendation)
    assert effects_for_recommendation(recommendation) == []
    assert "Modelled effect" not in client.get(recommendation.get_absolute_url()).content.decode()
