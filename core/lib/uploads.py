"""Uploaded files: refused when too big or empty, and judged by their bytes, never their name.

Every upload form goes through here, so the limit (settings.MAX_UPLOAD_BYTES) and the rules
for what a file is are the same everywhere:

    starts with %PDF-                          pdf
    starts with the PNG or JPEG signature      png, jpg
    a zip archive holding word/document.xml    docx (any other zip archive: zip)
    any NUL byte in the first 64 KB            binary
    anything else                              text

Each form then decides which of these it accepts; `check_document` is the rule for documents
whose text is read (the library's files, the language checker's uploads).
"""

import re
import time
import zipfile
from collections.abc import Callable
from typing import TypeVar

from django import forms
from django.conf import settings
from django.db import models
from django.template.defaultfilters import filesizeformat

SNIFF_BYTES = 64 * 1024
# Room for the multipart envelope around a file of exactly MAX_UPLOAD_BYTES.
MULTIPART_OVERHEAD = 64 * 1024
DOCUMENTS_ACCEPTED = "PDF, Word (.docx), HTML, Markdown or plain text"
Checked = TypeVar("Checked")
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)


class UploadRefused(ValueError):
    """The file cannot be accepted at all (too big, or not a kind we read)."""


class FileKind(models.TextChoices):
    """What an uploaded document turned out to be, judged by its content, not its name."""

    PDF = "pdf", "PDF"
    DOCX = "docx", "Word document"
    HTML = "html", "Web page (HTML)"
    MARKDOWN = "markdown", "Markdown"
    TEXT = "text", "Plain text"


def declared_size(request) -> int:
    """The length a request's body says it has, before the body is read (0 if unknown)."""
    declared = request.META.get("CONTENT_LENGTH") or "0"
    return int(declared) if declared.isdigit() else 0


def declared_too_large(request) -> bool:
    """Whether a request says it carries more than the largest upload, so a view can refuse
    it from its declared length, before reading the body."""
    return declared_size(request) > settings.MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD


def check_size(uploaded) -> None:
    """UploadRefused, with the limit in words, for a file over MAX_UPLOAD_BYTES or empty."""
    size = uploaded.size or 0
    if size > settings.MAX_UPLOAD_BYTES:
        raise UploadRefused(
            f"The file is {filesizeformat(size)}; the largest file you can upload is "
            f"{filesizeformat(settings.MAX_UPLOAD_BYTES)}."
        )
    if size == 0:
        raise UploadRefused("The file is empty.")


def read_head(uploaded) -> bytes:
    """The first SNIFF_BYTES of a file, leaving it ready to be read from the start."""
    uploaded.seek(0)
    head = uploaded.read(SNIFF_BYTES)
    uploaded.seek(0)
    return head


def is_docx(stream) -> bool:
    try:
        stream.seek(0)
        with zipfile.ZipFile(stream) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        stream.seek(0)


