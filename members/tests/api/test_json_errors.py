"""Every error, even for malformed or hostile requests, is an answer in JSON."""

import re

import pytest

from members.models import Organisation
from members.tests.api.support import API, HOSTILE, post_json

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("body", ["{not json", '{"name": "Unclosed', "\xff\xfe", "null"])
def test_malformed_json_is_400_json(client, staff_headers, body):
    response = post_json(client, f"{API}/organisations", body, staff_headers)
    assert response.status_code in (400, 422)
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]


def test_unparseable_json_is_400(client, staff_headers):
    response = post_json(client, f"{API}/organisations", "{not json", staff_headers)
    assert response.status_code == 400
    assert response.json() == {"detail": "Cannot parse request body"}


def test_a_json_list_instead_of_an_object_is_422(client, staff_headers):
    response = post_json(client, f"{API}/organisations", ["name"], staff_headers)
    assert response.status_code == 422
    assert response.json()["errors"]


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("get", "/api/v1/nothing-here", 404),
        ("get", "/api/v1/organisations/", 404),
        ("get", "/api/v1/organisations/not a slug", 404),
        ("delete", "/api/v1/networks", 405),
        ("post", "/api/v1/taxonomy", 405),
    ],
)
def test_unknown_paths_and_methods_answer_in_json(client, method, path, status):
    response = getattr(client, method)(path)
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]


def test_api_root_describes_the_api(client):
    body = client.get("/api/v1/").json()
    assert body["openapi"] == "http://testserver/api/v1/openapi.json"
    assert body["docs"] == "http://testserver/api/v1/docs"


def test_writes_need_no_csrf_token(network, staff_headers):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = post_json(strict, f"{API}/organisations", {"name": "Csrf Free"}, staff_headers)
    assert response.status_code == 201


def test_hostile_strings_are_stored_and_returned_as_plain_json(client, network, staff_headers):
    created = post_json(
        client,
        f"{API}/organisations",
        {"name": HOSTILE, "description": HOSTILE + "\n</script><img src=x onerror=alert(1)>"},
        staff_headers,
    )
    assert created.status_code == 201, created.json()
    slug = created.json()["slug"]
    post_json(client, f"{API}/organisations/{slug}/memberships/cja", {}, staff_headers, "put")

    response = client.get(f"{API}/organisations?q=script")

    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["X-Content-Type-Options"] == "nosniff"
    (result,) = response.json()["results"]
    assert result["name"] == HOSTILE
    assert result["description"].endswith("</script><img src=x onerror=alert(1)>")
    assert Organisation.objects.get(slug=slug).name == HOSTILE
    assert re.fullmatch(r"[a-z0-9-]+", slug)


def test_an_oversized_body_is_413_json(client, staff_headers):
    payload = {"name": "Big", "description": "x" * (3 * 1024 * 1024)}
    response = post_json(client, f"{API}/organisations", payload, staff_headers)
    assert response.status_code == 413
    assert response.json() == {"detail": "The request body is too large."}
    assert not Organisation.objects.exists()
