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
