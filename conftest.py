"""Shared pytest set-up: factories live in each app's tests/factories.py."""

import pytest

pytest_plugins = ["core.tests.browser_fixtures"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and lockouts live in the cache; every test starts without any."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def committed_terms(transactional_db):
    """The taxonomy a data migration loads. Tests that commit leave the database emptied
    after them, so the terms are loaded again by the migration's own idempotent function.

    (serialized_rollback cannot do this for browser tests: once Playwright's event loop runs,
    Django hands the test thread a fresh connection without the serialized copy.)"""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("taxonomy.migrations.0002_load_terms")
    migration.load_terms(apps, None)
