"""Member organisations as CSV: the file format, export, and the all-or-nothing import.

The format
==========

UTF-8 text (a byte-order mark is fine: spreadsheets add one), comma-separated, the first row
holding the column names. Row numbers in messages are the ones a spreadsheet shows: the
header is row 1, the first organisation row 2.

    name                  required; the organisation's name
    slug                  optional column; the address of its profile (/members/<slug>/).
                          Used when creating an organisation and to recognise one whose name
                          changed; existing organisations keep their address.
    type                  one of charity, social_enterprise, grassroots, research,
                          association, other
    description           plain text, up to 2,000 characters
    website               a web address
    charity_number        6 or 7 digits (England and Wales), SC + 6 digits, NIC + 6 digits
    company_number        8 digits, or 2 letters and 6 digits
    size_band             blank, micro, small, medium, large or major
    lived_experience_led  yes or no
    by_and_for            yes or no
    regions               taxonomy term slugs separated by ";" (places)
    parts                 ... parts of the system
    themes                ... themes
    populations           ... populations served

and, for each network in the installation (the three columns together, or none of them):

    <network slug> status       applied, active, lapsed or left; blank = no membership
    <network slug> joined       YYYY-MM-DD or blank
    <network slug> renewal due  YYYY-MM-DD or blank

Every column above except slug and the network columns must be present. A blank cell
clears that detail; a blank status never deletes a membership (set it to "left" to end one).

Export writes exactly this format, so export then import is a lossless round trip. A cell
that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
return) is written with a leading apostrophe, and so is a cell that already starts with one;
import removes that apostrophe again.

Import
======

`plan_import` reads the whole file and checks every row with the rules of the profile form
(`OrganisationForm`) plus the file's own rules: term slugs in the right vocabulary, no
organisation twice, no registration number that belongs to a different organisation. Rows
are matched to existing organisations by charity number, then by normalised name, then by
slug. The plan says, per row, whether it would create, update or leave an organisation
unchanged; it writes nothing. `apply_plan` then writes a valid plan in one transaction with
a fixed number of set-based statements per 500 rows, and audit entries in bulk.
"""

import csv
import datetime
import io
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import connection, transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone

from core import audit
from core.lib.slugs import first_free, slug_base
from core.lib.spreadsheets import escape_cell, line_writer, unescape_cell
from core.models import AuditEntry
from members.forms import OrganisationForm
from members.models import (
    Membership,
    MembershipStatus,
    Network,
    Organisation,
    OrganisationType,
    SizeBand,
)
from members.services.identifiers import (
    normalise_charity_number,
    normalise_company_number,
    normalise_name,
)
from members.services.organisations import RESERVED_SLUGS
from taxonomy.models import Term, Vocabulary

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

PROGRESS_EVERY = 200
WRITE_BATCH = 500
MAX_PROBLEMS = 500
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SAVE_AS_UTF8 = (
    'In your spreadsheet choose "Save as" and the file type "CSV UTF-8 (comma delimited)", '
    "then upload that file."
)


class CsvFileError(Exception):
    """The file as a whole cannot be used; the message says why, in plain words."""


# ---------------------------------------------------------------------------------------------
# Cells


def format_bool(value: bool) -> str:
    return YES if value else NO


def network_columns(network: Network) -> list[str]:
    return [f"{network.slug} {suffix}" for suffix in MEMBERSHIP_SUFFIXES]


def header_for(networks: Iterable[Network]) -> list[str]:
    columns = list(ORGANISATION_COLUMNS)
    for network in networks:
        columns.extend(network_columns(network))
    return columns


def _canonical_header(cell: str) -> str:
    return " ".join(cell.strip().lower().replace("_", " ").split())


# ---------------------------------------------------------------------------------------------
# Export


EXPORT_CHUNK = 500


def organisation_row(
    organisation: Organisation,
    networks: list[Network],
    term_slugs: dict[str, list[str]],
    memberships: dict[int, Membership],
) -> list[str]:
    """One organisation's cells. `term_slugs` (column -> slugs) and `memberships` (network id
    -> membership) are this organisation's, read in bulk by `export_lines`."""
    cells = [
        organisation.name,
        organisation.slug,
        organisation.org_type,
        organisation.description,
        organisation.website,
        organisation.charity_number or "",
        organisation.company_number or "",
        organisation.size_band,
        format_bool(organisation.lived_experience_led),
        format_bool(organisation.by_and_for),
    ]
    for column in TERM_COLUMNS:
        cells.append(TERM_SEPARATOR.join(sorted(term_slugs.get(column, ()))))
    for network in networks:
        membership = memberships.get(network.pk)
        if membership is None:
            cells.extend(["", "", ""])
        else:
            cells.extend(
                [
                    membership.status,
                    membership.joined_on.isoformat() if membership.joined_on else "",
                    membership.renewal_due.isoformat() if membership.renewal_due else "",
                ]
            )
    return [escape_cell(cell) for cell in cells]


