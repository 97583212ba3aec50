"""Fixtures for the language checker's tests. Import them into a test module:

    from glossary.tests.checker_fixtures import fresh_checker_cache  # noqa: F401

Each test's database changes are rolled back, but the compiled guide lives in memory, so
every test starts and ends without one.
"""

import pytest

from glossary.services import guide_cache


@pytest.fixture(autouse=True)
def fresh_checker_cache():
    guide_cache.invalidate()
    yield
    guide_cache.invalidate()
