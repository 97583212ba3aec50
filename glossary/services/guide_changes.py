"""Changes to the language guide as plain data, and the shipped changes after version 1.

A change never edits a version (guide.py publishes a new one); this module only works out
what the next version holds, with no database, so the data migration, `publish_change` and
the compiled shipped guide (the labelled sets and benchmarks, which need no database) apply
changes in exactly the same way.

glossary/data/guide_changes.json lists the changes shipped after version 1, oldest first:
each is {"reason": ..., "entries": [EntryChange fields], "official_names": {"add": [...],
"remove": [...]}}. A migration publishes each one as a new version of the guide.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError

GUIDE_CHANGES = Path(__file__).resolve().parent.parent / "data" / "guide_changes.json"

ENTRY_FIELDS = ("wording", "variants", "preferred", "reason", "category", "severity")
CATEGORY_VALUES = ("label", "dehumanising", "sensational", "outdated")

# How strongly the guide advises against a wording. "Stigmatising" wording should go;
# "use with care" is wording the guide itself calls often unavoidable (such as "prisoner"),
# where people-first wording is better when writing about individuals.
SEVERE = "stigmatising"
CARE = "care"
SEVERITY_VALUES = (SEVERE, CARE)


@dataclass(frozen=True)
class EntryChange:
    """Add, change or remove one entry, by its stable key. Fields left as None keep their
    value; `variants` and `preferred` are lists of lines."""

    key: str
    wording: str | None = None
    variants: list[str] | None = None
    preferred: list[str] | None = None
    reason: str | None = None
    category: str | None = None
    severity: str | None = None
    remove: bool = False


@dataclass(frozen=True)
class OfficialNameChange:
    add: list[str] = field(default_factory=list)
    remove: list[str] = field(default_factory=list)


def _apply_entry(values: dict | None, change: EntryChange) -> dict | None:
    if change.remove:
        if values is None:
            raise ValidationError(f"There is no entry '{change.key}' to remove.")
        return None
    updated = dict(values or {})
    for name in ENTRY_FIELDS:
        value = getattr(change, name)
        if value is None:
            continue
        updated[name] = (
            "\n".join(v.strip() for v in value if v.strip())
            if isinstance(value, list)
            else value.strip()
        )
    missing = [
        name for name in ("wording", "preferred", "reason", "category") if not updated.get(name)
    ]
    if missing:
        raise ValidationError(
            f"The entry '{change.key}' needs: {', '.join(missing)}.", code="incomplete"
        )
    if updated["category"] not in CATEGORY_VALUES:
        raise ValidationError(f"'{updated['category']}' is not a category of the guide.")
    updated["severity"] = updated.get("severity") or SEVERE
    if updated["severity"] not in SEVERITY_VALUES:
        raise ValidationError(f"'{updated['severity']}' is not a severity of the guide.")
    updated.setdefault("variants", "")
    return updated


def apply_changes(
    entries: dict[str, dict], names: list[str], edits
) -> tuple[dict[str, dict], list[str]]:
    """The entries (key -> field values) and official names after `edits`. Refuses a
    change that would leave the guide as it is."""
    before = ({key: dict(values) for key, values in entries.items()}, list(names))
    entries, names = dict(entries), list(names)
    for edit in edits:
        if isinstance(edit, OfficialNameChange):
            unknown = [name for name in edit.remove if name not in names]
            if unknown:
                raise ValidationError(f"Not an official name in the guide: {', '.join(unknown)}.")
            names = [name for name in names if name not in edit.remove]
            names += [name.strip() for name in edit.add if name.strip() and name not in names]
            continue
        values = _apply_entry(entries.get(edit.key), edit)
        if values is None:
            entries.pop(edit.key)
        else:
            entries[edit.key] = values
    if (_normalised(entries), names) == (_normalised(before[0]), before[1]):
        raise ValidationError("This change would leave the guide as it is.", code="no_change")
    return entries, names


def _normalised(entries: dict[str, dict]) -> dict[str, dict]:
    return {
        key: {
            name: values.get(name) or ("" if name != "severity" else SEVERE)
            for name in ENTRY_FIELDS
        }
        for key, values in entries.items()
    }


def shipped_change_sets(path: Path = GUIDE_CHANGES) -> list[tuple[str, list]]:
    """The changes shipped after version 1, oldest first, as (reason, edits)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    change_sets = []
    for change in data["changes"]:
        edits: list = [EntryChange(**entry) for entry in change.get("entries", [])]
        names = change.get("official_names") or {}
        if names:
            edits.append(OfficialNameChange(names.get("add", []), names.get("remove", [])))
        change_sets.append((change["reason"], edits))
    return change_sets


def entry_values_from_data(entry: dict) -> dict:
    """Field values of an entry as guide.json writes it (lists for variants, preferred)."""
    return {
        "wording": entry["wording"],
        "variants": "\n".join(entry.get("variants", [])),
        "preferred": "\n".join(entry["preferred"]),
        "reason": entry["reason"],
        "category": entry["category"],
        "severity": entry.get("severity") or SEVERE,
    }
