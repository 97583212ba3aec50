"""The DOCX and PDF open, and carry real headings, styled quotes, contents and page numbers."""

import io
import re

import pytest
from docx import Document as WordDocument
from pypdf import PdfReader

from consultations.submission.services.document import build_document
from consultations.submission.services.export_docx import render_docx
from consultations.submission.services.export_pdf import render_pdf
from consultations.tests.test_submission_world import build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(db):
    return build_document(build_world().submission)


def test_docx_has_heading_styles_quote_style_contents_and_page_numbers(document):
    word = WordDocument(io.BytesIO(render_docx(document)))
    styled = [(p.style.name, p.text) for p in word.paragraphs]
    assert ("Title", "Response to Call for evidence on resettlement") in styled
    assert ("Heading 1", "Part 1: Leaving prison") in styled
    assert ("Heading 2", "Question 1: What helps on the day of release?") in styled
    assert ("Heading 1", "Acknowledgements") in styled
    quotes = [text for style, text in styled if style == "Quote"]
    assert any("PUBLIC words: a phone and a bed" in text for text in quotes)
    assert "— Open Doors Housing" in quotes
    assert any("Recommendation 1: Open council housing desks" in t for _s, t in styled)
    body_xml = word.element.xml
    assert 'TOC \\o "1-3"' in body_xml
    footer_xml = word.sections[0].footer._element.xml
    assert " PAGE " in footer_xml and " NUMPAGES " in footer_xml


def test_docx_contents_list_is_filled_in_when_opened(document):
    word = WordDocument(io.BytesIO(render_docx(document)))
    texts = [p.text for p in word.paragraphs]
    contents = texts.index("Contents")
    listed = texts[contents + 1 : contents + 5]
    assert listed[:3] == ["Introduction", "Summary of recommendations", "Part 1: Leaving prison"]
    assert listed[3] == "Question 1: What helps on the day of release?"
    assert "update" not in " ".join(texts).lower()
    # No "update the fields?" prompt on opening: the list is already there.
    assert "updateFields" not in word.settings.element.xml


def test_pdf_has_headings_quotes_and_a_contents_page_with_page_numbers(document):
    reader = PdfReader(io.BytesIO(render_pdf(document)))
    pages = [page.extract_text() for page in reader.pages]
    text = " ".join(" ".join(pages).split())
    assert "Part 1: Leaving prison" in text
    assert "PUBLIC words: a phone and a bed" in text
    assert "— Open Doors Housing" in text
    contents = " ".join(pages[1].split())
    assert contents.startswith("Contents")
    # Each contents line ends with the page its heading is on, filled in by target-counter.
    assert re.search(r"Part 1: Leaving prison\s*\.*\s*\d+", contents)
    assert "Page 2 of" in " ".join(pages[1].split())


def test_pdf_rendering_never_fetches_a_url_and_survives_a_refused_one(document, monkeypatch):
    import urllib.request

    def no_network(*args, **kwargs):
        raise AssertionError("the PDF renderer tried to use the network")

    monkeypatch.setattr(urllib.request.OpenerDirector, "open", no_network)
    document.introduction_html += '<p><img src="https://example.org/tracker.png"></p>'
    assert PdfReader(io.BytesIO(render_pdf(document))).pages


def test_an_empty_submission_still_exports(db):
    from consultations.submission.services import builder
    from consultations.tests.factories import ConsultationFactory
    from core.tests.factories import StaffFactory

    submission = builder.start_submission(StaffFactory(), ConsultationFactory())
    document = build_document(submission)
    assert WordDocument(io.BytesIO(render_docx(document))).paragraphs
    assert PdfReader(io.BytesIO(render_pdf(document))).pages


def test_empty_sections_and_parts_are_left_out_of_the_document(db):
    from consultations.submission.services import builder

    world = build_world()
    empty_part = builder.add_section(world.staff, world.submission, "Part 9: Nothing yet")
    builder.add_section(world.staff, world.submission, "Still empty", parent=empty_part)
    document = build_document(world.submission)
    headings = [part.heading for part in document.parts]
    assert headings == ["Part 1: Leaving prison"]
    text = "\n".join(p.text for p in WordDocument(io.BytesIO(render_docx(document))).paragraphs)
    assert "Nothing yet" not in text and "Still empty" not in text


def test_downloads_are_rendered_once_per_content(document):
    from django.core.cache import cache

    from consultations.submission.services.exports import rendered

    cache.clear()
    first = rendered(document, "pdf")
    assert rendered(document, "pdf") == first  # PDFs carry a timestamp: equal means cached
    document.title = "Changed"
    assert rendered(document, "pdf") != first
