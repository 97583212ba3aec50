"""POST /api/v1/language/check takes no more text than the checker page (issue 11)."""

import pytest

from glossary.services.limits import MAX_TEXT_CHARS
from glossary.tests.checker_fixtures import fresh_checker_cache  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_checker_cache")]

URL = "/api/v1/language/check"


def post(client, text):
    return client.post(URL, {"text": text}, content_type="application/json")


def test_text_over_the_limit_is_refused_with_422_and_says_the_limit(client):
    response = post(client, "offenders " * (MAX_TEXT_CHARS // 10 + 1))

    assert response.status_code == 422
    assert response["Content-Type"].startswith("application/json")
    message = response.json()["errors"]["text"][0]
    assert f"send at most {MAX_TEXT_CHARS:,}" in message


def test_text_at_the_limit_is_checked(client):
    response = post(client, ("offenders " * (MAX_TEXT_CHARS // 10))[:MAX_TEXT_CHARS])

    assert response.status_code == 200
    assert response.json()["summary"]["words"] > 0