def export_lines(queryset=None, chunk_size: int = EXPORT_CHUNK) -> Iterator[str]:
    """The CSV line by line, starting with a byte-order mark so spreadsheets read UTF-8.

    `queryset` (every organisation by default) is exported in name order. Three queries
    up front, then six per `chunk_size` organisations (the organisations, their four kinds
    of tag and their memberships), read as plain values: memory stays flat and the
    count of queries does not grow with each organisation.
    """
    queryset = Organisation.objects.all() if queryset is None else queryset
    networks = list(Network.objects.order_by("slug"))
    slug_of_term = dict(Term.objects.values_list("pk", "slug"))
    ids = list(queryset.order_by("name", "pk").values_list("pk", flat=True))
    writer = line_writer()
    yield "\ufeff" + writer.writerow(header_for(networks))
    for chunk in _chunks(ids, chunk_size):
        organisations = Organisation.objects.in_bulk(chunk)
        tags: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for column in TERM_COLUMNS:
            through = getattr(Organisation, column).through
            pairs = through.objects.filter(organisation_id__in=chunk)
            for org_id, term_id in pairs.values_list("organisation_id", "term_id"):
                tags[org_id][column].append(slug_of_term[term_id])
        memberships: dict[int, dict[int, Membership]] = defaultdict(dict)
        for membership in Membership.objects.filter(organisation_id__in=chunk).order_by():
            memberships[membership.organisation_id][membership.network_id] = membership
        for pk in chunk:
            row = organisation_row(organisations[pk], networks, tags[pk], memberships[pk])
            yield writer.writerow(row)


def export_csv(queryset=None) -> str:
    return "".join(export_lines(queryset))


# ---------------------------------------------------------------------------------------------
# Reading a file


