"""Reading an uploaded file: its bytes as text, its text as rows, and its header row.

Everything here is about the file as a whole; the rows' contents are checked in
`validation` and `matching`.
"""

import csv
import io
from collections import defaultdict

from django.conf import settings
from django.template.defaultfilters import filesizeformat

from members.models import Network
from members.services.csv.columns import (
    MEMBERSHIP_SUFFIXES,
    OPTIONAL_COLUMNS,
    ORGANISATION_COLUMNS,
    canonical_header,
    network_columns,
)
from members.services.csv.plan import ImportPlan

SAVE_AS_UTF8 = (
    'In your spreadsheet choose "Save as" and the file type "CSV UTF-8 (comma delimited)", '
    "then upload that file."
)


class CsvFileError(Exception):
    """The file as a whole cannot be used; the message says why, in plain words."""


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


def read_records(text: str, plan: ImportPlan) -> tuple[list[str], list[tuple[int, list[str]]]]:
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


class Header:
    """Where each known column sits in the file, or the problems with the header."""

    def __init__(self, cells: list[str], networks: list[Network], plan: ImportPlan):
        self.width = len(cells)
        self.index: dict[str, int] = {}
        self.network_index: dict[int, tuple[int, int, int]] = {}
        self.unnamed: list[int] = []
        known = {canonical_header(c): c for c in ORGANISATION_COLUMNS}
        network_headers = {}
        for network in networks:
            for position, column in enumerate(network_columns(network)):
                network_headers[canonical_header(column)] = (network, position, column)
        found_networks: dict[int, dict[int, int]] = defaultdict(dict)
        unknown, repeated, seen = [], [], set()
        for position, cell in enumerate(cells):
            key = canonical_header(cell)
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
