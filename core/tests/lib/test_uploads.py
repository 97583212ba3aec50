"""Uploads are judged by their bytes, never their name, and refused when too big or empty."""

import io
import zipfile

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory

from core.lib.uploads import (
    SNIFF_BYTES,
    FileKind,
    UploadRefused,
    check_document,
    check_size,
    clean_upload,
    declared_too_large,
    is_utf8,
    read_head,
    sniff,
)
from core.tests.documents import docx_with_text, pdf_with_text

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"


def _zip(name: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, b"MZ\x00\x00")
    return buffer.getvalue()


def test_a_file_over_the_limit_is_refused_by_the_form(settings):
    settings.MAX_UPLOAD_BYTES = 1024
    with pytest.raises(UploadRefused, match="largest file you can upload is 1.0"):
        check_document(SimpleUploadedFile("big.txt", b"a" * 1025))


def test_an_empty_file_is_refused():
    with pytest.raises(UploadRefused, match="The file is empty."):
        check_size(SimpleUploadedFile("empty.pdf", b""))


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.4\n", "pdf"),
        (PNG, "png"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "jpg"),
        (_zip("payload.exe"), "zip"),
        (b"MZ\x90\x00", "binary"),
        ("Café".encode(), "text"),
    ],
)
def test_sniff_names_what_the_bytes_are(data, kind):
    assert sniff(data, io.BytesIO(data)) == kind


def test_a_word_document_is_a_zip_holding_word_document_xml():
    data = docx_with_text(["Hello"])
    assert sniff(data[:SNIFF_BYTES], io.BytesIO(data)) == "docx"


def test_reading_the_head_leaves_the_file_at_its_start():
    upload = SimpleUploadedFile("a.txt", b"x" * (SNIFF_BYTES + 10))
    assert len(read_head(upload)) == SNIFF_BYTES
    assert upload.read(3) == b"xxx"


def test_documents_are_judged_by_content_and_then_by_name():
    html = b"<!DOCTYPE html><html><body><p>Hi</p></body></html>"
    assert check_document(SimpleUploadedFile("notes.txt", html)) == FileKind.HTML
    assert check_document(SimpleUploadedFile("notes.md", b"# Notes")) == FileKind.MARKDOWN
    assert check_document(SimpleUploadedFile("notes.txt", b"# Notes")) == FileKind.TEXT
    assert check_document(SimpleUploadedFile("a.docx", pdf_with_text(["x"]))) == FileKind.PDF
    with pytest.raises(UploadRefused, match="not a kind we can read"):
        check_document(SimpleUploadedFile("report.pdf", PNG))
    with pytest.raises(UploadRefused, match="not a Word document"):
        check_document(SimpleUploadedFile("report.docx", _zip("payload.exe")))


def test_utf8_cut_mid_character_at_the_sniffing_boundary_is_still_text():
    cut = ("a" * (SNIFF_BYTES - 1) + "é").encode()[:SNIFF_BYTES]
    assert is_utf8(cut)
    assert not is_utf8("café".encode("cp1252"))


def test_a_declared_length_over_the_limit_is_too_large(settings):
    settings.MAX_UPLOAD_BYTES = 1000
    factory = RequestFactory()
    assert declared_too_large(factory.post("/", CONTENT_LENGTH=str(1000 + 65 * 1024)))
    assert not declared_too_large(factory.post("/", CONTENT_LENGTH="1000"))
    assert not declared_too_large(factory.post("/", CONTENT_LENGTH="not a number"))


def test_clean_upload_turns_a_refusal_into_the_fields_error():
    with pytest.raises(forms.ValidationError) as raised:
        clean_upload(SimpleUploadedFile("empty.pdf", b""), check_document)
    assert raised.value.messages == ["The file is empty."]
    assert clean_upload(SimpleUploadedFile("a.md", b"# A"), check_document) == FileKind.MARKDOWN
