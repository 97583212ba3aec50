"""Apps add sections to another app's record page without that app importing them."""

import pytest

from core.registries import record_sections
from influence.tests.factories import RecommendationFactory


@pytest.fixture
def isolated(monkeypatch):
    monkeypatch.setattr(record_sections, "_sections", {})


def _section(key, context, order=100, model="influence.Recommendation"):
    return record_sections.RecordSection(
        key=key,
        model=model,
        template="systemmodel/_modelled_effect.html",
        context=context,
        order=order,
    )


@pytest.mark.django_db
def test_sections_render_in_order_and_skip_empty_ones(isolated, rf):
    record_sections.register(_section("later", lambda request, record: {"modelled": []}, 20))
    record_sections.register(_section("hidden", lambda request, record: None, 10))
    record_sections.register(_section("other model", lambda request, record: {}, 1, "core.User"))
    recommendation = RecommendationFactory()
    assert [s.key for s in record_sections.registered_for("influence.Recommendation")] == [
        "hidden",
        "later",
    ]
    rendered = record_sections.sections_for(rf.get("/"), recommendation)
    assert len(rendered) == 1  # "hidden" answered None; "other model" is for another model


def test_the_model_registers_its_modelled_effect_on_recommendations():
    keys = [s.key for s in record_sections.registered_for("influence.Recommendation")]
    assert "systemmodel.modelled_effect" in keys
