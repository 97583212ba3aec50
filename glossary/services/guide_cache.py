"""The current language guide, compiled once and kept in memory for every check.

`get_compiled_guide()` keeps the compiled guide keyed by the guide's version number, the
dictionary's count and last change, and the members directory's (whose organisations' names
are official names to the checker), and asks the database at most once a minute whether that
key has changed; saving or deleting a guide, dictionary or organisation row in this process
drops the cache at once. Models are imported inside the functions, so the checker can be
imported (by the benchmarks) without Django configured.
"""

from __future__ import annotations

import contextlib
import threading
import time

from glossary.services.compiled_guide import CompiledGuide, compile_guide

# How often a process asks the database whether the guide or dictionary changed.
REVALIDATE_SECONDS = 60

_lock = threading.Lock()
_cached: CompiledGuide | None = None
_checked_at = 0.0


def invalidate() -> None:
    """Forget the compiled guide; the next check compiles the current one."""
    global _cached, _checked_at
    with _lock:
        _cached, _checked_at = None, 0.0


def current_stamp() -> tuple:
    """What the compiled guide depends on: the guide's version number, the dictionary's
    size and last change, and the members directory's. Three small aggregate queries."""
    from django.db.models import Count, Max

    from glossary.models import DictionaryTerm, GuideVersion
    from members.services.directory import names_stamp

    number = GuideVersion.objects.aggregate(number=Max("number"))["number"]
    dictionary = DictionaryTerm.objects.aggregate(count=Count("id"), latest=Max("updated_at"))
    return (number, dictionary["count"], dictionary["latest"], *names_stamp())


def load_compiled_guide(stamp: tuple | None = None) -> CompiledGuide:
    """Compile the current guide version, the dictionary and the directory's names from the
    database."""
    from glossary.models import DictionaryTerm, GuideEntry, GuideVersion, OfficialName
    from members.services.directory import organisation_names

    stamp = stamp if stamp is not None else current_stamp()
    version = GuideVersion.objects.filter(number=stamp[0]).first() if stamp[0] else None
    entries, names = [], []
    if version is not None:
        entries = list(
            GuideEntry.objects.filter(version=version).values(
                "key", "wording", "variants", "preferred", "reason", "category", "severity"
            )
        )
        names = list(OfficialName.objects.filter(version=version).values_list("name", flat=True))
    dictionary = DictionaryTerm.objects.all()
    if any(f.name == "link_in_texts" for f in DictionaryTerm._meta.get_fields()):
        # Everyday words the dictionary also explains ('fine', 'charge') are not jargon.
        dictionary = dictionary.filter(link_in_texts=True)
    dictionary = dictionary.values("term", "acronym", "expansion", "definition")
    return compile_guide(
        entries,
        names,
        list(dictionary),
        version=version.number if version else None,
        stamp=stamp,
        directory_names=organisation_names(),
    )


def get_compiled_guide() -> CompiledGuide:
    global _cached, _checked_at
    guide, now = _cached, time.monotonic()
    if guide is not None and now - _checked_at < REVALIDATE_SECONDS:
        return guide
    with _lock:
        stamp = current_stamp()
        if _cached is None or _cached.stamp != stamp:
            _cached = load_compiled_guide(stamp)
        _checked_at = time.monotonic()
        return _cached


def _connect_signals() -> None:
    from django.db.models.signals import post_delete, post_save

    from glossary.models import DictionaryTerm, GuideEntry, GuideVersion, OfficialName
    from members.models import Organisation

    for model in (DictionaryTerm, GuideVersion, GuideEntry, OfficialName, Organisation):
        for signal in (post_save, post_delete):
            signal.connect(
                _on_change, sender=model, dispatch_uid=f"checker-{signal}-{model.__name__}"
            )


def _on_change(**kwargs) -> None:
    invalidate()


# Without Django configured (the benchmark), there is nothing to listen to.
with contextlib.suppress(Exception):
    _connect_signals()
