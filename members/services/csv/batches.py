"""How many rows go into one statement (import) or one round of queries (export)."""

from collections.abc import Iterator

WRITE_BATCH = 500
EXPORT_CHUNK = 500


def chunks(items: list, size: int = WRITE_BATCH) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
