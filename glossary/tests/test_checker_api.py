"""POST /api/v1/language/check."""

import json

import pytest

from glossary.api import checker as api_checker
from glossary.services.guide import current_version
from glossary.tests.checker_fixtures import fresh_checker_cache  # noqa: F401

pytestmark = pytest.mark.django_db

URL = "/api/v1/language/check"


def post(client, body, **extra):
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post(URL, data, content_type="application/json", **extra)


def test_findings_and_summary_come_back_as_json(client):
    text = "The inmates' families met “yobs” near a Young Offender Institution."
    response = post(client, {"text": text})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"findings", "summary"}
    findings = [f for f in body["findings"] if f["kind"] != "jargon"]
    assert [(f["kind"], f["term"], f["text"]) for f in findings] == [
        ("stigmatising", "inmate", "inmates'"),
        ("quotation", "yob", "yobs"),
        ("official_name", "Young Offender Institution", "Young Offender Institution"),
    ]
    first = findings[0]
    assert set(first) == {
        "start",
        "end",
        "text",
        "kind",
        "term",
        "suggestions",
        "reason",
        "category",
        "severity",
    }
    assert text[first["start"] : first["end"]] == "inmates'"
    assert first["suggestions"] == ["person in prison", "person in custody"]
    assert first["category"] == "dehumanising"
    summary = body["summary"]
    assert summary["guide_version"] == current_version().number
    assert summary["words"] == 10
    assert summary["by_kind"]["stigmatising"] == 1
    assert summary["by_category"]["dehumanising"] == 1
    assert summary["per_1000_words"]["stigmatising"] == 100.0


def test_empty_text_is_refused_with_422(client):
    for body in ({"text": ""}, {"text": "   \n"}):
        response = post(client, body)
        assert response.status_code == 422
        assert response.json()["errors"] == {"text": ["Send some text to check."]}


def test_missing_text_or_bad_json_is_refused(client):
    assert post(client, {}).status_code == 422
    assert post(client, "{not json").status_code in (400, 422)


def test_a_body_over_two_megabytes_gets_413_json(client):
    response = post(client, {"text": "offenders " * 220_000})
    assert response.status_code == 413
    assert response["Content-Type"].startswith("application/json")
    assert "too large" in response.json()["detail"]


def test_hostile_markup_is_returned_as_plain_json_text(client):
    response = post(client, {"text": "<script>alert(1)</script> offenders"})
    findings = [f for f in response.json()["findings"] if f["kind"] != "jargon"]
    assert findings[0]["start"] == len("<script>alert(1)</script> ")


def test_only_post_is_allowed(client):
    response = client.get(URL)
    assert response.status_code == 405
    assert response.json()["detail"].startswith("Method not allowed")


def test_the_api_is_rate_limited(client, monkeypatch):
    monkeypatch.setattr(api_checker, "API_CHECK_LIMIT", 2)
    assert post(client, {"text": "offenders"}).status_code == 200
    assert post(client, {"text": "offenders"}).status_code == 200
    response = post(client, {"text": "offenders"})
    assert response.status_code == 429
    assert "Too many checks" in response.json()["detail"]


def test_the_operation_is_documented(client):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/language/check"]["post"]
    assert operation["summary"] == "Check text against the language guide"
