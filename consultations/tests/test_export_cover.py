"""A committee clerk's first look: the cover, the running header and the file's properties."""

import io

import pytest
from docx import Document as WordDocument
from pypdf import PdfReader

from consultations.submission.services.document import build_document
from consultations.submission.services.export_docx import render_docx
from consultations.submission.services.export_pdf import render_pdf
from consultations.tests.test_submission_world import build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(settings):
    settings.SITE_NAME = "Justice Reform Alliance"
    world = build_world()
    world.submission.contact_details = "Policy team\npolicy@example.org"
    world.submission.save()
    return build_document(world.submission)


def test_pdf_cover_names_the_alliance_body_date_and_contact(document):
    reader = PdfReader(io.BytesIO(render_pdf(document)))
    cover = " ".join(reader.pages[0].extract_text().split())
    assert "Justice Reform Alliance" in cover
    assert f"Submission to {document.asking_body}".upper() in cover.upper()
    assert document.title in cover
    assert document.date_in_words in cover
    assert "policy@example.org" in cover
    assert reader.pages[0].images, "the alliance's logo is on the cover"
    assert "Page" not in cover  # no header or footer on the cover


def test_pdf_pages_after_the_cover_carry_header_and_footer(document):
    reader = PdfReader(io.BytesIO(render_pdf(document)))
    second = " ".join(reader.pages[1].extract_text().split())
    assert "Justice Reform Alliance" in second
    assert f"Page 2 of {len(reader.pages)}" in second


def test_pdf_properties_name_title_author_and_date(document):
    metadata = PdfReader(io.BytesIO(render_pdf(document))).metadata
    assert metadata.title == document.title
    assert metadata.author == "Justice Reform Alliance"
    assert metadata["/CreationDate"].startswith("D:" + document.date.replace("-", ""))


def test_docx_cover_header_and_properties(document):
    word = WordDocument(io.BytesIO(render_docx(document)))
    properties = word.core_properties
    assert properties.title == document.title
    assert properties.author == "Justice Reform Alliance"
    assert properties.created.date().isoformat() == document.date
    first = [p.text for p in word.paragraphs[:8]]
    assert first[0].strip() == "Justice Reform Alliance"
    assert f"Submission to {document.asking_body}".upper() in first
    assert document.date_in_words in first
    assert word.inline_shapes, "the alliance's logo is on the cover"
    section = word.sections[0]
    assert section.different_first_page_header_footer
    assert "Justice Reform Alliance" in section.header.paragraphs[0].text


def test_a_missing_logo_file_leaves_the_logo_out(document, settings):
    settings.SITE_LOGO_FILE = "/nonexistent/logo.png"
    word = WordDocument(io.BytesIO(render_docx(document)))
    assert not word.inline_shapes
    assert PdfReader(io.BytesIO(render_pdf(document))).pages
