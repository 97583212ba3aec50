"""No overbooking, ever: people registering for the last places at the same moment give
exactly as many confirmed places as there are, the rest waitlisted.

The race is run as production runs: each racer is a process of its own with its own database
connection (as each web server worker has), all released at the same instant once every one
is ready. On SQLite the test database is copied to a file opened with the production settings
(WAL, IMMEDIATE transactions, a busy timeout), since the in-memory test database's shared-cache
locking is not what a deployment sees: there every conflict is "database table is locked" at
once, readers included (test_sqlite_writers_wait); on PostgreSQL the racers use the test
database itself. Nothing is retried: each racer's IMMEDIATE transaction waits its turn.
Run the suite on both engines (DATABASE_URL=postgres://... for PostgreSQL)."""

import os
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from django.db import IntegrityError, connection

from events.models import Event, RegistrationStatus
from events.tests.factories import EventFactory

pytestmark = pytest.mark.django_db(transaction=True)
RACERS = 6


def _database_url(tmp_path: Path) -> str:
    if connection.vendor == "sqlite":
        copy = tmp_path / "race.sqlite3"
        with sqlite3.connect(copy) as target:
            connection.ensure_connection()
            connection.connection.backup(target)
        return f"sqlite:///{copy}"
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


def _race(tmp_path: Path, events: list[Event], racers: int) -> Counter:
    """Start `racers` processes, release them together, and return how each event's
    registrations ended: Counter of (event pk, status) from the database they wrote to."""
    url = _database_url(tmp_path)
    env = {**os.environ, "DATABASE_URL": url, "TESTING": "1", "DB_CONN_MAX_AGE": "0",
           "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"}  # fmt: skip
    env.pop("EMAIL_HOST", None)
    go = tmp_path / "go"
    pks = [str(event.pk) for event in events]
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "events.tests.race_worker", *pks, str(n), str(go)],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        for n in range(racers)
    ]
    try:
        for process in processes:  # every racer set up and connected before any starts
            line = process.stdout.readline().strip()
            assert line == "ready", process.stderr.read()[-2000:]
        go.touch()
        outputs = [process.communicate(timeout=120) for process in processes]
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
    for process, (_out, err) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, err[-2000:]
    return _outcome(url, events)


def _outcome(url: str, events: list[Event]) -> Counter:
    pks = [event.pk for event in events]
    if url.startswith("sqlite:///"):
        with sqlite3.connect(url.removeprefix("sqlite:///")) as database:
            every = database.execute("SELECT event_id, status FROM events_registration")
            rows = [row for row in every.fetchall() if row[0] in pks]
            taken = dict(database.execute("SELECT id, places_taken FROM events_event").fetchall())
            # The racers opened it as a deployment does (settings: journal_mode=WAL).
            assert database.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    else:
        rows = list(
            Event.objects.filter(pk__in=pks).values_list("registrations__event_id",
                                                        "registrations__status")
        )  # fmt: skip
        taken = dict(Event.objects.values_list("pk", "places_taken"))
    counts = Counter(rows)
    counts.update({(pk, "places_taken"): taken[pk] for pk in pks})
    return counts


def test_racers_for_the_last_places_never_overbook(tmp_path):
    last_place = EventFactory(capacity=1, title="One place left")
    few_places = EventFactory(capacity=3, title="Three places left")
    outcome = _race(tmp_path, [last_place, few_places], RACERS)
    confirmed, waitlisted = RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED
    assert outcome[(last_place.pk, confirmed)] == 1
    assert outcome[(last_place.pk, waitlisted)] == RACERS - 1
    assert outcome[(last_place.pk, "places_taken")] == 1
    assert outcome[(few_places.pk, confirmed)] == 3
    assert outcome[(few_places.pk, waitlisted)] == RACERS - 3
    assert outcome[(few_places.pk, "places_taken")] == 3


def test_the_database_itself_refuses_a_count_above_capacity():
    event = EventFactory(capacity=1)
    with pytest.raises(IntegrityError):
        Event.objects.filter(pk=event.pk).update(places_taken=2)
