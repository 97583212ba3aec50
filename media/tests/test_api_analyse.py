"""POST /api/v1/media/analyse: the analysis of a posted article, stored nowhere."""

import json

import pytest

from core.tests.factories import AdminFactory, JudgeFactory, StaffFactory, UserFactory
from glossary.services.findings import Finding
from glossary.services.guide import current_version
from glossary.tests.checker_fixtures import fresh_checker_cache  # noqa: F401
from media.api import analyse as api_analyse
from media.models import Article, Voice

pytestmark = pytest.mark.django_db

URL = "/api/v1/media/analyse"

TITLE = "Yobs who made estate a no-go area are banged up"
TEXT = (
    "Three men were jailed at Leeds Crown Court on Friday. "
    '"They made our lives a misery," said Ann Kerr, whose son was attacked in 2023. '
    "The number of people in prison has risen by 12% since 2019, Ministry of Justice "
    "figures show."
)


def post(client, body, **extra):
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post(URL, data, content_type="application/json", **extra)


def test_the_analysis_comes_back_in_the_documented_shape(client):
    response = post(client, {"title": TITLE, "text": TEXT})
    assert response.status_code == 200
    body = response.json()
    assert {"headline", "body", "voices", "context", "topics", "score"} <= set(body)
    assert body["guide_version"] == current_version().number
    headline = [(f["kind"], f["term"], f["category"]) for f in body["headline"]["findings"]]
    assert ("stigmatising", "yob", "sensational") in headline
    assert ("stigmatising", "banged up", "sensational") in headline
    first = body["headline"]["findings"][0]
    assert set(first) == set(Finding._fields)  # the language checker's format
    assert TITLE[first["start"] : first["end"]] == first["text"]
    people_first = [f for f in body["body"]["findings"] if f["kind"] == "people_first"]
    assert [f["text"] for f in people_first] == ["people in prison"]
    assert body["voices"][0]["category"] == "victim_family"
    assert body["voices"][0]["speaker"].startswith("Ann Kerr")
    assert {"quote", "speaker", "category"} <= set(body["voices"][0])
    assert body["context"]["thematic"] is True
    assert body["context"]["reasons"][0]["sentence"].startswith("The number of people")
    assert "courts-and-sentencing" in [topic["slug"] for topic in body["topics"]]
    score = body["score"]
    assert 0 <= score["total"] <= 100
    assert score["components"]["headline"]["points"] < 0
    assert score["formula"][0].startswith("Start at")


def test_nothing_is_stored(client):
    post(client, {"title": TITLE, "text": TEXT})
    assert Article.objects.count() == 0
    assert Voice.objects.count() == 0


@pytest.mark.parametrize("make_user", [None, UserFactory, JudgeFactory, StaffFactory, AdminFactory])
def test_every_role_may_analyse(client, make_user):
    """Public like the language checker: anonymous, member, judge, staff and admin."""
    if make_user is not None:
        client.force_login(make_user())
    assert post(client, {"title": "A headline", "text": TEXT}).status_code == 200


def test_empty_text_is_refused_with_a_clear_message(client):
    for text in ("", "   \n\t"):
        response = post(client, {"title": "A headline", "text": text})
        assert response.status_code == 422
        assert response.json()["errors"] == {"text": ["Send the article's text to analyse."]}


def test_an_empty_title_is_fine(client):
    response = post(client, {"title": "", "text": TEXT})
    assert response.status_code == 200
    assert response.json()["headline"]["findings"] == []


def test_missing_fields_wrong_types_and_bad_json_are_refused(client):
    assert post(client, {"text": TEXT}).status_code == 422
    assert post(client, {"title": "A headline"}).status_code == 422
    response = post(client, {"title": ["not", "text"], "text": 42})
    assert response.status_code == 422
    assert set(response.json()["errors"]) == {"title", "text"}
    assert post(client, "{not json").status_code in (400, 422)
    assert post(client, "[]").status_code in (400, 422)


def test_a_text_over_the_limit_is_refused_with_its_size(client, monkeypatch):
    monkeypatch.setattr(api_analyse, "TEXT_MAX_CHARACTERS", 100)
    response = post(client, {"title": "A headline", "text": "offenders " * 20})
    assert response.status_code == 422
    (message,) = response.json()["errors"]["text"]
    assert "200 characters long" in message
    assert "at most 100" in message


def test_a_huge_title_is_refused(client):
    response = post(client, {"title": "thugs " * 200, "text": TEXT})
    assert response.status_code == 422
    assert "a headline, not the article" in response.json()["errors"]["title"][0]


def test_a_body_over_two_megabytes_gets_413_json(client):
    response = post(client, {"title": "A headline", "text": "offenders " * 220_000})
    assert response.status_code == 413
    assert "too large" in response.json()["detail"]


def test_hostile_markup_comes_back_as_plain_json_text(client):
    text = '<script>alert(1)</script> The inmates said: "<b>We are people</b> not numbers."'
    response = post(client, {"title": "<img src=x onerror=alert(1)>", "text": text})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["body"]["findings"][0]["start"] == text.index("inmates")
    assert body["voices"][0]["quote"] == "<b>We are people</b> not numbers."


def test_only_post_is_allowed(client):
    response = client.get(URL)
    assert response.status_code == 405
    assert response.json()["detail"].startswith("Method not allowed")


def test_the_api_is_rate_limited(client, monkeypatch):
    monkeypatch.setattr(api_analyse, "API_ANALYSE_LIMIT", 2)
    for _ in range(2):
        assert post(client, {"title": "", "text": TEXT}).status_code == 200
    response = post(client, {"title": "", "text": TEXT})
    assert response.status_code == 429
    assert "Too many analyses" in response.json()["detail"]


def test_the_operation_is_documented(client):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/media/analyse"]["post"]
    assert operation["summary"] == "Analyse a news article"
    assert operation["tags"] == ["media analysis"]
