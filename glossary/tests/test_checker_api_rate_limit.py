"""The language check API's rate limit answers 429 with Retry-After, in memory and on Redis."""

import pytest
from django.test import override_settings

from glossary.api import checker as checker_api

URL = "/api/v1/language/check"


def check_three_times(client) -> list:
    return [
        client.post(URL, {"text": "offenders"}, content_type="application/json") for _ in range(3)
    ]


def assert_third_refused_with_retry_after(responses) -> None:
    assert [response.status_code for response in responses] == [200, 200, 429]
    assert 0 < int(responses[-1]["Retry-After"]) <= checker_api.API_CHECK_WINDOW_SECONDS
    assert responses[-1].json()["detail"]


def test_a_rate_limited_check_carries_retry_after(client, db, monkeypatch):
    monkeypatch.setattr(checker_api, "API_CHECK_LIMIT", 2)
    assert_third_refused_with_retry_after(check_three_times(client))


@pytest.mark.redis
def test_on_redis_a_rate_limited_check_carries_retry_after(client, db, redis_cache, monkeypatch):
    monkeypatch.setattr(checker_api, "API_CHECK_LIMIT", 2)
    with override_settings(CACHES=redis_cache):
        assert_third_refused_with_retry_after(check_three_times(client))