def sniff(head: bytes, stream) -> str:
    """What a file is, from its first bytes (`head`) and, for a zip archive, its contents:
    "pdf", "png", "jpg", "docx", "zip", "binary" or "text" (see the module docstring)."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head.startswith(b"PK\x03\x04"):
        return "docx" if is_docx(stream) else "zip"
    if b"\x00" in head:
        return "binary"
    return "text"


def is_utf8(head: bytes) -> bool:
    """Whether `head` is UTF-8 text; a multi-byte character cut at the end of a full
    SNIFF_BYTES head still counts."""
    try:
        head.decode("utf-8")
        return True
    except UnicodeDecodeError:
        if len(head) != SNIFF_BYTES:
            return False
    try:
        head[:-4].decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def check_document(uploaded) -> FileKind:
    """The FileKind of an uploaded document whose text can be read, or UploadRefused with
    a clear message. Text is HTML if it looks like HTML, Markdown if named .md/.markdown,
    plain text otherwise."""
    kind = _document_kind(uploaded)
    # Refused before anything extracts its text (see check_expansion below).
    check_expansion(uploaded, kind)
    return kind


def _document_kind(uploaded) -> FileKind:
    check_size(uploaded)
    head = read_head(uploaded)
    kind = sniff(head, uploaded)
    if kind == "pdf":
        return FileKind.PDF
    if kind == "docx":
        return FileKind.DOCX
    if kind == "zip":
        raise UploadRefused(
            f"This is a zip archive but not a Word document. Upload a {DOCUMENTS_ACCEPTED} file."
        )
    if kind != "text":
        raise UploadRefused(
            f"This file's content is not a kind we can read, whatever its name "
            f"says. Upload a {DOCUMENTS_ACCEPTED} file."
        )
    if _HTML_START.match(head[:4096]):
        return FileKind.HTML
    if (getattr(uploaded, "name", "") or "").lower().endswith((".md", ".markdown")):
        return FileKind.MARKDOWN
    return FileKind.TEXT


def clean_upload(uploaded, check: Callable[..., Checked]) -> Checked:
    """`check(uploaded)` for a form's clean_<field>(), its refusal shown beside the field."""
    try:
        return check(uploaded)
    except UploadRefused as error:
        raise forms.ValidationError(str(error)) from error


# --- Documents that expand when opened ----------------------------------------------------
#
# A file's size on the wire says little about what opening it costs: a 1 MB Word document can
# hold 400 MB of XML, a PDF page's content can be a stream that inflates a thousandfold, and a
# page of markup can be millions of tags. `check_expansion` opens a document the cheap way
# first (the archive's directory, the PDF's page tree, a count of tags), then reads what it
# would expand to in bounded chunks, and refuses it when any limit is passed, before anything
# extracts its text. The limits are settings: MAX_EXPANDED_BYTES, MAX_DOCUMENT_PAGES,
# MAX_DOCUMENT_SECONDS.

READ_CHUNK = 64 * 1024
MAX_ARCHIVE_MEMBERS = 5_000
MAX_MARKUP_TAGS = 500_000


def expansion_limits() -> dict:
    return {
        "bytes": getattr(settings, "MAX_EXPANDED_BYTES", 100 * 1024 * 1024),
        "pages": getattr(settings, "MAX_DOCUMENT_PAGES", 2_000),
        "seconds": getattr(settings, "MAX_DOCUMENT_SECONDS", 10.0),
    }


class Deadline:
    """Refuses once a document has taken longer than MAX_DOCUMENT_SECONDS to look at."""

    def __init__(self, seconds: float | None = None):
        self.seconds = expansion_limits()["seconds"] if seconds is None else seconds
        self.ends = time.monotonic() + self.seconds

    def check(self) -> None:
        if time.monotonic() >= self.ends:
            raise UploadRefused(
                f"This file takes too long to open (more than {self.seconds:g} seconds), so it "
                "cannot be read here. Save it again, or split it, and upload it again."
            )


def _too_large(expanded: int, limit: int) -> UploadRefused:
    return UploadRefused(
        f"This file would expand to more than {filesizeformat(limit)} when opened "
        f"({filesizeformat(expanded)} at least), far more than a document of its size holds. "
        "It cannot be read here: save it again, or split it, and upload it again."
    )


def check_expansion(uploaded, kind: str, deadline: Deadline | None = None) -> None:
    """UploadRefused if opening this document (of the kind `sniff`/`check_document` found)
    would pass the declared or actual expanded size, page count or time limits. Damaged files
    pass: reading them reports its own clear error later."""
    deadline = deadline or Deadline()
    try:
        if kind == "docx":
            check_archive(uploaded, deadline)
        elif kind == "pdf":
            check_pdf(uploaded, deadline)
        elif kind in {"html", "markdown", "text"}:
            check_markup(uploaded, deadline)
    finally:
        uploaded.seek(0)


