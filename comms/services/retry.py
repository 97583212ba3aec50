"""Trying a step again when SQLite's write lock was held by another connection.

SQLite answers a writer that finds the lock taken with "database is locked" once its busy
timeout runs out (at once, for the shared in-memory database the tests use, where other
threads write too). Every comms step is safe to repeat (mailings are found by key, deliveries
are unique, claims are conditional), so it is simply run again. Inside an outer transaction
nothing can be retried, so the error goes up.
"""

import random
import time

from django.db import OperationalError, connection, transaction

LOCKED_RETRIES = 20


def when_locked(step):
    for attempt in range(LOCKED_RETRIES):
        try:
            return step()
        except OperationalError as error:
            retry = (
                connection.vendor == "sqlite"
                and "locked" in str(error)
                and not connection.in_atomic_block
                and attempt < LOCKED_RETRIES - 1
            )
            if not retry:
                raise
            time.sleep(random.uniform(0.005, 0.05) * (attempt + 1))  # noqa: S311  jitter only
    raise AssertionError("unreachable")


def at_once(step):
    """Run `step` as one transaction on SQLite, where it then takes the write lock once, at
    BEGIN (the project's IMMEDIATE transactions), instead of once per statement: a locked
    database is then met before anything is sent, never half-way. Tried again when locked."""
    if connection.vendor != "sqlite":
        return step()

    def whole():
        with transaction.atomic():
            return step()

    return when_locked(whole)
