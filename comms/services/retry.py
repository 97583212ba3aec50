"""Trying a step again when SQLite's write lock was held by another connection.

SQLite answers a writer that finds the lock taken with "database is locked" once its busy
timeout runs out (at once, for the shared in-memory database the tests use, where other
threads write too). Every comms step is safe to repeat (mailings are found by key, deliveries
are unique, claims are conditional), so it is simply run again. Inside an outer transaction
nothing can be retried, so the error goes up.
"""

from django.db import connection, transaction

from core.lib.locked_retry import retry_when_locked


def at_once(step):
    """Run `step` as one transaction on SQLite, where it then takes the write lock once, at
    BEGIN (the project's IMMEDIATE transactions), instead of once per statement: a locked
    database is then met before anything is sent, never half-way. Tried again when locked."""
    if connection.vendor != "sqlite":
        return step()

    def whole():
        with transaction.atomic():
            return step()

    return retry_when_locked(whole)
