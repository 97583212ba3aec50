"""Everything held about a person, from every app's personal-data source, as one ZIP:
`data.json` (complete, for machines), one CSV per table (for a spreadsheet) and a README
saying what each part is."""

import csv
import io
import json
import re
import zipfile

from django.conf import settings
from django.utils import timezone

from core.lib.spreadsheets import escape_cell
from core.registries import personal_data
from core.registries.personal_data import DataSubject


def collect(subject: DataSubject) -> list[dict]:
    """[{"key", "description", "tables": {name: rows}}] for every source holding anything."""
    found = []
    for source in personal_data.sources():
        tables = {name: rows for name, rows in source.export(subject).items() if rows}
        if tables:
            found.append({"key": source.key, "description": source.description, "tables": tables})
    return found


def _cell(value) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return escape_cell(json.dumps(value, ensure_ascii=False))
    return escape_cell(str(value))


def _csv(rows: list[dict]) -> str:
    columns = list(dict.fromkeys(key for row in rows for key in row))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in columns])
    return out.getvalue()


def _file_name(key: str, table: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", f"{key} {table}".lower()).strip("-") + ".csv"


def _readme(found: list[dict], when: str) -> str:
    lines = [
        f"Everything {settings.SITE_NAME} holds about you, as of {when}.",
        "",
        "data.json has all of it; each CSV file is one table, for a spreadsheet.",
        "",
    ]
    for part in found:
        lines.append(part["description"])
        for table in part["tables"]:
            lines.append(f"  - {_file_name(part['key'], table)}: {table}")
        lines.append("")
    if not found:
        lines.append("We hold nothing about you beyond this request.")
    return "\n".join(lines)


def build_zip(subject: DataSubject) -> bytes:
    found = collect(subject)
    when = timezone.localtime().strftime("%d/%m/%Y %H:%M")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", _readme(found, when))
        archive.writestr("data.json", json.dumps(found, ensure_ascii=False, indent=2, default=str))
        for part in found:
            for table, rows in part["tables"].items():
                # utf-8-sig so Excel reads names with accents correctly.
                archive.writestr(_file_name(part["key"], table), _csv(rows).encode("utf-8-sig"))
    return buffer.getvalue()


def zip_name(subject: DataSubject) -> str:
    return f"my-data-{timezone.localdate():%Y-%m-%d}.zip"
