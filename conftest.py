"""Shared pytest set-up: factories live in each app's tests/factories.py.

The suite runs in parallel (pytest-xdist, `make test`): every worker process has its own test
database (pytest-django suffixes its name with the worker id), its own in-memory cache, its
own MEDIA_ROOT below, its own Chromium (browser_fixtures) and live servers on free ports.
Nothing a test writes may go to a fixed path shared by the workers.
"""

import os
import uuid

import pytest

pytest_plugins = ["core.tests.browser_fixtures"]


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """Test databases on PostgreSQL do not wait for the disk at each commit: a crash can lose
    only the test database, and commits (transactional and browser tests, migrations) are
    several times faster. What the tests see is unchanged."""
    from django.conf import settings

    for db_settings in settings.DATABASES.values():
        if db_settings["ENGINE"] == "django.db.backends.postgresql":
            options = db_settings.setdefault("OPTIONS", {})
            options["options"] = f"{options.get('options', '')} -c synchronous_commit=off".strip()


@pytest.fixture(autouse=True, scope="session")
def _media_root_per_worker(tmp_path_factory):
    """Files a test stores without choosing a folder land in this worker's own temporary
    folder, never in var/media (tests that care set settings.MEDIA_ROOT themselves)."""
    from django.test import override_settings

    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        yield


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and lockouts live in the cache; every test starts without any."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def redis_url():
    """The real Redis for tests marked `redis` (db 15 in CI: TEST_REDIS_URL). Skipped when
    unset on a laptop; CI sets it, and a run with CI set and no Redis fails instead."""
    url = os.environ.get("TEST_REDIS_URL", "")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("TEST_REDIS_URL must be set in CI: the Redis tests may not be skipped")
        pytest.skip("TEST_REDIS_URL is not set")
    return url


@pytest.fixture
def redis_cache(redis_url):
    """Settings for Django's Redis cache under a key prefix of this test's own, so parallel
    workers share the database without meeting; the test's keys are deleted afterwards."""
    import redis

    prefix = f"gs-test-{uuid.uuid4().hex[:12]}"
    yield {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": prefix,
        }
    }
    client = redis.Redis.from_url(redis_url)
    keys = list(client.scan_iter(match=f"{prefix}:*"))
    if keys:
        client.delete(*keys)


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


# --- Rows written once for a module ----------------------------------------------------------

# The module whose shared rows are open on this worker's connection, if any.
_open_shared_rows: list[str] = []


@pytest.fixture(scope="module")
def module_rows(request, django_db_setup, django_db_blocker):
    """Write expensive rows once for the tests of one module that all read them.

    A module-scoped fixture asks for this and writes its rows inside `with module_rows():`.
    They live in a transaction left open until the module's last test; each test's own
    changes roll back to a savepoint inside it (as with `db`), so every test starts from the
    same rows, as if the fixture had run for it alone. Tests of that module that do not ask
    for the rows must come before the first that does (they are refused otherwise), and a
    module using this has no transactional tests (nothing may commit inside it)."""
    from django.db import transaction

    outer = transaction.atomic()
    with django_db_blocker.unblock():
        outer.__enter__()
    _open_shared_rows.append(request.node.nodeid)
    try:
        yield django_db_blocker.unblock
    finally:
        _open_shared_rows.remove(request.node.nodeid)
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture(autouse=True)
def _only_readers_of_shared_rows(request):
    """A test running while a module's shared rows are open would see rows it never asked
    for, or commit them: refuse it rather than let it pass or fail for the wrong reason."""
    reads_shared_rows = "module_rows" in request.fixturenames
    marker = request.node.get_closest_marker("django_db")
    commits = {"transactional_db", "live_server"} & set(request.fixturenames) or (
        marker is not None and marker.kwargs.get("transaction", False)
    )
    if reads_shared_rows and commits:
        pytest.fail(f"{request.node.nodeid} commits, so it cannot read module_rows.", pytrace=False)
    if _open_shared_rows and not reads_shared_rows:
        pytest.fail(
            f"{request.node.nodeid} runs while the rows of {_open_shared_rows[0]} "
            "(module_rows) are open: move it above the module's first test that reads them, "
            "or into another module.",
            pytrace=False,
        )