def decode_csv_bytes(data: bytes) -> str:
    """The text of an uploaded CSV, or a CsvFileError that tells the person what to do."""
    if not data.strip(b" \t\r\n\xef\xbb\xbf"):
        raise CsvFileError("The file is empty. Choose a CSV file with a header row and data.")
    if data.startswith(b"PK\x03\x04"):
        raise CsvFileError(
            "This looks like an Excel workbook (.xlsx), not a CSV file. " + SAVE_AS_UTF8
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise CsvFileError("The file is saved as UTF-16 (Unicode text). " + SAVE_AS_UTF8)
    if b"\x00" in data:
        raise CsvFileError("This file is not CSV text: it contains binary data. " + SAVE_AS_UTF8)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise CsvFileError(
            f"The file is not UTF-8 text (the first character that is not is on line {line}). "
            + SAVE_AS_UTF8
        ) from error
    if any(ch < " " and ch not in "\t\r\n" for ch in text):
        raise CsvFileError(
            "This file is not CSV text: it contains control characters. " + SAVE_AS_UTF8
        )
    return text


def read_upload(upload) -> str:
    """Decode an UploadedFile, refusing one over MAX_UPLOAD_BYTES before reading it."""
    limit = settings.MAX_UPLOAD_BYTES
    if upload.size is None or upload.size > limit:
        raise CsvFileError(too_large_message(upload.size or 0))
    return decode_csv_bytes(upload.read(limit + 1))


def too_large_message(size: int) -> str:
    return (
        f"The file is too large ({filesizeformat(size)}). The largest file you can upload is "
        f"{filesizeformat(settings.MAX_UPLOAD_BYTES)}: split it into smaller files, or ask an "
        "administrator to run `manage.py import_members`."
    )


# ---------------------------------------------------------------------------------------------
# The plan


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the file. `row` is None for the file as a whole."""

    message: str
    row: int | None = None
    column: str = ""

    def __str__(self) -> str:
        if self.row is None:
            return self.message
        if self.column:
            return f"Row {self.row}, {self.column}: {self.message}"
        return f"Row {self.row}: {self.message}"


@dataclass
class RowPlan:
    row: int
    action: str  # "create", "update" or "unchanged"
    organisation: Organisation  # the existing record, or a new unsaved one
    values: dict  # scalar field -> new value, already normalised as save() would
    terms: dict[str, frozenset[int]]  # column -> term ids
    memberships: dict[int, tuple]  # network id -> (status, joined_on, renewal_due)
    changes: list[str] = field(default_factory=list)  # column names that differ
    slug: str = ""
    organisation_changed: bool = False  # scalars or tags differ (memberships aside)

    @property
    def name(self) -> str:
        return self.values.get("name") or self.organisation.name


ACTIONS = ("create", "update", "unchanged")


@dataclass
class ImportPlan:
    rows: list[RowPlan] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0
    total_rows: int = 0
    networks: list[Network] = field(default_factory=list)  # those with columns in the file
    existing_memberships: dict = field(default_factory=dict)
    existing_terms: dict = field(default_factory=dict)
    terms_by_id: dict = field(default_factory=dict)

    @property
    def is_valid(self) -> bool:
        return self.problem_count == 0 and self.total_rows > 0

    def add_problem(self, message: str, row: int | None = None, column: str = "") -> None:
        self.problem_count += 1
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(Problem(message, row, column))

    def rows_to(self, action: str) -> list[RowPlan]:
        return [row for row in self.rows if row.action == action]

    @property
    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(ACTIONS, 0)
        for row in self.rows:
            counts[row.action] += 1
        return counts


class _SharedFields(dict):
    """Form fields that every row's form shares instead of deep-copying.

    A form deep-copies its fields so one instance may change them; the import's forms only
    read them, and copying nine fields for each of 10,000 rows was half the time of a check.
    """

    def __deepcopy__(self, memo):
        return self


class _RowForm(OrganisationForm):
    """The profile form's rules for one row. Tags and uniqueness are checked for the whole
    file at once (against data loaded once), not with a query per row."""

    class Meta(OrganisationForm.Meta):
        fields = [f for f in OrganisationForm.Meta.fields if f not in TERM_COLUMNS]

    def validate_unique(self):
        pass


_RowForm.base_fields["name"].error_messages["required"] = "Enter the organisation's name."
_RowForm.base_fields = _SharedFields(_RowForm.base_fields)


class _Existing:
    """Everything already in the database that a row is compared with, loaded once."""

    def __init__(self):
        self.organisations = {org.pk: org for org in Organisation.objects.order_by("pk")}
        self.by_charity, self.by_company, self.by_slug = {}, {}, {}
        self.by_name = defaultdict(list)
        for org in self.organisations.values():
            if org.charity_number:
                self.by_charity[org.charity_number] = org
            if org.company_number:
                self.by_company[org.company_number] = org
            self.by_slug[org.slug] = org
            self.by_name[org.normalised_name].append(org)
        self.terms = {column: defaultdict(set) for column in TERM_COLUMNS}
        for column in TERM_COLUMNS:
            through = getattr(Organisation, column).through
            for org_id, term_id in through.objects.values_list("organisation_id", "term_id"):
                self.terms[column][org_id].add(term_id)
        self.memberships = {
            (m.organisation_id, m.network_id): m for m in Membership.objects.order_by("pk")
        }


def _different_organisation(organisation: Organisation, charity_number, slug: str) -> bool:
    """Whether a row with this organisation's name is another organisation of the same name:
    its charity number and its slug both differ from this one's."""
    return bool(
        organisation.charity_number
        and charity_number
        and organisation.charity_number != charity_number
        and slug
        and organisation.slug != slug
    )


def _parse_bool(value: str) -> bool | None:
    text = value.strip().lower()
    if text in {"yes", "y", "true", "1"}:
        return True
    if text in {"no", "n", "false", "0", ""}:
        return False
    return None


def _parse_date(value: str) -> datetime.date | None:
    """A date written YYYY-MM-DD; raises ValueError for anything else."""
    text = value.strip()
    if not ISO_DATE.match(text):
        raise ValueError
    return datetime.date.fromisoformat(text)


def _choice_lookup(choices) -> dict[str, str]:
    lookup = {}
    for value, label in choices:
        lookup[value.lower()] = value
        lookup[label.lower()] = value
    return lookup


class _Header:
    """Where each known column sits in the file, or the problems with the header."""

    def __init__(self, cells: list[str], networks: list[Network], plan: ImportPlan):
        self.width = len(cells)
        self.index: dict[str, int] = {}
        self.network_index: dict[int, tuple[int, int, int]] = {}
        self.unnamed: list[int] = []
        known = {_canonical_header(c): c for c in ORGANISATION_COLUMNS}
        network_headers = {}
        for network in networks:
            for position, column in enumerate(network_columns(network)):
                network_headers[_canonical_header(column)] = (network, position, column)
        found_networks: dict[int, dict[int, int]] = defaultdict(dict)
        unknown, repeated, seen = [], [], set()
        for position, cell in enumerate(cells):
            key = _canonical_header(cell)
            if not key:
                # Spreadsheets often save empty trailing columns; harmless while empty.
                self.unnamed.append(position)
                continue
            if key in seen:
                repeated.append(cell.strip())
                continue
            seen.add(key)
            if key in known:
                self.index[known[key]] = position
            elif key in network_headers:
                network, part, _column = network_headers[key]
                found_networks[network.pk][part] = position
            else:
                unknown.append(cell.strip())
        if len(cells) == 1 and (";" in cells[0] or "\t" in cells[0]):
            plan.add_problem(
                "The columns seem to be separated by semicolons or tabs. The file must use "
                "commas. " + SAVE_AS_UTF8
            )
            return
        missing = [
            c for c in ORGANISATION_COLUMNS if c not in self.index and c not in OPTIONAL_COLUMNS
        ]
        if missing:
            plan.add_problem("These required columns are missing: " + ", ".join(missing) + ".")
        if unknown:
            plan.add_problem(
                "These columns are not recognised: "
                + ", ".join(unknown)
                + ". Remove them, or check their spelling against the list of columns."
            )
        if repeated:
            plan.add_problem("These columns appear more than once: " + ", ".join(repeated) + ".")
        for network in networks:
            parts = found_networks.get(network.pk, {})
            if parts and len(parts) < len(MEMBERSHIP_SUFFIXES):
                absent = [network_columns(network)[i] for i in range(3) if i not in parts]
                plan.add_problem(
                    f"The {network.slug} membership columns come in threes; add "
                    + ", ".join(absent)
                    + f", or remove the other {network.slug} columns."
                )
            elif parts:
                self.network_index[network.pk] = (parts[0], parts[1], parts[2])
                plan.networks.append(network)


def _read_records(text: str, plan: ImportPlan) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and the non-blank rows with their spreadsheet row numbers."""
    records = []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header: list[str] = []
    number = 0
    try:
        for number, record in enumerate(reader, start=1):
            if number == 1:
                header = record
            elif any(cell.strip() for cell in record):
                records.append((number, record))
    except csv.Error as error:
        plan.add_problem(
            f"Row {number + 1} could not be read as CSV ({error}). Nothing was imported."
        )
    return header, records


class _Planner:
    def __init__(self, plan: ImportPlan, header: _Header, networks: list[Network]):
        self.plan = plan
        self.header = header
        self.existing = _Existing()
        self.networks = {n.pk: n for n in networks}
        terms = list(Term.objects.all())
        self.terms_by_id = {term.pk: term for term in terms}
        self.terms_by_slug = {term.slug: term for term in terms}
        self.types = _choice_lookup(OrganisationType.choices)
        self.sizes = _choice_lookup(SizeBand.choices)
        self.statuses = _choice_lookup(MembershipStatus.choices)
        # Identifier -> the first row that used it, to name both rows of a duplicate.
        self.seen: dict[str, dict[str, int]] = defaultdict(dict)
        self.seen_names: dict[str, list[tuple]] = defaultdict(list)
        self.matched_rows: dict[int, int] = {}  # existing organisation pk -> row
        plan.existing_memberships = self.existing.memberships
        plan.existing_terms = self.existing.terms
        plan.terms_by_id = self.terms_by_id

    def problem(self, row: int, column: str, message: str) -> None:
        self.plan.add_problem(message, row, column)

    def cell(self, record: list[str], column: str) -> str:
        position = self.header.index.get(column)
        return "" if position is None else unescape_cell(record[position])

    # -- one row -------------------------------------------------------------------------------

    def plan_row(self, number: int, record: list[str]) -> RowPlan | None:
        if len(record) != self.header.width:
            self.problem(
                number,
                "",
                f"it has {len(record)} cells but the header has {self.header.width} columns. "
                "Check for a stray comma or a missing quote.",
            )
            return None
        before = self.plan.problem_count
        for position in self.header.unnamed:
            if record[position].strip():
                self.problem(
                    number,
                    "",
                    f"column {position + 1} has a value but no heading. Add its heading to row "
                    "1, or remove the value.",
                )
        values = self.scalar_values(number, record)
        terms = self.term_values(number, record)
        memberships = self.membership_values(number, record)
        slug = self.slug_value(number, record)
        if values is None:
            self.note_name_only(number, record)
            return None
        self.check_duplicates(number, values, slug)
        organisation = self.match(number, values, slug)
        if self.plan.problem_count > before:
            return None
        return self.compare(number, organisation, values, terms, memberships, slug)

    def scalar_values(self, number: int, record: list[str]) -> dict | None:
        data, reported = {}, set()
        for column, field_name in SCALAR_COLUMNS.items():
            data[field_name] = self.cell(record, column)
        for column in ("lived_experience_led", "by_and_for"):
            parsed = _parse_bool(data[column])
            if parsed is None:
                self.problem(number, column, f'Enter yes or no, not "{data[column].strip()}".')
                reported.add(column)
            data[column] = bool(parsed)
        for column, field_name, lookup in (
            ("type", "org_type", self.types),
            ("size_band", "size_band", self.sizes),
        ):
            text = data[field_name].strip()
            if text.lower() in lookup:
                data[field_name] = lookup[text.lower()]
            elif text or column == "type":
                allowed = list(dict.fromkeys(lookup.values()))
                self.problem(
                    number,
                    column,
                    f'"{text}" is not one of: {", ".join(allowed)}'
                    + (" (or blank)." if column == "size_band" else "."),
                )
                reported.add(field_name)
                data[field_name] = ""
        form = _RowForm(data)
        if not form.is_valid() or reported:
            columns = {v: k for k, v in SCALAR_COLUMNS.items()}
            for field_name, errors in form.errors.items():
                if field_name in reported:
                    continue
                for error in errors:
                    self.problem(number, columns.get(field_name, ""), error)
            return None
        values = {name: form.cleaned_data[name] for name in SCALAR_FIELDS}
        values["charity_number"] = normalise_charity_number(values["charity_number"]) or None
        values["company_number"] = normalise_company_number(values["company_number"]) or None
        return values

    def note_name_only(self, number: int, record: list[str]) -> None:
        """A row with other errors still takes its name, so a later duplicate is reported."""
        name = normalise_name(self.cell(record, "name"))
        if name:
            self.seen_names[name].append((number, None, ""))

    def term_values(self, number: int, record: list[str]) -> dict[str, frozenset[int]]:
        result = {}
        for column, (vocabulary, noun) in TERM_COLUMNS.items():
            ids = set()
            for raw in self.cell(record, column).split(TERM_SEPARATOR):
                slug = raw.strip().lower()
                if not slug:
                    continue
                term = self.terms_by_slug.get(slug)
                if term is None:
                    self.problem(
                        number,
                        column,
                        f'"{raw.strip()}" is not a {noun}. Use the slugs listed on the import '
                        "page, separated by semicolons.",
                    )
                elif term.vocabulary != vocabulary:
                    right = next(c for c, (v, _n) in TERM_COLUMNS.items() if v == term.vocabulary)
                    self.problem(
                        number,
                        column,
                        f'"{slug}" is a {TERM_COLUMNS[right][1]}, not a {noun}: put it in the '
                        f"{right} column.",
                    )
                else:
                    ids.add(term.pk)
            result[column] = frozenset(ids)
        return result

    def membership_values(self, number: int, record: list[str]) -> dict[int, tuple]:
        result = {}
        for network_id, positions in self.header.network_index.items():
            network = self.networks[network_id]
            status_col, joined_col, renewal_col = network_columns(network)
            status_text, joined_text, renewal_text = (
                unescape_cell(record[p]).strip() for p in positions
            )
            dates = []
            for column, text in ((joined_col, joined_text), (renewal_col, renewal_text)):
                try:
                    dates.append(_parse_date(text) if text else None)
                except ValueError:
                    self.problem(
                        number,
                        column,
                        f'"{text}" is not a date written YYYY-MM-DD (for example 2025-04-01).',
                    )
                    dates.append(None)
            if not status_text:
                if joined_text or renewal_text:
                    self.problem(
                        number,
                        status_col,
                        "Give a status (applied, active, lapsed or left) when there are "
                        "membership dates, or leave the dates blank.",
                    )
                continue
            status = self.statuses.get(status_text.lower())
            if status is None:
                self.problem(
                    number,
                    status_col,
                    f'"{status_text}" is not a membership status. Enter applied, active, '
                    "lapsed or left, or leave it blank for no membership.",
                )
                continue
            result[network_id] = (status, dates[0], dates[1])
        return result

    def slug_value(self, number: int, record: list[str]) -> str:
        slug = self.cell(record, "slug").strip()
        if not slug:
            return ""
        try:
            validate_slug(slug)
        except ValidationError:
            self.problem(
                number,
                "slug",
                f'"{slug}" is not a valid slug: use only lower-case letters, numbers and hyphens.',
            )
            return ""
        max_length = Organisation._meta.get_field("slug").max_length
        if len(slug) > max_length or slug in RESERVED_SLUGS:
            self.problem(number, "slug", f'"{slug}" cannot be used as an address; leave it blank.')
            return ""
        return slug

    def check_duplicates(self, number: int, values: dict, slug: str) -> None:
        """No organisation twice: the same registration number or slug on two rows is an
        error, and so is the same name unless charity numbers or slugs tell the rows apart."""
        for column in ("charity_number", "company_number", "slug"):
            key = slug if column == "slug" else values[column]
            if not key:
                continue
            first = self.seen[column].setdefault(key, number)
            if first != number:
                self.duplicate(number, column, first, "the same value as")
        name = normalise_name(values["name"])
        earlier = self.seen_names[name]
        for first, charity_number, first_slug in earlier:
            distinct = (
                charity_number
                and values["charity_number"]
                and charity_number != values["charity_number"]
            ) or (first_slug and slug and first_slug != slug)
            if not distinct:
                self.duplicate(number, "name", first, "a name that matches")
                break
        earlier.append((number, values["charity_number"], slug))

    def duplicate(self, number: int, column: str, first: int, what: str) -> None:
        self.problem(
            number,
            column,
            f"this row has {what} row {first}. Each organisation may appear only once in the "
            f"file: merge rows {first} and {number}.",
        )

    def match(self, number: int, values: dict, slug: str) -> Organisation | None:
        """The existing organisation this row describes, if any (problems are recorded)."""
        existing = self.existing
        organisation = existing.by_charity.get(values["charity_number"] or "")
        if organisation is None:
            candidates = [
                org
                for org in existing.by_name.get(normalise_name(values["name"]), [])
                if not _different_organisation(org, values["charity_number"], slug)
            ]
            if len(candidates) > 1:
                chosen = [org for org in candidates if slug and org.slug == slug]
                if not chosen:
                    self.problem(
                        number,
                        "name",
                        f"{len(candidates)} organisations already have this name. Add the slug "
                        "column (or a charity number) to say which one this row is.",
                    )
                    return None
                candidates = chosen
            organisation = candidates[0] if candidates else None
            if organisation is None and slug:
                organisation = existing.by_slug.get(slug)
            if (
                organisation is not None
                and organisation.charity_number
                and values["charity_number"]
                and organisation.charity_number != values["charity_number"]
            ):
                self.problem(
                    number,
                    "charity_number",
                    f'"{organisation.name}" already exists with charity number '
                    f"{organisation.charity_number}. Correct the number, or give a different "
                    "organisation a name of its own.",
                )
                return None
        for column, index in (("company_number", existing.by_company), ("slug", existing.by_slug)):
            key = values.get(column) if column != "slug" else slug
            owner = index.get(key or "")
            if owner is not None and owner != organisation:
                self.problem(
                    number,
                    column,
                    f'{key} already belongs to "{owner.name}", a different organisation.',
                )
                return None
        if organisation is not None:
            first = self.matched_rows.setdefault(organisation.pk, number)
            if first != number:
                self.problem(
                    number,
                    "",
                    f'rows {first} and {number} both describe "{organisation.name}". Merge them '
                    "into one row.",
                )
                return None
        return organisation

    def compare(self, number, organisation, values, terms, memberships, slug) -> RowPlan:
        if organisation is None:
            return RowPlan(
                row=number,
                action="create",
                organisation=Organisation(),
                values=values,
                terms=terms,
                memberships=memberships,
                slug=slug,
                organisation_changed=True,
            )
        changes = []
        columns = {v: k for k, v in SCALAR_COLUMNS.items()}
        for field_name in SCALAR_FIELDS:
            if getattr(organisation, field_name) != values[field_name]:
                changes.append(columns[field_name])
        for column in TERM_COLUMNS:
            if self.existing.terms[column].get(organisation.pk, set()) != terms[column]:
                changes.append(column)
        organisation_changed = bool(changes)
        for network_id, wanted in memberships.items():
            current = self.existing.memberships.get((organisation.pk, network_id))
            have = (current.status, current.joined_on, current.renewal_due) if current else None
            if have != wanted:
                changes.append(self.networks[network_id].slug + " membership")
        return RowPlan(
            row=number,
            action="update" if changes else "unchanged",
            organisation=organisation,
            values=values,
            terms=terms,
            memberships=memberships,
            changes=changes,
            organisation_changed=organisation_changed,
        )

    # -- after every row -----------------------------------------------------------------------

    def assign_slugs(self) -> None:
        """Addresses for new organisations that did not bring one, clear of every other."""
        taken = set(self.existing.by_slug) | {r.slug for r in self.plan.rows if r.slug}
        for row in self.plan.rows:
            if row.action != "create" or row.slug:
                continue
            base = slug_base(row.values["name"], fallback="organisation", reserved=RESERVED_SLUGS)
            slug = first_free(base, taken)
            taken.add(slug)
            row.slug = slug


def plan_import(
    text: str,
    progress: Callable[[int, int], None] | None = None,
    progress_every: int = PROGRESS_EVERY,
) -> ImportPlan:
    """Check every row and work out what importing `text` would do. Writes nothing.

    `progress(done, total)` is called every `progress_every` rows and once at the end.
    """
    plan = ImportPlan()
    header_cells, records = _read_records(text.removeprefix("\ufeff"), plan)
    if plan.problem_count:
        return plan
    if not any(cell.strip() for cell in header_cells):
        plan.add_problem("The file has no header row. The first row must name the columns.")
        return plan
    networks = list(Network.objects.order_by("slug"))
    header = _Header(header_cells, networks, plan)
    if plan.problem_count:
        return plan
    plan.total_rows = len(records)
    if not records:
        plan.add_problem("The file has a header row but no organisations in it.")
        return plan
    planner = _Planner(plan, header, networks)
    for done, (number, record) in enumerate(records, start=1):
        row_plan = planner.plan_row(number, record)
        if row_plan is not None:
            plan.rows.append(row_plan)
        if progress is not None and done % progress_every == 0:
            progress(done, plan.total_rows)
    planner.assign_slugs()
    if progress is not None:
        progress(plan.total_rows, plan.total_rows)
    return plan


# ---------------------------------------------------------------------------------------------
# Writing


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    audit_entries: int = 0


def _organisation_snapshot(values: dict, terms: dict, terms_by_id: dict) -> dict:
    """What core.audit.snapshot would record, built from values already in memory."""
    snapshot = dict(values)
    for column in TERM_COLUMNS:
        snapshot[column] = sorted(str(terms_by_id[pk]) for pk in terms.get(column, ()))
    return snapshot


def _organisation_values(organisation: Organisation) -> dict:
    skip = {"id", "created_at", "updated_at"}
    return {
        f.name: f.value_from_object(organisation)
        for f in Organisation._meta.concrete_fields
        if f.name not in skip
    }


def _membership_snapshot(membership: Membership | None) -> dict:
    if membership is None:
        return {}
    return {
        "organisation": str(membership.organisation),
        "network": str(membership.network),
        "status": membership.status,
        "joined_on": membership.joined_on.isoformat() if membership.joined_on else None,
        "renewal_due": membership.renewal_due.isoformat() if membership.renewal_due else None,
    }


def _chunks(items: list, size: int = WRITE_BATCH) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _update_by_pk(model, objects: list, field_names: list[str]) -> None:
    """Save `field_names` of each object: one parameterised UPDATE, sent with executemany.

    QuerySet.bulk_update builds a CASE expression per field per object in Python, which
    took 15 seconds for 10,000 organisations; this takes a fraction of one. Values go
    through each field's own get_db_prep_save, exactly as Model.save() sends them.
    """
    if not objects:
        return
    meta = model._meta
    fields = [meta.get_field(name) for name in field_names]
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(f.column)} = %s" for f in fields)
    sql = f"UPDATE {quote(meta.db_table)} SET {assignments} WHERE {quote(meta.pk.column)} = %s"  # noqa: S608 - names are quoted model metadata, values are parameters
    params = [
        [f.get_db_prep_save(getattr(obj, f.attname), connection) for f in fields] + [obj.pk]
        for obj in objects
    ]
    with connection.cursor() as cursor:
        for chunk in _chunks(params):
            cursor.executemany(sql, chunk)


def apply_plan(plan: ImportPlan, actor=None, actor_label: str = "") -> ImportResult:
    """Write a valid plan in one transaction: everything or, on any error, nothing.

    Statements are set-based (bulk inserts and updates, 500 rows at a time), so the
    number of queries grows with the file in steps of 500 rows, never per row.
    """
    if not plan.is_valid:
        raise ValueError("Only a plan without problems can be imported.")
    result = ImportResult(unchanged=plan.counts["unchanged"])
    now = timezone.now()
    user = actor if getattr(actor, "is_authenticated", False) else None
    label = str(actor) if actor is not None else (actor_label or "CSV import")
    entries: list[AuditEntry] = []
    org_type = ContentType.objects.get_for_model(Organisation)
    membership_type = ContentType.objects.get_for_model(Membership)
    networks = {n.pk: n for n in plan.networks}

    def entry(content_type, obj, before, after):
        changes = audit.diff(before, after)
        if changes:
            entries.append(
                AuditEntry(
                    actor=user,
                    actor_label=label,
                    action=AuditEntry.Action.UPDATE if before else AuditEntry.Action.CREATE,
                    content_type=content_type,
                    object_id=str(obj.pk),
                    object_repr=str(obj)[:300],
                    changes=changes,
                    created_at=now,
                )
            )

    creates = plan.rows_to("create")
    updates = plan.rows_to("update")
    with transaction.atomic():
        # Organisations: new ones in bulk, then the changed ones.
        befores = {}
        for row in updates:
            org = row.organisation
            if row.organisation_changed:
                befores[org.pk] = _organisation_snapshot(
                    _organisation_values(org),
                    {c: plan.existing_terms[c].get(org.pk, ()) for c in TERM_COLUMNS},
                    plan.terms_by_id,
                )
        new_organisations = []
        for row in creates:
            org = Organisation(slug=row.slug, **row.values)
            org.normalised_name = normalise_name(org.name)
            new_organisations.append(org)
            row.organisation = org
        Organisation.objects.bulk_create(new_organisations, batch_size=WRITE_BATCH)
        changed = [row for row in updates if row.organisation_changed]
        for row in changed:
            org = row.organisation
            for name, value in row.values.items():
                setattr(org, name, value)
            org.normalised_name = normalise_name(org.name)
            org.updated_at = now  # bulk_update does not touch auto_now fields itself
        _update_by_pk(
            Organisation,
            [row.organisation for row in changed],
            [*SCALAR_FIELDS, "normalised_name", "updated_at"],
        )
        # Tags: replace the sets that changed, add the new organisations' sets.
        for column in TERM_COLUMNS:
            through = getattr(Organisation, column).through
            replaced = [
                row.organisation.pk
                for row in changed
                if plan.existing_terms[column].get(row.organisation.pk, set()) != row.terms[column]
            ]
            for ids in _chunks(replaced):
                through.objects.filter(organisation_id__in=ids).delete()
            replaced_set = set(replaced)
            links = [
                through(organisation_id=row.organisation.pk, term_id=term_id)
                for row in [*creates, *changed]
                if row.action == "create" or row.organisation.pk in replaced_set
                for term_id in sorted(row.terms[column])
            ]
            through.objects.bulk_create(links, batch_size=WRITE_BATCH)
        for row in creates:
            after = _organisation_snapshot(
                _organisation_values(row.organisation), row.terms, plan.terms_by_id
            )
            entry(org_type, row.organisation, {}, after)
        for row in changed:
            after = _organisation_snapshot(
                _organisation_values(row.organisation), row.terms, plan.terms_by_id
            )
            entry(org_type, row.organisation, befores[row.organisation.pk], after)
        # Memberships.
        new_memberships, changed_memberships = [], []
        for row in [*creates, *updates]:
            for network_id, (status, joined_on, renewal_due) in row.memberships.items():
                current = plan.existing_memberships.get((row.organisation.pk, network_id))
                if current is None:
                    membership = Membership(
                        organisation=row.organisation,
                        network=networks[network_id],
                        status=status,
                        joined_on=joined_on,
                        renewal_due=renewal_due,
                    )
                    new_memberships.append((membership, {}))
                elif (current.status, current.joined_on, current.renewal_due) != (
                    status,
                    joined_on,
                    renewal_due,
                ):
                    current.organisation = row.organisation
                    current.network = networks[network_id]
                    before = _membership_snapshot(current)
                    current.status, current.joined_on = status, joined_on
                    current.renewal_due = renewal_due
                    changed_memberships.append((current, before))
        Membership.objects.bulk_create([m for m, _ in new_memberships], batch_size=WRITE_BATCH)
        _update_by_pk(
            Membership,
            [m for m, _ in changed_memberships],
            ["status", "joined_on", "renewal_due"],
        )
        for membership, before in [*new_memberships, *changed_memberships]:
            entry(membership_type, membership, before, _membership_snapshot(membership))
        AuditEntry.objects.bulk_create(entries, batch_size=WRITE_BATCH)
    result.created = len(creates)
    result.updated = len(updates)
    result.audit_entries = len(entries)
    return result
