"""The model's navigation entry, search kind and personal-data source."""

import pytest

from core.registries import navigation, personal_data, search
from core.registries.personal_data import DataSubject
from core.tests.factories import UserFactory
from systemmodel.models import Scenario
from systemmodel.tests.factories import ScenarioFactory

pytestmark = pytest.mark.django_db


def test_navigation_lists_the_model_for_everyone():
    entries = [e for _group, group in navigation.entries_for(UserFactory.build()) for e in group]
    assert any(entry.url_name == "systemmodel:scenario_page" for entry in entries)


def test_site_search_finds_published_scenarios_only():
    ScenarioFactory(title="Presumption against short sentences")
    ScenarioFactory(title="Presumption draft", is_published=False)
    kind = next(k for k in search.kinds() if k.key == "model_scenarios")
    results = kind.search("presumption", None, 10)
    assert results.total == 1
    assert results.hits[0].title == "Presumption against short sentences"


def test_export_and_erase_a_persons_scenarios():
    person = UserFactory()
    ScenarioFactory(created_by=person, title="Mine, published")
    ScenarioFactory(created_by=person, title="Mine, draft", is_published=False)
    source = next(s for s in personal_data.sources() if s.key == "systemmodel.scenarios")
    subject = DataSubject.for_user(person)
    exported = source.export(subject)["Saved model scenarios"]
    assert {row["title"] for row in exported} == {"Mine, published", "Mine, draft"}
    assert source.erase(subject) == 2
    assert list(Scenario.objects.values_list("title", "created_by")) == [("Mine, published", None)]
    assert source.erase(subject) == 0
    assert source.export(subject) == {}
