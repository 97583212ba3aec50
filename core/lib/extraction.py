"""The plain text inside a file: PDF, Word (DOCX), HTML, Markdown or plain text.

The kind comes from core.lib.uploads (judged by the file's bytes). Reading can fail (a damaged
or password-protected PDF); `extract_text` then raises `ExtractionError` with a message written
for the person who uploaded the file. `html_to_text` and `markdown_to_text` give the visible
words of a page or a Markdown body, for search indexes and word counts.
"""

import io
import re
import zipfile
from collections.abc import Callable
from html.parser import HTMLParser

from django.conf import settings

from core.lib.markdown import render_markdown
from core.lib.uploads import (
    Deadline,
    FileKind,
    UploadRefused,
    check_archive,
    check_pdf,
    expansion_limits,
    pdf_limits,
)


class ExtractionError(ValueError):
    """The file was accepted but its text could not be read."""


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without a byte-order mark); Windows-1252 as a fallback."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


Progress = Callable[[int], None]


def extract_text(data: bytes, kind: str, progress: Progress | None = None) -> str:
    """The plain text of a file's content. `progress` gets a percentage as pages are read.
    Reading is bounded too (sizes, pages, MAX_EXTRACTION_SECONDS): a stored file may never
    have been through check_expansion."""
    report = progress or (lambda percent: None)
    deadline = Deadline(getattr(settings, "MAX_EXTRACTION_SECONDS", 120.0))
    try:
        if kind == FileKind.PDF:
            check_pdf(io.BytesIO(data), deadline)
            with pdf_limits():
                return _pdf_text(data, report, deadline)
        if kind == FileKind.DOCX:
            # Uploads were checked already; a file read from storage may not have been.
            check_archive(io.BytesIO(data), deadline)
            text = _docx_text(data)
        elif kind == FileKind.HTML:
            text = html_to_text(decode_text(data), deadline)
        else:
            text = _plain_text(data, kind)
    except UploadRefused as refusal:
        message = f"{refusal} The resource has been saved without searchable text."
        raise ExtractionError(message) from refusal
    report(100)
    return text


def _plain_text(data: bytes, kind: str) -> str:
    if kind == FileKind.MARKDOWN:
        return markdown_to_text(decode_text(data))
    return tidy_text(decode_text(data))


def _pdf_text(data: bytes, report: Progress, deadline: Deadline) -> str:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError, PdfStreamError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            # Many PDFs are "encrypted" with an empty password only to restrict printing.
            try:
                opened = reader.decrypt("")
            except DependencyError:
                raise
            except Exception:
                opened = 0
            if not opened:
                raise ExtractionError(
                    "The PDF is protected by a password, so its text could not be read. "
                    "The resource has been saved without searchable text; upload a copy "
                    "without a password to make it searchable."
                )
        pages = reader.pages
        total = len(pages)
        if total > expansion_limits()["pages"]:
            raise UploadRefused(f"The PDF has {total:,} pages, more than we read.")
        texts = []
        for number, page in enumerate(pages, start=1):
            texts.append(page.extract_text() or "")
            report(int(100 * number / total) if total else 100)
            deadline.check()
    except (ExtractionError, UploadRefused):
        raise
    except DependencyError as error:
        raise ExtractionError(
            "The PDF is encrypted in a way this server cannot open, so its text could not be "
            "read. The resource has been saved without searchable text; upload a copy "
            "without protection to make it searchable."
        ) from error
    except FileNotDecryptedError as error:
        raise ExtractionError(
            "The PDF is protected by a password, so its text could not be read. The resource "
            "has been saved without searchable text."
        ) from error
    except (PdfReadError, PdfStreamError) as error:
        raise ExtractionError(
            "The PDF could not be read: it may be damaged or incomplete. The resource has "
            "been saved without searchable text; try saving the PDF again and uploading it."
        ) from error
    except Exception as error:  # pypdf raises many kinds of error on malformed files
        raise ExtractionError(
            "The PDF could not be read: it may be damaged or incomplete. The resource has "
            "been saved without searchable text; try saving the PDF again and uploading it."
        ) from error
    report(100)
    return tidy_text("\n\n".join(texts))


def _docx_text(data: bytes) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, OSError) as error:
        raise ExtractionError(
            "The Word document could not be read: it may be damaged. The resource has been "
            "saved without searchable text."
        ) from error
    except Exception as error:  # lxml raises its own errors for malformed XML
        raise ExtractionError(
            "The Word document could not be read: its contents are not valid. The resource "
            "has been saved without searchable text."
        ) from error
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return tidy_text("\n\n".join(parts))


class _TextCollector(HTMLParser):
    """Visible text of an HTML document: script, style and similar content is dropped, and
    block elements end a line so words from neighbouring paragraphs never run together."""

    SKIP = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object"}
    BLOCKS = {
        "p",
        "div",
        "br",
        "li",
        "tr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "section",
        "article",
        "blockquote",
        "pre",
        "table",
        "ul",
        "ol",
        "dt",
        "dd",
        "title",
        "header",
        "footer",
    }

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.line_break()

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.line_break()

    def line_break(self):
        # A blank line at most however many empty blocks follow (tidy_text keeps no more), so
        # a page of empty tags stays small.
        if self.parts[-2:] != ["\n", "\n"]:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


# Fed this many characters at a time, so a page that is slow to parse is stopped in time.
HTML_FEED_CHARS = 64 * 1024


def html_to_text(html: str, deadline: Deadline | None = None) -> str:
    collector = _TextCollector()
    html = html or ""
    for start in range(0, len(html), HTML_FEED_CHARS):
        collector.feed(html[start : start + HTML_FEED_CHARS])
        if deadline is not None:
            deadline.check()
    collector.close()
    return tidy_text("".join(collector.parts))


def markdown_to_text(source: str) -> str:
    return html_to_text(render_markdown(source))


def tidy_text(text: str) -> str:
    """Collapse runs of spaces and blank lines, keep paragraph breaks."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    lines = [re.sub(r"[ \t\f\v\u00a0]+", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
