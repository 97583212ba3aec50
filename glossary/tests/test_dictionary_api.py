"""The dictionary in the JSON API: /api/v1/dictionary and /api/v1/dictionary/{slug}."""

import pytest

from glossary.models import DictionaryTerm
from glossary.tests.dictionary_support import shipped_dictionary  # noqa: F401

pytestmark = pytest.mark.usefixtures("shipped_dictionary")

LIST = "/api/v1/dictionary"


def test_the_list_is_a_to_z_and_paged(client):
    body = client.get(LIST, {"limit": 5}).json()
    total = DictionaryTerm.objects.count()
    assert body["count"] == total
    assert body["limit"] == 5 and body["offset"] == 0
    assert [r["term"] for r in body["results"]] == list(
        DictionaryTerm.objects.order_by("term").values_list("term", flat=True)[:5]
    )
    assert body["previous"] is None
    assert "offset=5" in body["next"] and "limit=5" in body["next"]
    second = client.get(body["next"]).json()
    assert second["offset"] == 5 and "offset=0" in second["previous"]
    last = client.get(LIST, {"limit": 5, "offset": total - 1}).json()
    assert len(last["results"]) == 1 and last["next"] is None


def test_a_term_has_every_field(client):
    body = client.get(f"{LIST}/release-on-temporary-licence").json()
    assert body["acronym"] == "ROTL"
    assert body["expansion"] == "Release on temporary licence"
    assert body["definition"] and body["explanation"]
    assert "prisons" in body["parts"]
    assert "open-prison" in body["related"]
    assert body["sources"][0]["url"].startswith("https://")
    assert body["url"].endswith("/dictionary/release-on-temporary-licence/")
    assert "jurisdiction_note" in body and "updated_at" in body


@pytest.mark.parametrize("query", ["ROTL", "rotl"])
def test_search_puts_an_exact_acronym_first(client, query):
    body = client.get(LIST, {"q": query}).json()
    assert body["results"][0]["acronym"] == "ROTL"


def test_search_pages_through_ranked_results(client):
    everything = client.get(LIST, {"q": "prison", "limit": 100}).json()
    assert everything["count"] == len(everything["results"]) > 3
    page = client.get(LIST, {"q": "prison", "limit": 2, "offset": 2}).json()
    assert [r["slug"] for r in page["results"]] == [r["slug"] for r in everything["results"][2:4]]


def test_an_unknown_slug_is_a_json_404(client):
    response = client.get(f"{LIST}/no-such-term")
    assert response.status_code == 404
    assert response.json() == {"detail": "There is no dictionary term with that slug."}


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"q": "x" * 201}, "q"),
        ({"q": "rem\x00and"}, "q"),
        ({"limit": 0}, "limit"),
        ({"limit": 101}, "limit"),
        ({"offset": -1}, "offset"),
        ({"limit": "many"}, "limit"),
    ],
)
def test_bad_parameters_are_422_with_the_field_named(client, params, field):
    response = client.get(LIST, params)
    assert response.status_code == 422
    assert field in response.json()["errors"]


def test_hostile_queries_are_plain_text(client):
    for query in ["%", "_", "' OR 1=1 --", "(.*", "<script>"]:
        response = client.get(LIST, {"q": query})
        assert response.status_code == 200


def test_writing_is_not_allowed(client):
    response = client.post(LIST, {}, content_type="application/json")
    assert response.status_code == 405
    assert "detail" in response.json()


def test_the_openapi_document_describes_the_dictionary(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/dictionary" in paths
    assert "404" in paths["/api/v1/dictionary/{slug}"]["get"]["responses"]
