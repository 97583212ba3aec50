"""Shared pytest set-up: factories live in each app's tests/factories.py."""

import pytest


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and lockouts live in the cache; every test starts without any."""
    from django.core.cache import cache

    cache.clear()
    yield
