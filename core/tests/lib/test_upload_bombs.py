"""Decompression bombs are refused before their text is read, in bounded memory (issue 11:
a 1 MB DOCX that expanded to 400 MB took 23 s and 2.5 GB before being refused)."""

import tracemalloc

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from core.lib.extraction import ExtractionError, extract_text
from core.lib.uploads import UploadRefused, check_document
from core.tests.bombs import MB, docx_bomb, html_bomb, pdf_bomb, pdf_with_pages
from core.tests.documents import docx_with_text, pdf_with_text

LIMIT = 4 * MB
# What looking at a refused file may cost at most, whatever it would expand to.
MEMORY_BUDGET = 3 * LIMIT


@pytest.fixture(autouse=True)
def small_limits(settings):
    settings.MAX_EXPANDED_BYTES = LIMIT
    settings.MAX_DOCUMENT_PAGES = 5
    settings.MAX_DOCUMENT_SECONDS = 10


@pytest.fixture(scope="module")
def bombs():
    return {"docx": docx_bomb(40 * MB), "pdf": pdf_bomb(40 * MB)}


def upload(data: bytes, name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def peak_memory_of(action) -> int:
    tracemalloc.start()
    try:
        action()
    except UploadRefused:
        pass
    finally:
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return peak


def test_a_docx_bomb_is_refused_by_its_declared_size_in_bounded_memory(bombs):
    document = upload(bombs["docx"], "report.docx")
    assert len(bombs["docx"]) < MB

    with pytest.raises(UploadRefused, match="would expand to more than 4"):
        check_document(document)
    assert peak_memory_of(lambda: check_document(document)) < MEMORY_BUDGET


def test_a_pdf_bomb_is_refused_by_what_its_page_inflates_to_in_bounded_memory(bombs):
    document = upload(bombs["pdf"], "report.pdf")
    assert len(bombs["pdf"]) < MB

    with pytest.raises(UploadRefused, match="would expand to more than"):
        check_document(document)
    assert peak_memory_of(lambda: check_document(document)) < MEMORY_BUDGET


def test_a_pdf_with_too_many_pages_is_refused_before_any_page_is_read():
    with pytest.raises(UploadRefused, match="has 6 pages; the most we read is 5"):
        check_document(upload(pdf_with_pages(6), "long.pdf"))


def test_an_html_bomb_of_empty_elements_is_refused_before_it_is_parsed():
    page = upload(html_bomb(2 * MB), "page.html")

    with pytest.raises(UploadRefused, match="tags, far more than any real page"):
        check_document(page)
    assert peak_memory_of(lambda: check_document(page)) < MEMORY_BUDGET


def test_a_document_that_takes_too_long_to_open_is_refused(settings):
    settings.MAX_DOCUMENT_SECONDS = 0

    with pytest.raises(UploadRefused, match="takes too long to open"):
        check_document(upload(docx_with_text(["Some words."] * 50), "slow.docx"))


def test_ordinary_documents_pass_and_are_read():
    for data, name, words in [
        (docx_with_text(["People with convictions."]), "a.docx", "People with convictions."),
        (pdf_with_text(["Prison reform"], compress=True), "b.pdf", "Prison reform"),
        (b"<html><body><p>Plain words</p></body></html>", "c.html", "Plain words"),
    ]:
        document = upload(data, name)
        kind = check_document(document)
        assert extract_text(document.read(), kind) == words


def test_extraction_itself_refuses_a_stored_bomb_that_was_never_checked(bombs):
    for kind in ("docx", "pdf"):
        with pytest.raises(ExtractionError, match="would expand to more than|could not be read"):
            extract_text(bombs[kind], kind)


def test_the_language_checker_refuses_an_anonymous_docx_bomb(client, bombs, db):
    response = client.post("/dictionary/check/", {"document": upload(bombs["docx"], "r.docx")})

    assert response.status_code == 400
    assert "would expand to more than" in response.text
