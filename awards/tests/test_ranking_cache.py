"""The staff ranking is kept in the shared cache and worked out again after any change to
what it is made of: a score, a recusal or override, a conflict, the panel, the weights, a
nomination's screening or decision, the cycle's normalisation."""

import pytest
from django.urls import reverse

from awards.models import Conflict, NominationStatus
from awards.services import panels, ranking_cache, scoring
from awards.tests.factories import (
    CategoryFactory,
    NominationFactory,
    PanelMemberFactory,
    score_all,
)
from core.tests.factories import StaffFactory

pytestmark = pytest.mark.django_db(transaction=True)  # the cache is forgotten on commit


@pytest.fixture
def panel():
    category = CategoryFactory(quorum=1)
    judges = [PanelMemberFactory(category=category) for _ in range(2)]
    first = NominationFactory(category=category, nominee_name="First Trust")
    second = NominationFactory(category=category, nominee_name="Second Trust")
    score_all(judges[0], first, [9, 9, 9])
    score_all(judges[0], second, [5, 5, 5])
    return category, judges, first, second


def _order(category):
    result, _warnings = ranking_cache.category_ranking(category)
    return [row.nomination.nominee_name for row in result.rows]


def test_a_second_request_reads_the_cache_with_fewer_queries(panel, django_assert_max_num_queries):
    category, *_ = panel
    _order(category)
    with django_assert_max_num_queries(1):  # the token and the entry: cache only, locmem
        assert _order(category) == ["First Trust", "Second Trust"]


def test_a_new_score_changes_the_ranking(panel):
    category, judges, first, second = panel
    assert _order(category) == ["First Trust", "Second Trust"]
    score_all(judges[1], second, [10, 10, 10])
    score_all(judges[1], first, [1, 1, 1])
    assert _order(category) == ["Second Trust", "First Trust"]


def test_a_cleared_score_changes_the_ranking(panel):
    category, judges, first, _second = panel
    _order(category)
    entries = {c.pk: (None, "") for c in category.criteria.all()}
    scoring.save_scores(judges[0].judge, judges[0], first, entries)
    result, _ = ranking_cache.category_ranking(category)
    assert next(r for r in result.rows if r.nomination_id == first.pk).raw is None


def test_a_recusal_and_its_override_change_the_ranking(panel):
    category, judges, first, _second = panel
    _order(category)
    conflict = panels.declare(judges[0].judge, judges[0], first, "I am a trustee.")
    assert _order(category)[0] == "Second Trust"
    panels.set_recusal(StaffFactory(), conflict, recused=False, reason="Ended years ago.")
    assert _order(category)[0] == "First Trust"
    assert Conflict.objects.count() == 1


def test_screening_and_weights_and_normalisation_change_the_ranking(panel):
    category, _judges, first, _second = panel
    _order(category)
    first.status = NominationStatus.WITHDRAWN
    first.save()
    assert _order(category) == ["Second Trust"]
    category.cycle.normalise_scores = not category.cycle.normalise_scores
    category.cycle.save()
    result, _ = ranking_cache.category_ranking(category)
    assert result.normalised == category.cycle.normalise_scores


def test_the_panel_warnings_follow_the_panel(panel):
    category, judges, *_ = panel
    category.quorum = 3
    category.save()
    _result, warnings = ranking_cache.category_ranking(category)
    assert any("needs at least 3" in w for w in warnings)
    PanelMemberFactory(category=category)
    _result, warnings = ranking_cache.category_ranking(category)
    assert not any("needs at least 3" in w for w in warnings)


def test_the_page_shows_a_decision_made_after_it_was_cached(client, panel):
    category, _judges, first, _second = panel
    client.force_login(StaffFactory())
    url = reverse("awards:staff_ranking", args=[category.pk])
    assert "Shortlisted" not in client.get(url).content.decode()
    first.shortlisted = True
    first.save()
    assert "Shortlisted" in client.get(url).content.decode()
