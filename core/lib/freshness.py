"""Reusing results between requests until the database says something was committed.

The facet counts and the coverage grids aggregate every active member: at 10,000
organisations that is tens of milliseconds however good the indexes. They can only change
when something is committed, and the database says when that happens:

- SQLite: `PRAGMA data_version` changes when another connection (in any process) commits,
  and the connection's `total_changes` when it writes itself;
- PostgreSQL: the current snapshot (`pg_current_snapshot()`) changes whenever any
  transaction that wrote anything ends.

So each process keeps the last results, and reuses one only while that token is unchanged.
Every way of writing (forms, the API, CSV imports with bulk_create and bulk_update, raw SQL,
another server or a shell) therefore invalidates it, with no signal to connect or forget;
unrelated writes (sessions, the cache table) only cost a recount. Nothing is reused or kept
inside a transaction, where uncommitted rows could still be rolled back (tests run that
way, so they always count afresh), nor on other databases.
"""

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import TypeVar

from django.db import DEFAULT_DB_ALIAS, connections

_T = TypeVar("_T")
REUSE_SIZE = 256  # results kept per process: one per distinct filter combination
_reused: OrderedDict[tuple, tuple[object, object]] = OrderedDict()
_reused_lock = threading.Lock()


def change_token(using: str = DEFAULT_DB_ALIAS):
    """A value that differs whenever committed data may have changed; None if unknown."""
    connection = connections[using]
    if connection.in_atomic_block:
        return None
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA data_version")
            (data_version,) = cursor.fetchone()
        raw = connection.connection  # compared by identity: a new connection starts afresh
        return (raw, data_version, raw.total_changes)
    if connection.vendor == "postgresql":
        function = (
            "pg_current_snapshot" if connection.pg_version >= 130000 else "txid_current_snapshot"
        )
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {function}()::text")
            (snapshot,) = cursor.fetchone()
        return snapshot
    return None


def reuse(
    key: tuple,
    compute: Callable[[], _T],
    keep: Callable[[_T], bool] | None = None,
    token: Callable[[], object] | None = None,
) -> _T:
    """compute(), or its earlier result for `key` if nothing was committed since.

    The result is shared between requests: it must be plain data (no model instances) that
    callers only read. `keep(value)` may refuse to keep a result (an error page, say).
    `token()` may stand in for `change_token()` when the caller knows a narrower sign of
    change for what it computes (e.g. a version the database raises when only the tables it
    reads change; events.services.listing); it must be None inside a transaction too.
    """
    token = (token or change_token)()
    if token is None:
        return compute()
    with _reused_lock:
        entry = _reused.get(key)
        if entry is not None and entry[0] == token:
            _reused.move_to_end(key)
            return entry[1]
    value = compute()
    if keep is not None and not keep(value):
        return value
    with _reused_lock:
        _reused[key] = (token, value)
        _reused.move_to_end(key)
        while len(_reused) > REUSE_SIZE:
            _reused.popitem(last=False)
    return value
