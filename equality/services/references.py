"""Reference populations to compare each group with, read from data/reference.json. Every
question's figures sit beside the publication they were read from (title, table, date,
address, and any reproduction they were checked in); a question without a checked figure
carries the reason instead, which the report shows in place of a number."""

import json
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "reference.json"
CITATION_FIELDS = ("title", "table", "published", "url", "base", "checked_in")


@cache
def references() -> dict:
    return json.loads(DATA_FILE.read_text())


def reference_columns() -> list[dict]:
    """[{"key", "name", "source", "url"}] in the order the report shows them."""
    return [{"key": key, **source} for key, source in references()["sources"].items()]


def _entry(reference: str, question: str) -> dict:
    return references()["figures"].get(reference, {}).get(question, {})


def reference_percent(reference: str, question: str, category: str) -> float | None:
    return _entry(reference, question).get("values", {}).get(category)


def citation(reference: str, question: str) -> dict:
    """{"name", "missing"} or {"name", title, table, published, url, base, checked_in}: where
    this question's figures for `reference` come from, or why there are none."""
    entry = _entry(reference, question)
    name = references()["sources"][reference]["name"]
    if not entry.get("values"):
        return {"name": name, "missing": entry.get("missing", "No checked figure.")}
    return {"name": name, **{field: entry.get(field, "") for field in CITATION_FIELDS}}
