"""The file's columns: their names, what each fills, and the header a file must carry.

The format itself is described in the package's docstring (members/services/csv/__init__.py).
"""

from collections.abc import Iterable

from members.models import Network
from taxonomy.models import Vocabulary

# Column name -> the form/model field it fills.
SCALAR_COLUMNS = {
    "name": "name",
    "type": "org_type",
    "description": "description",
    "website": "website",
    "charity_number": "charity_number",
    "company_number": "company_number",
    "size_band": "size_band",
    "lived_experience_led": "lived_experience_led",
    "by_and_for": "by_and_for",
}
# Column name (= Organisation many-to-many field) -> vocabulary, and what one term is called.
TERM_COLUMNS = {
    "regions": (Vocabulary.PLACE, "region"),
    "parts": (Vocabulary.PART, "part of the system"),
    "themes": (Vocabulary.THEME, "theme"),
    "populations": (Vocabulary.POPULATION, "population"),
}
ORGANISATION_COLUMNS = [
    "name",
    "slug",
    "type",
    "description",
    "website",
    "charity_number",
    "company_number",
    "size_band",
    "lived_experience_led",
    "by_and_for",
    "regions",
    "parts",
    "themes",
    "populations",
]
OPTIONAL_COLUMNS = {"slug"}
MEMBERSHIP_SUFFIXES = ("status", "joined", "renewal due")
SCALAR_FIELDS = list(SCALAR_COLUMNS.values())
TERM_SEPARATOR = ";"
YES, NO = "yes", "no"


def format_bool(value: bool) -> str:
    return YES if value else NO


def network_columns(network: Network) -> list[str]:
    return [f"{network.slug} {suffix}" for suffix in MEMBERSHIP_SUFFIXES]


def header_for(networks: Iterable[Network]) -> list[str]:
    columns = list(ORGANISATION_COLUMNS)
    for network in networks:
        columns.extend(network_columns(network))
    return columns


def canonical_header(cell: str) -> str:
    return " ".join(cell.strip().lower().replace("_", " ").split())
