"""The rate limit holds for its whole window on every cache the README supports."""

import datetime

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import RequestFactory, override_settings
from freezegun import freeze_time

from core.lib import ratelimit

LIMIT = 3
HOUR = 3600
DATABASE_CACHE = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "groundswell_cache",
    }
}
IN_MEMORY_CACHE = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


def request_from(address="203.0.113.5", forwarded=None):
    extra = {"REMOTE_ADDR": address}
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/somewhere/", **extra)


@pytest.fixture
def database_cache(db):
    with override_settings(CACHES=DATABASE_CACHE):
        call_command("createcachetable", verbosity=0)
        yield


def use_up_the_limit():
    for _ in range(LIMIT):
        assert ratelimit.hit("test-scope", request_from(), LIMIT, HOUR)


@pytest.mark.parametrize("caches", [IN_MEMORY_CACHE, DATABASE_CACHE], ids=["memory", "database"])
def test_the_limit_holds_after_five_quiet_minutes_and_resets_after_the_hour(db, caches):
    with override_settings(CACHES=caches):
        call_command("createcachetable", verbosity=0)
        start = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
        with freeze_time(start) as clock:
            use_up_the_limit()
            assert not ratelimit.hit("test-scope", request_from(), LIMIT, HOUR)

            clock.tick(datetime.timedelta(minutes=6))
            verdict = ratelimit.check("test-scope", request_from(), LIMIT, HOUR)
            assert not verdict.allowed
            assert 0 < verdict.retry_after <= HOUR

            clock.tick(datetime.timedelta(minutes=61))
            assert ratelimit.hit("test-scope", request_from(), LIMIT, HOUR)


@pytest.mark.redis
def test_on_redis_the_count_lives_until_the_window_ends(redis_cache):
    with override_settings(CACHES=redis_cache):
        use_up_the_limit()
        verdict = ratelimit.check("test-scope", request_from(), LIMIT, HOUR)
        assert not verdict.allowed
        (key,) = cache._cache.get_client().keys(f"{cache.key_prefix}:*ratelimit:test-scope:*")
        # The count lives exactly until this client's window ends.
        assert abs(cache._cache.get_client().ttl(key) - verdict.retry_after) <= 2
        assert 0 < verdict.retry_after <= HOUR


def test_the_refusal_says_when_to_come_back(database_cache):
    use_up_the_limit()
    verdict = ratelimit.check("test-scope", request_from(), LIMIT, HOUR)
    assert (verdict.allowed, verdict.count, verdict.limit) == (False, LIMIT + 1, LIMIT)
    assert 0 < verdict.retry_after <= HOUR


def test_each_client_has_its_own_count(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    use_up_the_limit()
    assert ratelimit.hit("test-scope", request_from("198.51.100.7"), LIMIT, HOUR)


def test_without_trusted_proxies_a_forwarded_address_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    request = request_from("10.0.0.2", forwarded="198.51.100.7")
    assert ratelimit.client_address(request) == "10.0.0.2"


def test_behind_one_proxy_each_client_is_read_from_the_forwarded_header(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    first = request_from("10.0.0.2", forwarded="198.51.100.7")
    second = request_from("10.0.0.2", forwarded="198.51.100.8")
    assert ratelimit.client_address(first) == "198.51.100.7"
    for _ in range(LIMIT + 1):
        ratelimit.hit("test-scope", first, LIMIT, HOUR)
    assert not ratelimit.hit("test-scope", first, LIMIT, HOUR)
    assert ratelimit.hit("test-scope", second, LIMIT, HOUR)


def test_a_client_cannot_choose_its_address_by_writing_the_header_itself(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # The client wrote "192.0.2.1"; the proxy appended the address it really came from.
    request = request_from("10.0.0.2", forwarded="192.0.2.1, 198.51.100.7")
    assert ratelimit.client_address(request) == "198.51.100.7"


def test_behind_two_proxies_the_address_the_outer_proxy_saw_counts(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    request = request_from("10.0.0.2", forwarded="192.0.2.1, 198.51.100.7, 10.0.0.1")
    assert ratelimit.client_address(request) == "198.51.100.7"


def test_a_request_that_skipped_the_proxy_is_keyed_on_its_own_address(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    request = request_from("10.0.0.2", forwarded="192.0.2.1")
    assert ratelimit.client_address(request) == "10.0.0.2"
