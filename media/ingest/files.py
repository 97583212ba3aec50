"""Reading files into records: CSV and JSON Lines bulk imports, and saved article pages.

Bulk files have one article per row or line with the fields url, outlet, title, date and text
(byline and language optional). The outlet is matched by name or slug; when it is empty the
article's address is matched against the outlets' web addresses. An unknown outlet is a
problem on that row, not a new outlet: a typing slip must not start a new outlet.

Readers are generators over a binary file, so a file of any length is read a line at a time;
`import_file` runs the right one into an ingest batch.
"""

import codecs
import csv
import io
import json
import os
from collections.abc import Iterator
from typing import BinaryIO

import charset_normalizer
import trafilatura

from media.ingest.batches import Record, Rejected, SourceProblem, run_batch
from media.models import IngestBatch, Outlet

REQUIRED_COLUMNS = ("url", "title", "date", "text")
KNOWN_COLUMNS = (*REQUIRED_COLUMNS, "outlet", "byline", "language")
MAX_PAGE_BYTES = 20 * 1024 * 1024
# Fewer words than this on a page is a menu or a caption, not an article.
MIN_PAGE_WORDS = 25
# A row may be long (a whole article), but not unbounded.
MAX_LINE_BYTES = 4 * 1024 * 1024
csv.field_size_limit(MAX_LINE_BYTES)


def kind_of(name: str, head: bytes) -> str:
    """The IngestBatch source for a file, from its extension or, failing that, its start."""
    extension = os.path.splitext(name.lower())[1]
    by_extension = {
        ".csv": IngestBatch.Source.CSV,
        ".jsonl": IngestBatch.Source.JSONL,
        ".ndjson": IngestBatch.Source.JSONL,
        ".json": IngestBatch.Source.JSONL,
        ".html": IngestBatch.Source.HTML,
        ".htm": IngestBatch.Source.HTML,
    }
    if extension in by_extension:
        return by_extension[extension]
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:200].lower()
    if start.startswith(b"{"):
        return IngestBatch.Source.JSONL
    if start.startswith((b"<!doctype html", b"<html", b"<head", b"<body")):
        return IngestBatch.Source.HTML
    if b"," in start and b"url" in start:
        return IngestBatch.Source.CSV
    raise SourceProblem(
        "This is not a file the monitor can import: use CSV (.csv), JSON Lines (.jsonl) or a "
        "saved article page (.html)."
    )


def _record(fields: dict, location: str) -> Record:
    def value(name: str) -> str:
        found = fields.get(name)
        return "" if found is None else str(found)

    return Record(
        location=location,
        url=value("url"),
        title=value("title"),
        text=value("text"),
        published=value("date") or value("published") or None,
        byline=value("byline"),
        outlet_name=value("outlet"),
        language=value("language") or "en",
    )


