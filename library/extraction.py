"""Uploaded files: what they are (judged by their bytes) and the text inside them.

A file's name says nothing trustworthy about it, so the kind is decided from its content:

    starts with %PDF-                          PDF
    a zip archive holding word/document.xml    Word document (DOCX)
    any NUL byte in the first 64 KB            some other binary file: refused
    anything else                              text: HTML if it looks like HTML, Markdown if
                                               named .md/.markdown, plain text otherwise

Reading can fail (a damaged or password-protected PDF); `extract_text` then raises
`ExtractionError` with a message written for the person who uploaded the file.
"""

import io
import re
import zipfile
from collections.abc import Callable

from django.conf import settings
from django.template.defaultfilters import filesizeformat

from library.models import FileKind
from library.text import html_to_text, markdown_to_text, tidy_text

SNIFF_BYTES = 64 * 1024
ACCEPTED = "PDF, Word (.docx), HTML, Markdown or plain text"
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)


class UploadRefused(ValueError):
    """The file cannot be accepted at all (too big, or not a kind we read)."""


class ExtractionError(ValueError):
    """The file was accepted but its text could not be read."""


def check_upload(uploaded) -> str:
    """The FileKind of an uploaded file, or UploadRefused with a clear message."""
    size = uploaded.size or 0
    if size > settings.MAX_UPLOAD_BYTES:
        raise UploadRefused(
            f"The file is {filesizeformat(size)}; the largest file you can upload is "
            f"{filesizeformat(settings.MAX_UPLOAD_BYTES)}."
        )
    if size == 0:
        raise UploadRefused("The file is empty.")
    uploaded.seek(0)
    head = uploaded.read(SNIFF_BYTES)
    uploaded.seek(0)
    return sniff_kind(head, uploaded, getattr(uploaded, "name", "") or "")


def sniff_kind(head: bytes, stream, name: str = "") -> str:
    if head.startswith(b"%PDF-"):
        return FileKind.PDF
    if head.startswith(b"PK\x03\x04"):
        if _is_docx(stream):
            return FileKind.DOCX
        raise UploadRefused(
            f"This is a zip archive but not a Word document. Upload a {ACCEPTED} file."
        )
    if b"\x00" in head:
        raise UploadRefused(
            f"This file's content is not a kind we can read, whatever its name "
            f"says. Upload a {ACCEPTED} file."
        )
    if _HTML_START.match(head[:4096]):
        return FileKind.HTML
    if name.lower().endswith((".md", ".markdown")):
        return FileKind.MARKDOWN
    return FileKind.TEXT


def _is_docx(stream) -> bool:
    try:
        stream.seek(0)
        with zipfile.ZipFile(stream) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        stream.seek(0)


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without a byte-order mark); Windows-1252 as a fallback."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


Progress = Callable[[int], None]


def extract_text(data: bytes, kind: str, progress: Progress | None = None) -> str:
    """The plain text of a file's content. `progress` gets a percentage as pages are read."""
    report = progress or (lambda percent: None)
    if kind == FileKind.PDF:
        return _pdf_text(data, report)
    if kind == FileKind.DOCX:
        text = _docx_text(data)
    elif kind == FileKind.HTML:
        text = html_to_text(decode_text(data))
    elif kind == FileKind.MARKDOWN:
        text = markdown_to_text(decode_text(data))
    else:
        text = tidy_text(decode_text(data))
    report(100)
    return text


def _pdf_text(data: bytes, report: Progress) -> str:
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
        texts = []
        for number, page in enumerate(pages, start=1):
            texts.append(page.extract_text() or "")
            report(int(100 * number / total) if total else 100)
    except ExtractionError:
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
