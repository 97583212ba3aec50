"""The language guide: stigmatising wording, what to say instead and why, versioned.

Guidance changes, and people need to see what it said when they wrote something, so a
change never edits a version: `publish_change` copies the current version's entries and
official names into a new version, applies the change there and records who made it, when
and why. `current_version()` is the newest version.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from glossary.models import GuideEntry, GuideVersion, OfficialName
from glossary.services import guide_cache
from glossary.services.compiled_guide import shipped_guide_data

ENTRY_FIELDS = ("wording", "variants", "preferred", "reason", "category")


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
    remove: bool = False


@dataclass(frozen=True)
class OfficialNameChange:
    add: list[str] = field(default_factory=list)
    remove: list[str] = field(default_factory=list)


def current_version() -> GuideVersion | None:
    return GuideVersion.objects.order_by("-number").first()


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _entry_values(entry: GuideEntry) -> dict:
    return {name: getattr(entry, name) for name in ENTRY_FIELDS}


def _apply(values: dict | None, change: EntryChange) -> dict | None:
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
    if updated["category"] not in GuideEntry.Category.values:
        raise ValidationError(f"'{updated['category']}' is not a category of the guide.")
    updated.setdefault("variants", "")
    return updated


@transaction.atomic
def publish_change(actor, reason: str, *edits: EntryChange | OfficialNameChange) -> GuideVersion:
    """Publish a new version: the current entries and names, with `edits` applied.
    Refuses a change without a reason or one that changes nothing."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("Say why the guide is changing.", code="reason")
    current = GuideVersion.objects.select_for_update().order_by("-number").first()
    entries: dict[str, dict] = {}
    names: list[str] = []
    if current is not None:
        entries = {e.key: _entry_values(e) for e in current.entries.all()}
        names = list(current.official_names.values_list("name", flat=True))
    before = (dict(entries), list(names))

    for edit in edits:
        if isinstance(edit, OfficialNameChange):
            unknown = [name for name in edit.remove if name not in names]
            if unknown:
                raise ValidationError(f"Not an official name in the guide: {', '.join(unknown)}.")
            names = [name for name in names if name not in edit.remove]
            names += [name.strip() for name in edit.add if name.strip() and name not in names]
            continue
        values = _apply(entries.get(edit.key), edit)
        if values is None:
            entries.pop(edit.key)
        else:
            entries[edit.key] = values
    if (entries, names) == before:
        raise ValidationError("This change would leave the guide as it is.", code="no_change")

    version = GuideVersion.objects.create(
        number=(current.number + 1) if current else 1,
        reason=reason,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    GuideEntry.objects.bulk_create(
        GuideEntry(version=version, key=key, **values) for key, values in entries.items()
    )
    OfficialName.objects.bulk_create(OfficialName(version=version, name=name) for name in names)
    transaction.on_commit(_forget_compiled_guide)
    _forget_compiled_guide()
    return version


def _forget_compiled_guide() -> None:
    guide_cache.invalidate()


def load_guide_data(version_model, entry_model, name_model, data: dict | None = None):
    """Create version 1 from glossary/data/guide.json, unless a version exists. Takes the
    models as arguments so the data migration can pass its historical ones."""
    if version_model.objects.exists():
        return None
    data = data or shipped_guide_data()
    version = version_model.objects.create(number=1, reason=data["reason"])
    entry_model.objects.bulk_create(
        entry_model(
            version=version,
            key=entry["key"],
            wording=entry["wording"],
            variants="\n".join(entry.get("variants", [])),
            preferred="\n".join(entry["preferred"]),
            reason=entry["reason"],
            category=entry["category"],
        )
        for entry in data["entries"]
    )
    name_model.objects.bulk_create(
        name_model(version=version, name=name) for name in data["official_names"]
    )
    return version


def load_initial_guide() -> GuideVersion | None:
    """Version 1 with the current models (tests that empty the database use this)."""
    version = load_guide_data(GuideVersion, GuideEntry, OfficialName)
    _forget_compiled_guide()
    return version


@dataclass
class VersionHistory:
    version: GuideVersion
    added: list[str]
    changed: list[str]
    removed: list[str]
    names_added: list[str]
    names_removed: list[str]


def history() -> list[VersionHistory]:
    """Every version, newest first, with what changed from the one before (3 queries)."""
    versions = list(GuideVersion.objects.select_related("created_by").order_by("number"))
    entries: dict[int, dict[str, dict]] = {}
    for entry in GuideEntry.objects.values("version_id", "key", *ENTRY_FIELDS):
        entries.setdefault(entry["version_id"], {})[entry["key"]] = entry
    names: dict[int, set[str]] = {}
    for version_id, name in OfficialName.objects.values_list("version_id", "name"):
        names.setdefault(version_id, set()).add(name)

    result, previous_entries, previous_names = [], {}, set()
    for version in versions:
        now_entries, now_names = entries.get(version.pk, {}), names.get(version.pk, set())
        wording = {
            key: value["wording"] for key, value in {**previous_entries, **now_entries}.items()
        }
        result.append(
            VersionHistory(
                version=version,
                added=sorted(wording[k] for k in now_entries.keys() - previous_entries.keys()),
                removed=sorted(wording[k] for k in previous_entries.keys() - now_entries.keys()),
                changed=sorted(
                    wording[k]
                    for k in now_entries.keys() & previous_entries.keys()
                    if {f: now_entries[k][f] for f in ENTRY_FIELDS}
                    != {f: previous_entries[k][f] for f in ENTRY_FIELDS}
                ),
                names_added=sorted(now_names - previous_names),
                names_removed=sorted(previous_names - now_names),
            )
        )
        previous_entries, previous_names = now_entries, now_names
    result.reverse()
    return result


def entries_by_category(version: GuideVersion | None) -> list[tuple[str, list[GuideEntry]]]:
    """The version's entries grouped by category, in the guide's category order."""
    if version is None:
        return []
    grouped: dict[str, list[GuideEntry]] = {value: [] for value in GuideEntry.Category.values}
    for entry in version.entries.order_by("wording"):
        grouped.setdefault(entry.category, []).append(entry)
    labels = dict(GuideEntry.Category.choices)
    return [(labels.get(category, category), items) for category, items in grouped.items() if items]
