"""After every migration, each listing trigger is in place. SQLite drops a table's triggers
when Django rebuilds it (adding a column to events_event does), and the listing would then
reuse stale counts for good: a migration that rebuilds events_event must reinstall them
(events/listing_triggers.reinstall)."""

import pytest
from django.db import connection

from events.listing_triggers import WATCHED, _trigger_name

pytestmark = pytest.mark.django_db


def _installed() -> set[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        else:
            cursor.execute("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
        return {row[0] for row in cursor.fetchall()}


def test_every_listing_trigger_survives_the_migrations():
    expected = {_trigger_name(table, event) for table, event in WATCHED}
    assert expected <= _installed()
