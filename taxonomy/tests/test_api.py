import pytest

from taxonomy.models import Term, Vocabulary

pytestmark = pytest.mark.django_db

API = "/api/v1/taxonomy"


def test_lists_every_term_with_its_vocabulary(client):
    response = client.get(API)

    assert response.status_code == 200
    terms = response.json()
    assert len(terms) == Term.objects.count() > 0
    assert {term["vocabulary"] for term in terms} == set(Vocabulary.values)
    housing = next(term for term in terms if term["slug"] == "housing")
    assert housing["name"] == "Housing"
    assert housing["vocabulary"] == "theme"
    assert housing["vocabulary_name"] == "Theme"
    assert housing["description"]
    assert housing["url"] == "http://testserver/topics/housing/"


def test_terms_come_in_vocabulary_then_position_order(client):
    slugs = [term["slug"] for term in client.get(API).json()]
    assert slugs == list(Term.objects.values_list("slug", flat=True))


@pytest.mark.parametrize("vocabulary", Vocabulary.values)
def test_filter_by_vocabulary(client, vocabulary):
    terms = client.get(f"{API}?vocabulary={vocabulary}").json()
    assert terms
    assert {term["vocabulary"] for term in terms} == {vocabulary}
    assert len(terms) == Term.objects.filter(vocabulary=vocabulary).count()


def test_unknown_vocabulary_is_422(client):
    response = client.get(f"{API}?vocabulary=colour")
    assert response.status_code == 422
    assert "vocabulary" in response.json()["errors"]


def test_term_detail(client):
    response = client.get(f"{API}/youth-justice")
    assert response.status_code == 200
    body = response.json()
    assert body["slug"] == "youth-justice"
    assert body["vocabulary"] == "part"
    assert body["vocabulary_name"] == "Part of the system"


def test_term_edited_by_an_admin_shows_as_stored(client):
    Term.objects.filter(slug="housing").update(name='Housing & "homes" <b>now</b>')
    assert client.get(f"{API}/housing").json()["name"] == 'Housing & "homes" <b>now</b>'


@pytest.mark.parametrize("slug", ["no-such-term", "x" * 500])
def test_unknown_term_is_404_json(client, slug):
    response = client.get(f"{API}/{slug}")
    assert response.status_code == 404
    assert response.json() == {"detail": "There is no taxonomy term with that slug."}


def test_listing_is_one_query(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        client.get(API)
