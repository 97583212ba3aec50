"""Most demo resources carry a real attached file (PDF or Word), its text extracted, so
extraction, search and downloads are shown working."""

import io

import pytest
from django.urls import reverse
from docx import Document as WordDocument
from pypdf import PdfReader

from library import search
from library.demo import demo_resources, load_demo_resources
from library.models import ExtractionStatus, Resource
from members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def library():
    for name in {name for entry in demo_resources() for name in entry["authors"]}:
        OrganisationFactory(name=name)
    load_demo_resources()
    return Resource.objects.all()


def test_most_demo_resources_have_a_file_with_its_text_extracted(library):
    with_files = [r for r in library if r.file]
    assert len(with_files) >= len(library) * 2 // 3
    assert {r.file_kind for r in with_files} == {"pdf", "docx"}
    for resource in with_files:
        assert resource.extraction_status == ExtractionStatus.DONE
        text = " ".join(resource.extracted_text.split())
        assert resource.title in text
        assert "demonstration document" in text.lower()


def test_the_files_open_as_pdf_and_word(library):
    for resource in library.exclude(file=""):
        data = resource.file.read()
        if resource.file_kind == "pdf":
            first_page = PdfReader(io.BytesIO(data)).pages[0].extract_text()
            assert resource.title in " ".join(first_page.split())
        else:
            word = WordDocument(io.BytesIO(data))
            assert resource.title in [p.text for p in word.paragraphs]


def test_words_only_in_the_files_are_found_by_search(library):
    result = search.search("demonstration document", page_size=100)
    found = {hit.resource_id for hit in result.hits}
    with_files = set(library.exclude(file="").values_list("pk", flat=True))
    assert with_files <= found


def test_a_demo_file_downloads(client, library):
    resource = library.exclude(file="").first()
    response = client.get(reverse("library:download", args=[resource.slug]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:4] in (b"%PDF", b"PK\x03\x04")