def check_archive(stream, deadline: Deadline) -> None:
    """A zip archive (DOCX): refused by the sizes its directory declares, before anything is
    inflated, then by what its members actually inflate to, read a chunk at a time."""
    limit = expansion_limits()["bytes"]
    stream.seek(0)
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError, ValueError):
        return
    with archive:
        members = archive.infolist()
        if len(members) > MAX_ARCHIVE_MEMBERS:
            raise UploadRefused(
                f"This file holds {len(members):,} parts; a document has at most "
                f"{MAX_ARCHIVE_MEMBERS:,}. It cannot be read here."
            )
        declared = sum(member.file_size for member in members)
        if declared > limit:
            raise _too_large(declared, limit)
        inflated = 0
        for member in members:
            try:
                with archive.open(member) as contents:
                    while chunk := contents.read(READ_CHUNK):
                        inflated += len(chunk)
                        if inflated > limit:
                            raise _too_large(inflated, limit)
                        deadline.check()
            except UploadRefused:
                raise
            except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError):
                return  # damaged or encrypted: its own error comes when it is read


def pdf_limits():
    """pypdf's own limits, tightened to ours, for anything that opens an uploaded PDF: no one
    stream may inflate past MAX_EXPANDED_BYTES."""
    from pypdf import apply_configuration

    limit = expansion_limits()["bytes"]
    return apply_configuration(
        zlib_maximum_output_length=limit,
        lzw_maximum_output_length=limit,
        run_length_maximum_output_length=limit,
        array_based_stream_maximum_output_length=limit,
        brotli_maximum_output_length=limit,
        jbig2_maximum_output_length=limit,
        stream_decoding_work_maximum_length=limit,
        maximum_declared_stream_length=limit,
    )


def _page_streams(page):
    """The streams text extraction inflates for one page: its contents and its form
    XObjects (images are never inflated to read text)."""
    from pypdf.generic import ArrayObject

    contents = page.get("/Contents")
    contents = contents.get_object() if contents is not None else None
    if isinstance(contents, ArrayObject):
        yield from (item.get_object() for item in contents)
    elif contents is not None:
        yield contents
    resources = page.get("/Resources")
    xobjects = resources.get_object().get("/XObject") if resources is not None else None
    for reference in xobjects.get_object().values() if xobjects is not None else ():
        xobject = reference.get_object()
        if xobject.get("/Subtype") == "/Form":
            yield xobject


def check_pdf(stream, deadline: Deadline) -> None:
    """A PDF: refused by its page count, from the page tree, before any page is read; then
    by what its pages' streams inflate to, one stream at a time, within pypdf's limits."""
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError

    limits = expansion_limits()
    stream.seek(0)
    try:
        with pdf_limits():
            reader = PdfReader(stream)
            if reader.is_encrypted:
                return  # read later, with the password question answered there
            pages = len(reader.pages)
            if pages > limits["pages"]:
                raise UploadRefused(
                    f"This PDF has {pages:,} pages; the most we read is {limits['pages']:,}. "
                    "Split it and upload the parts."
                )
            inflated = 0
            seen: set[int] = set()
            for page in reader.pages:
                for content in _page_streams(page):
                    if id(content) in seen:
                        continue
                    seen.add(id(content))
                    inflated += len(content.get_data())
                    if inflated > limits["bytes"]:
                        raise _too_large(inflated, limits["bytes"])
                    deadline.check()
    except UploadRefused:
        raise
    except LimitReachedError as error:
        raise _too_large(limits["bytes"], limits["bytes"]) from error
    except Exception:  # pypdf raises many kinds of error on damaged files
        return


def check_markup(stream, deadline: Deadline) -> None:
    """HTML, Markdown or text: nothing inflates, but each tag costs far more to parse than its
    bytes; refused when it holds more tags than any real page, counted a chunk at a time."""
    stream.seek(0)
    tags = 0
    while chunk := stream.read(READ_CHUNK):
        tags += chunk.count(b"<")
        if tags > MAX_MARKUP_TAGS:
            raise UploadRefused(
                f"This file holds more than {MAX_MARKUP_TAGS:,} tags, far more than any real "
                "page; it cannot be read here. Paste or upload its text instead."
            )
        deadline.check()
