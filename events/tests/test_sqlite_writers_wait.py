"""Why registrations need no retry on SQLite, and why the race may not run on the in-memory
test database.

With the project's settings (a file in WAL, IMMEDIATE transactions, a busy timeout) a second
writer waits at BEGIN until the first commits, and a reader is never refused while a writer
holds its transaction open. The test database is different: Django opens it in memory with
`cache=shared`, where SQLite locks tables instead of the file and answers any conflict with
SQLITE_LOCKED ("database table is locked") at once, which no busy timeout waits for, readers
included. That is the error the threaded race once met."""

import sqlite3
import threading
import time

import pytest
from django.db import connection
from django.db.backends.sqlite3.base import DatabaseWrapper

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own locking"),
]
HOLD_SECONDS = 0.3


def _production_connection(path) -> sqlite3.Connection:
    """A raw connection opened exactly as a deployment opens it (settings' OPTIONS)."""
    wrapper = DatabaseWrapper({**connection.settings_dict, "NAME": str(path)})
    raw = wrapper.get_new_connection(wrapper.get_connection_params())
    raw.isolation_level = None  # autocommit, as Django keeps it outside atomic()
    return raw


def _begin(raw: sqlite3.Connection) -> None:
    """BEGIN as Django's atomic() does with the settings' transaction_mode (IMMEDIATE)."""
    connection.ensure_connection()
    assert connection.transaction_mode == "IMMEDIATE"
    raw.execute(f"BEGIN {connection.transaction_mode}")


def test_a_second_writer_waits_for_the_first_and_readers_never_wait(tmp_path):
    first, second, reader = (_production_connection(tmp_path / "db.sqlite3") for _ in range(3))
    first.execute("CREATE TABLE places (taken INTEGER)")
    first.execute("INSERT INTO places VALUES (0)")
    assert first.execute("PRAGMA journal_mode").fetchone() == ("wal",)

    _begin(first)
    first.execute("UPDATE places SET taken = taken + 1")
    assert reader.execute("SELECT taken FROM places").fetchone() == (0,)  # at once, last commit
    waited = []

    def second_writer():
        started = time.monotonic()
        _begin(second)  # blocks here until the first commits
        waited.append(time.monotonic() - started)
        second.execute("UPDATE places SET taken = taken + 1")
        second.execute("COMMIT")

    thread = threading.Thread(target=second_writer)
    thread.start()
    time.sleep(HOLD_SECONDS)
    first.execute("COMMIT")
    thread.join(timeout=10)
    assert waited and waited[0] >= HOLD_SECONDS * 0.8
    assert reader.execute("SELECT taken FROM places").fetchone() == (2,)


def test_the_shared_in_memory_test_database_refuses_at_once_instead():
    name = "file:events_lock_demo?mode=memory&cache=shared"
    first, second = (sqlite3.connect(name, uri=True, isolation_level=None, timeout=5) for _ in "ab")
    first.execute("CREATE TABLE places (taken INTEGER)")
    first.execute("BEGIN IMMEDIATE")
    first.execute("INSERT INTO places VALUES (1)")
    started = time.monotonic()
    with pytest.raises(sqlite3.OperationalError, match="database table is locked"):
        second.execute("BEGIN IMMEDIATE")
    with pytest.raises(sqlite3.OperationalError, match="database table is locked"):
        second.execute("SELECT taken FROM places").fetchall()
    assert time.monotonic() - started < 1  # the five-second busy timeout never applied
    first.execute("ROLLBACK")
