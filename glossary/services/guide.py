"""The language guide: stigmatising wording, what to say instead and why, versioned.

Guidance changes, and people need to see what it said when they wrote something, so a
change never edits a version: `publish_change` copies the current version's entries and
official names into a new version, applies the change there and records who made it, when
and why. `current_version()` is the newest version.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from glossary.models import GuideEntry, GuideVersion, OfficialName
from glossary.services import guide_cache
from glossary.services.compiled_guide import shipped_guide_data
from glossary.services.guide_changes import (
    ENTRY_FIELDS,
    EntryChange,
    OfficialNameChange,
    apply_changes,
    shipped_change_sets,
)

__all__ = ["EntryChange", "OfficialNameChange", "publish_change", "current_version"]


def current_version() -> GuideVersion | None:
    return GuideVersion.objects.order_by("-number").first()


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _entry_values(entry) -> dict:
    return {name: getattr(entry, name) for name in ENTRY_FIELDS}


@transaction.atomic
def publish_change(actor, reason: str, *edits: EntryChange | OfficialNameChange) -> GuideVersion:
    """Publish a new version: the current entries and names, with `edits` applied.
    Refuses a change without a reason or one that changes nothing."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("Say why the guide is changing.", code="reason")
    current = GuideVersion.objects.select_for_update().order_by("-number").first()
    return _publish(GuideVersion, GuideEntry, OfficialName, current, reason, edits, actor)


def _publish(version_model, entry_model, name_model, current, reason, edits, actor=None):
    """Write the next version (current's entries and names with `edits`); the models are
    arguments so the data migration can pass its historical ones."""
    entries: dict[str, dict] = {}
    names: list[str] = []
    if current is not None:
        entries = {e.key: _entry_values(e) for e in current.entries.all()}
        names = list(current.official_names.values_list("name", flat=True))
    entries, names = apply_changes(entries, names, edits)
    version = version_model.objects.create(
        number=(current.number + 1) if current else 1,
        reason=reason,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    entry_model.objects.bulk_create(
        entry_model(version=version, key=key, **values) for key, values in entries.items()
    )
    name_model.objects.bulk_create(name_model(version=version, name=name) for name in names)
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


def publish_shipped_changes(version_model, entry_model, name_model) -> list:
    """Publish each change of glossary/data/guide_changes.json that the current version
    does not hold yet, as a new version. Takes the models as arguments so the data
    migration can pass its historical ones; running it twice publishes nothing new."""
    published = []
    for reason, edits in shipped_change_sets():
        current = version_model.objects.order_by("-number").first()
        try:
            published.append(
                _publish(version_model, entry_model, name_model, current, reason, edits)
            )
        except ValidationError as error:
            if getattr(error, "code", None) != "no_change":
                raise
    return published


def load_initial_guide() -> GuideVersion | None:
    """The shipped guide (version 1 and the shipped changes) with the current models, as
    the migrations leave it (tests that empty the database use this)."""
    version = load_guide_data(GuideVersion, GuideEntry, OfficialName)
    if version is not None:
        version = (publish_shipped_changes(GuideVersion, GuideEntry, OfficialName) or [version])[-1]
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


def search_entries(query: str):
    """Entries of the current guide whose wording, variants or advice contain every word of
    `query` (so the dictionary's search and the site search find "lag" in the guide)."""
    from django.db.models import Q

    version = current_version()
    words = query.split()
    if version is None or not words:
        return GuideEntry.objects.none()
    found = version.entries.all()
    for word in words:
        found = found.filter(
            Q(wording__icontains=word)
            | Q(variants__icontains=word)
            | Q(preferred__icontains=word)
            | Q(reason__icontains=word)
        )
    return found.order_by("wording")
