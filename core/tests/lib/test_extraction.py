"""The plain text inside a PDF, a Word document, HTML, Markdown or text; clear failures."""

import io

import pytest

from core.lib.extraction import (
    ExtractionError,
    decode_text,
    extract_text,
    html_to_text,
    markdown_to_text,
    tidy_text,
)
from core.lib.uploads import FileKind
from core.tests.documents import docx_with_text, encrypted_pdf, pdf_with_text


def test_a_compressed_pdf_stream_is_read_too():
    data = pdf_with_text(["Compressed words inside"], compress=True)
    assert extract_text(data, FileKind.PDF) == "Compressed words inside"


def test_a_pdf_locked_only_against_printing_is_still_read():
    from pypdf import PdfReader

    data = encrypted_pdf("")
    assert PdfReader(io.BytesIO(data)).is_encrypted
    assert extract_text(data, FileKind.PDF) == ""  # opened; a blank page has no text


def test_a_password_protected_pdf_raises_a_message_for_people():
    with pytest.raises(ExtractionError, match="protected by a password"):
        extract_text(encrypted_pdf("letmein"), FileKind.PDF)


def test_pdf_progress_is_reported_as_pages_are_read():
    seen = []
    extract_text(pdf_with_text(["One page"]), FileKind.PDF, progress=seen.append)
    assert seen[-1] == 100


def test_a_word_documents_paragraphs_are_read():
    data = docx_with_text(["Through the Gate support", "starts before release."])
    assert extract_text(data, FileKind.DOCX) == "Through the Gate support\n\nstarts before release."


def test_html_text_leaves_out_scripts_and_styles_and_keeps_paragraphs_apart():
    html = "<style>p{}</style><script>secret()</script><p>One</p><p>Two &amp; three</p>"
    assert html_to_text(html) == "One\n\nTwo & three"


def test_markdown_text_is_its_visible_words():
    assert markdown_to_text("# Notes\n\nCafé and **bold**.") == "Notes\n\nCafé and bold."


def test_text_is_decoded_as_utf8_or_windows_1252_and_tidied():
    assert decode_text("\ufeffCafé".encode()) == "Café"
    assert decode_text("Café".encode("cp1252")) == "Café"
    assert tidy_text("  a \t b \r\n\r\n\r\n\r\nc\x00 ") == "a b\n\nc"
