import pytest

from influence.demo import load_demo_recommendations
from systemmodel.demo import DEMO_SCENARIOS, load_demo_scenarios
from systemmodel.models import Scenario

pytestmark = pytest.mark.django_db


def test_demo_scenarios_are_published_and_linked_to_their_recommendations():
    load_demo_recommendations()
    assert load_demo_scenarios() == 3
    for item in DEMO_SCENARIOS:
        scenario = Scenario.objects.get(slug=item["slug"])
        assert scenario.is_published
        assert [r.title for r in scenario.recommendations.all()] == [item["recommendation"]]


def test_loading_again_changes_nothing():
    load_demo_recommendations()
    load_demo_scenarios()
    assert load_demo_scenarios() == 0
    assert Scenario.objects.count() == 3
