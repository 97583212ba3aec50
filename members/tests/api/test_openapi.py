"""The OpenAPI document and the docs page."""

import json
import re

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def test_openapi_document_lists_every_endpoint(client):
    response = client.get("/api/v1/openapi.json")

    assert response.status_code == 200
    document = json.loads(response.content)
    assert document["info"]["title"] == "Groundswell API"
    paths = document["paths"]
    assert set(paths["/api/v1/organisations"]) == {"get", "post"}
    assert set(paths["/api/v1/organisations/{slug}"]) == {"get", "patch"}
    assert set(paths["/api/v1/organisations/{slug}/memberships/{network_slug}"]) == {
        "put",
        "delete",
    }
    assert "get" in paths["/api/v1/networks"]
    assert "get" in paths["/api/v1/networks/{slug}"]
    assert "get" in paths["/api/v1/taxonomy"]
    assert "get" in paths["/api/v1/taxonomy/{slug}"]
    assert document["components"]["securitySchemes"]["StaffTokenAuth"]["scheme"] == "bearer"
    filters = {p["name"] for p in paths["/api/v1/organisations"]["get"]["parameters"]}
    assert filters >= {
        "q",
        "network",
        "part",
        "theme",
        "population",
        "region",
        "type",
        "led",
        "byandfor",
        "sort",
        "limit",
        "offset",
    }


def test_docs_page_uses_only_local_static_files(client):
    response = client.get("/api/v1/docs")

    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui-bundle.js" in html
    assert "/static/ninja/" in html
    assert not re.search(r"https?://", html)
    for asset in re.findall(r'(?:src|href)="/static/([^"]+)"', html):
        assert finders.find(asset), asset
