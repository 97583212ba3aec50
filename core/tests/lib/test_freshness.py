"""core.lib.freshness: results are reused only between requests, never inside a transaction.

(How the directory and the coverage map reuse their counts until a write commits is tested
with them, in members/tests/test_directory_service.py.)"""

import pytest
from django.db import connection

from core.lib import freshness

pytestmark = pytest.mark.django_db


def test_nothing_is_reused_inside_a_transaction():
    """Tests run inside one; a rolled-back write must never leave counts behind."""
    calls = []
    assert connection.in_atomic_block
    assert freshness.change_token() is None
    freshness.reuse(("test",), lambda: calls.append(1))
    freshness.reuse(("test",), lambda: calls.append(1))
    assert len(calls) == 2
