"""Running a step again when SQLite's write lock was held by another connection.

SQLite answers a writer that finds the lock taken with "database is locked" once its busy
timeout runs out (at once for the shared in-memory database the tests use, where other threads
write too). A step that opens its own transaction and is safe to repeat can simply run again.
Inside an outer transaction nothing can be retried, so the error goes up; other databases
wait on row locks instead, so their errors go up too.
"""

import random
import time

from django.db import OperationalError, connection

LOCKED_RETRIES = 20


def retry_when_locked(step):
    """`step()`, run again (with growing, jittered pauses) while SQLite says it is locked."""
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
