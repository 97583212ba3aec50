"""Site-wide search: every kind at once, grouped with counts, only what the searcher may see."""

import pytest

from core.pages.search import highlight_parts
from core.tests.factories import StaffFactory, UserFactory
from influence.tests.factories import RecommendationFactory
from members.tests.factories import NetworkFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def search(client, query, **extra):
    return client.get("/search/", {"q": query, **extra}).content.decode()


@pytest.fixture
def things():
    network = NetworkFactory()
    OrganisationFactory(
        name="Housing Futures", description="Finds housing for people.", networks=[network]
    )
    RecommendationFactory(title="Fund housing advice", published=True)
    RecommendationFactory(title="Housing draft idea")  # not published


def test_results_are_grouped_by_kind_with_counts(client, things):
    page = search(client, "housing")

    assert '<h2 id="kind-organisations">Member organisations' in page
    assert '<h2 id="kind-recommendations">Recommendations <span class="muted">(1)' in page
    assert "Fund housing advice" in page.replace("<mark>", "").replace("</mark>", "")


def test_a_visitor_never_finds_an_unpublished_recommendation_but_staff_do(client, things):
    assert "draft idea" not in search(client, "housing")

    client.force_login(StaffFactory())
    assert "draft idea" in search(client, "housing")


def test_the_language_guide_is_searched_with_the_dictionary(client):
    page = search(client, "lag")

    assert 'id="kind-language_guide"' in page
    assert "/dictionary/language-guide/#entry-" in page


def test_media_articles_are_for_staff_only(client):
    client.force_login(UserFactory())

    assert 'id="kind-media_articles"' not in search(client, "prison")


def test_one_kind_can_be_listed_on_its_own(client, things):
    page = search(client, "housing", kind="recommendations")

    assert 'id="kind-recommendations"' in page and 'id="kind-organisations"' not in page


def test_an_empty_query_explains_what_can_be_searched_and_runs_nothing(client):
    page = search(client, "   ")

    assert "all at once" in page and 'class="search-group"' not in page


def test_matches_are_marked_and_the_rest_is_left_for_escaping():
    parts = highlight_parts("<b>Housing</b> for all", "housing")

    assert parts == [("<b>", False), ("Housing", True), ("</b> for all", False)]


def test_markup_in_a_query_is_shown_as_text(client):
    page = search(client, "<script>alert(1)</script>")

    assert "<script>alert(1)" not in page


def test_the_dictionary_page_lists_language_guide_entries_too(client):
    page = client.get("/dictionary/", {"q": "lag"}).content.decode()

    assert "In the language guide" in page and "/dictionary/language-guide/#entry-" in page
