"""The criminal justice dictionary: loading the shipped terms, A to Z, and search.

The terms are written in glossary/data/dictionary.json and loaded by a data migration, so
every installation has them. Loading is safe to re-run: terms are matched by slug and
brought back to what the file says.

Search ranks in Python rather than SQL: the dictionary is a few hundred short rows, so one
query for all of them is cheaper than several ranked queries, behaves the same on SQLite and
PostgreSQL, and treats `%`, `_`, quotes or regex characters in a query as plain text.
"""

import json
import string
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from django.db.models import Prefetch

from glossary.models import DictionaryTerm
from taxonomy.models import Term, Vocabulary

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "dictionary.json"
MAX_QUERY_LENGTH = 200
LETTERS = string.ascii_uppercase
OTHER = "#"  # heading for terms that start with a digit or symbol

# Search tiers, best first.
ACRONYM, TERM_NAME, TERM_PART, DEFINITION = range(4)


def read_entries(path: Path = DATA_FILE) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))


def load_dictionary(apps, schema_editor=None, path: Path = DATA_FILE) -> int:
    """Create or update every term in the data file. Works with a migration's historical
    models (pass its `apps`) and with the real ones (pass django.apps.apps)."""
    dictionary_term = apps.get_model("glossary", "DictionaryTerm")
    term_source = apps.get_model("glossary", "TermSource")
    taxonomy_term = apps.get_model("taxonomy", "Term")
    entries = read_entries(path)
    parts = {t.slug: t for t in taxonomy_term.objects.filter(vocabulary=Vocabulary.PART)}
    by_slug = {}
    for entry in entries:
        term, _ = dictionary_term.objects.update_or_create(
            slug=entry["slug"],
            defaults={
                "term": entry["term"],
                "acronym": entry.get("acronym", ""),
                "expansion": entry.get("expansion", ""),
                "definition": entry["definition"],
                "explanation": entry.get("explanation", ""),
                "jurisdiction_note": entry.get("jurisdiction_note", ""),
                "link_in_texts": entry.get("link_in_texts", True),
            },
        )
        # Parts missing from an edited taxonomy are skipped rather than failing the load.
        term.parts.set([parts[slug] for slug in entry.get("parts", []) if slug in parts])
        term.sources.all().delete()
        term_source.objects.bulk_create(
            term_source(term=term, title=source["title"], url=source["url"])
            for source in entry.get("sources", [])
        )
        by_slug[entry["slug"]] = term
    # `related` is symmetrical: setting one side at a time would undo earlier links, so
    # each term gets the union of both directions in one go.
    related = defaultdict(set)
    for entry in entries:
        for slug in entry.get("related", []):
            if slug in by_slug and slug != entry["slug"]:
                related[entry["slug"]].add(slug)
                related[slug].add(entry["slug"])
    for slug, term in by_slug.items():
        term.related.set([by_slug[other] for other in sorted(related[slug])])
    return len(entries)


def ensure_dictionary_loaded() -> None:
    """Load the shipped terms if the table is empty (tests whose database was emptied)."""
    from django.apps import apps

    if not DictionaryTerm.objects.exists():
        load_dictionary(apps)


# --- Reading ---------------------------------------------------------------------------


def with_details(queryset):
    """Terms with everything a term page, the print view or the API shows, in a fixed
    number of queries."""
    return queryset.prefetch_related(
        Prefetch("parts", queryset=Term.objects.order_by("position")),
        Prefetch("related", queryset=DictionaryTerm.objects.order_by("term")),
        "sources",
    )


def letter_for(name: str) -> str:
    first = name.strip()[:1].upper()
    return first if first in LETTERS else OTHER


@dataclass
class LetterGroup:
    letter: str
    terms: list

    @property
    def anchor(self) -> str:
        return "letter-other" if self.letter == OTHER else f"letter-{self.letter.lower()}"


def a_to_z(terms) -> list[LetterGroup]:
    """Every letter A to Z in order, each with its terms (possibly none), then a group for
    terms that start with anything else if there are any."""
    groups = {letter: LetterGroup(letter, []) for letter in LETTERS}
    for term in terms:
        groups.setdefault(letter_for(term.term), LetterGroup(OTHER, [])).terms.append(term)
    ordered = [groups[letter] for letter in LETTERS]
    if OTHER in groups:
        ordered.append(groups[OTHER])
    return ordered


def clean_query(raw) -> str:
    """The search text as it will be used: whitespace collapsed, control characters
    dropped, at most MAX_QUERY_LENGTH characters."""
    text = "".join(ch for ch in str(raw or "") if ch.isprintable() or ch.isspace())
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def _tier(query: str, term: str, acronym: str, expansion: str, definition: str, explanation):
    if acronym and acronym.casefold() == query:
        return ACRONYM
    name = term.casefold()
    if name == query:
        return TERM_NAME
    if query in name or query in expansion.casefold():
        return TERM_PART
    if query in definition.casefold() or query in explanation.casefold():
        return DEFINITION
    return None


def search_ids(query: str) -> list[int]:
    """Ids of the terms matching `query`, best first: an acronym equal to it (ignoring
    case), then a term named exactly that, then terms whose name or expansion contains it,
    then terms whose definition or explanation contains it; A to Z within each tier."""
    query = clean_query(query).casefold()
    if not query:
        return []
    rows = DictionaryTerm.objects.values_list(
        "id", "term", "acronym", "expansion", "definition", "explanation"
    )
    ranked = []
    for pk, term, acronym, expansion, definition, explanation in rows:
        tier = _tier(query, term, acronym, expansion, definition, explanation)
        if tier is not None:
            ranked.append((tier, term.casefold(), pk))
    return [pk for _, _, pk in sorted(ranked)]


def terms_in_order(ids: list[int], queryset=None) -> list[DictionaryTerm]:
    queryset = queryset if queryset is not None else DictionaryTerm.objects.all()
    found = queryset.in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def search(query: str) -> list[DictionaryTerm]:
    return terms_in_order(search_ids(query))


def terms_for_part(part: Term):
    return part.dictionary_terms.order_by("term")
