"""Reference populations to compare each group with, read from data/reference.json, where
every figure sits beside the name of its source."""

import json
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "reference.json"


@cache
def references() -> dict:
    return json.loads(DATA_FILE.read_text())


def reference_columns() -> list[dict]:
    """[{"key", "name", "source", "url"}] in the order the report shows them."""
    return [{"key": key, **source} for key, source in references()["sources"].items()]


def reference_percent(reference: str, question: str, category: str) -> float | None:
    return references()["figures"].get(reference, {}).get(question, {}).get(category)