def _lines(handle: BinaryIO) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) for each line; None for a line over MAX_LINE_BYTES, which is
    skipped without ever being held in memory whole."""
    number = 0
    while raw := handle.readline(MAX_LINE_BYTES + 1):
        number += 1
        if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
            while (rest := handle.readline(MAX_LINE_BYTES + 1)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, raw


def read_jsonl(handle: BinaryIO) -> Iterator[Record | Rejected]:
    for number, raw in _lines(handle):
        location = f"line {number}"
        if raw is None:
            yield Rejected(location, f"This line is over {MAX_LINE_BYTES // 1024 // 1024} MB.")
            continue
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            yield Rejected(location, "This line is not UTF-8 text: save the file as UTF-8.")
            continue
        if not line.strip():
            continue
        try:
            fields = json.loads(line)
        except json.JSONDecodeError as error:
            cut_short = not line.endswith("\n") or error.msg.startswith("Unterminated")
            yield Rejected(
                location,
                "This line is cut short: the file may be truncated."
                if cut_short
                else f"This line is not valid JSON ({error.msg}).",
            )
            continue
        if not isinstance(fields, dict):
            yield Rejected(location, "This line is not a JSON object with url, title, date, text.")
            continue
        yield _record(fields, location)


def count_jsonl(handle: BinaryIO) -> int:
    return sum(1 for _, raw in _lines(handle) if raw is None or raw.strip())


def read_csv(handle: BinaryIO) -> Iterator[Record | Rejected]:
    text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="", errors="strict")
    reader = csv.reader(text, strict=True)
    try:
        header = [name.strip().lower() for name in next(reader)]
    except StopIteration:
        raise SourceProblem("The file is empty.") from None
    except UnicodeDecodeError:
        raise SourceProblem("The file is not UTF-8 text: save it as CSV UTF-8.") from None
    except csv.Error as error:
        raise SourceProblem(f"The first line is not a CSV header ({error}).") from None
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        raise SourceProblem(
            "The file has no "
            + ", ".join(f"'{name}'" for name in missing)
            + " column. The first line must name the columns: url, outlet, title, date, text "
            "(byline and language are optional)."
        )
    while True:
        start = reader.line_num + 1
        location = f"line {start}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except UnicodeDecodeError:
            yield Rejected(location, "The file stops being UTF-8 text here; the rest is not read.")
            return
        except csv.Error as error:
            cut_short = "end of data" in str(error)
            yield Rejected(
                location,
                "This row is cut short (an unclosed quotation mark): the file may be truncated."
                if cut_short
                else f"This row is not valid CSV ({error}).",
            )
            if cut_short:
                return
            continue
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield Rejected(
                location,
                f"This row has {len(row)} fields where the header has {len(header)}"
                + (": the file may be truncated." if len(row) < len(header) else "."),
            )
            continue
        yield _record(dict(zip(header, row, strict=True)), location)


def count_csv(handle: BinaryIO) -> int:
    text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="", errors="replace")
    try:
        return max(sum(1 for _ in csv.reader(text)) - 1, 0)
    except csv.Error:
        return 0
    finally:
        text.detach()


def decode_page(data: bytes) -> str:
    """The page as text: UTF-8, else the encoding it declares or that detection finds."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data[:1_000_000]).best()
    if best is not None and best.encoding:
        try:
            return data.decode(codecs.lookup(best.encoding).name)
        except (LookupError, UnicodeDecodeError):
            pass
    raise SourceProblem(
        "The page is not UTF-8 and its character encoding could not be worked out: save it "
        "as UTF-8 and upload it again."
    )


def extract_page(data: bytes, url: str = "") -> dict:
    """An article page's main text, title, date, byline, language and own address, by
    trafilatura. Raises SourceProblem for a page too big, undecodable or without text."""
    if len(data) > MAX_PAGE_BYTES:
        raise SourceProblem(
            f"The page is {len(data) / 1024 / 1024:.0f} MB, over the "
            f"{MAX_PAGE_BYTES // 1024 // 1024} MB limit for one article: it is not a news "
            "article page."
        )
    found = trafilatura.bare_extraction(
        decode_page(data),
        url=url or None,
        with_metadata=True,
        include_comments=False,
        favor_precision=True,
    )
    if hasattr(found, "as_dict"):
        found = found.as_dict()
    found = found or {}
    words = len((found.get("text") or "").split())
    if words < MIN_PAGE_WORDS:
        raise SourceProblem(
            f"No article text was found in the page (only {words} words outside menus and "
            "captions): it may be a gallery, a video page or a login page."
        )
    return {
        "url": url or found.get("url") or "",
        "title": found.get("title") or "",
        "text": found.get("text") or "",
        "date": found.get("date") or None,
        "author": found.get("author") or "",
        "language": found.get("language") or "en",
    }


def read_html(data: bytes, name: str, url: str = "") -> Iterator[Record]:
    """One article from a saved page (see extract_page)."""
    found = extract_page(data, url)
    if not found["url"]:
        raise SourceProblem(
            "The page does not say its own address (no canonical link): give the article's "
            "address with the file."
        )
    yield Record(
        location=name,
        url=found["url"],
        title=found["title"],
        text=found["text"],
        published=found["date"],
        byline=found["author"],
        language=found["language"],
    )


def import_file(
    batch: IngestBatch, handle, *, outlet: Outlet | None = None, url: str = "", **options
) -> IngestBatch:
    """Import an open binary file into `batch` (whose source says how to read it).
    `options` go to run_batch (progress, chunk_size)."""
    if batch.source == IngestBatch.Source.HTML:
        page = handle.read(MAX_PAGE_BYTES + 1)
        items = read_html(page, batch.name, url)
        return run_batch(batch, items, total=1, outlet=outlet, **options)
    counter, reader = {
        IngestBatch.Source.CSV: (count_csv, read_csv),
        IngestBatch.Source.JSONL: (count_jsonl, read_jsonl),
    }[batch.source]
    total = counter(handle)
    handle.seek(0)
    return run_batch(batch, reader(handle), total=total, outlet=outlet, **options)
