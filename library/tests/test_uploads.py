"""Uploads: type by content, size limit, text extraction in the background, clear failures."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from core.lib.uploads import FileKind
from core.tests.documents import docx_with_text, encrypted_pdf, pdf_with_text
from library.models import ExtractionStatus, Resource
from library.signals import resource_changed
from library.tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00"
    b"\x00\x00IEND\xaeB`\x82"
)


def upload(client, data: bytes, name: str, **fields):
    payload = {
        "title": fields.pop("title", "Evidence on release"),
        "kind": "report",
        "status": "published",
        "published_on": "2025-01-20",
        "summary": "",
        "body": "",
        "licence": "CC BY 4.0",
        "upload": SimpleUploadedFile(name, data),
        **fields,
    }
    return client.post(reverse("library:create"), payload)


@pytest.fixture
def staff_client(client, people):
    client.force_login(people["staff"])
    return client


def test_a_real_pdf_is_read_in_the_background(staff_client):
    data = pdf_with_text(["Release on temporary licence", "helps people resettle (ROTL)."])
    response = upload(staff_client, data, "rotl.pdf")
    resource = Resource.objects.get()
    assert response.status_code == 302
    assert resource.file_kind == FileKind.PDF
    assert resource.file_name == "rotl.pdf" and resource.file_size == len(data)
    # Tests run tasks immediately, so the text is there by the time the page redirects.
    assert resource.extraction_status == ExtractionStatus.DONE
    assert resource.extraction_progress == 100
    assert "Release on temporary licence" in resource.extracted_text
    assert "(ROTL)" in resource.extracted_text
    page = staff_client.get(resource.get_absolute_url()).content.decode()
    assert "has been read" in page
    download = staff_client.get(reverse("library:download", args=[resource.slug]))
    assert download["Content-Type"] == "application/pdf"
    visitor = Client()
    public_page = visitor.get(resource.get_absolute_url()).content.decode()
    assert "Download the PDF" in public_page
    assert "has been read" not in public_page  # extraction details are for staff
    assert b"".join(download.streaming_content) == data


def test_a_word_document_is_read(staff_client):
    data = docx_with_text(["Through the Gate support", "starts before release."])
    upload(staff_client, data, "through-the-gate.docx")
    resource = Resource.objects.get()
    assert resource.file_kind == FileKind.DOCX
    assert resource.extracted_text == "Through the Gate support\n\nstarts before release."


def test_html_is_read_without_scripts_or_styles(staff_client):
    html = (
        b"<!DOCTYPE html><html><head><title>Briefing</title><style>p{color:red}</style>"
        b"<script>var secret = 'hidden';</script></head><body><h1>Remand</h1>"
        b"<p>Most children on remand do not go on to get a custodial sentence.</p></body></html>"
    )
    upload(staff_client, html, "briefing.txt")  # the name is wrong; the content decides
    resource = Resource.objects.get()
    assert resource.file_kind == FileKind.HTML
    assert "Most children on remand" in resource.extracted_text
    assert "secret" not in resource.extracted_text and "color" not in resource.extracted_text
    download = staff_client.get(reverse("library:download", args=[resource.slug]))
    assert download["Content-Type"].startswith("text/plain")  # never served as a page


def test_markdown_and_plain_text_are_read(staff_client):
    upload(staff_client, "# Notes\n\nCafé and **bold**.".encode(), "notes.md", title="One")
    upload(staff_client, "Plain words\r\non two lines".encode("cp1252"), "plain.txt", title="Two")
    markdown = Resource.objects.get(title="One")
    plain = Resource.objects.get(title="Two")
    assert markdown.file_kind == FileKind.MARKDOWN
    assert markdown.extracted_text == "Notes\n\nCafé and bold."
    assert plain.file_kind == FileKind.TEXT
    assert plain.extracted_text == "Plain words\non two lines"


def test_a_renamed_image_is_refused_by_its_content(staff_client):
    response = upload(staff_client, PNG, "report.pdf")
    assert response.status_code == 400
    assert "not a kind we can read" in response.context["form"].errors["upload"][0]
    assert not Resource.objects.exists()


def test_a_zip_that_is_not_a_word_document_is_refused(staff_client):
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("payload.exe", b"MZ\x00\x00")
    response = upload(staff_client, buffer.getvalue(), "report.docx")
    assert response.status_code == 400
    assert "not a Word document" in response.context["form"].errors["upload"][0]


def test_an_empty_file_is_refused(staff_client):
    response = upload(staff_client, b"", "empty.pdf")
    assert response.status_code == 400
    assert not Resource.objects.exists()


def test_a_50_mb_upload_is_refused_and_nothing_is_saved(staff_client):
    big = b"%PDF-1.4\n" + b"0" * (50 * 1024 * 1024)
    response = upload(staff_client, big, "huge.pdf")
    assert response.status_code == 413
    assert b"too large" in response.content
    assert not Resource.objects.exists()


def test_a_corrupt_pdf_is_saved_with_a_clear_message(staff_client):
    response = upload(staff_client, b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\ngarbage", "bad.pdf")
    assert response.status_code == 302
    resource = Resource.objects.get()
    assert resource.extraction_status == ExtractionStatus.FAILED
    assert resource.extracted_text == ""
    assert "could not be read" in resource.extraction_error
    page = staff_client.get(resource.get_absolute_url()).content.decode()
    assert "The file could not be read" in page
    assert resource.title in page  # still saved and shown


def test_a_truncated_pdf_is_saved_with_a_clear_message(staff_client):
    data = pdf_with_text(["Half a file"])
    upload(staff_client, data[: len(data) // 2], "truncated.pdf")
    resource = Resource.objects.get()
    assert resource.extraction_status in {ExtractionStatus.FAILED, ExtractionStatus.DONE}
    if resource.extraction_status == ExtractionStatus.FAILED:
        assert "could not be read" in resource.extraction_error


def test_a_password_protected_pdf_is_saved_with_a_clear_message(staff_client):
    upload(staff_client, encrypted_pdf("letmein"), "locked.pdf")
    resource = Resource.objects.get()
    assert resource.extraction_status == ExtractionStatus.FAILED
    assert "protected by a password" in resource.extraction_error


def test_a_pdf_without_text_says_so(staff_client):
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    upload(staff_client, out.getvalue(), "scan.pdf")
    resource = Resource.objects.get()
    assert resource.extraction_status == ExtractionStatus.DONE
    assert "No text was found" in resource.extraction_error


def test_a_corrupt_word_document_gets_a_clear_message(staff_client):
    data = docx_with_text(["fine"])
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "word/document.xml":
                content = b"<not-xml"
            target.writestr(item, content)
    upload(staff_client, buffer.getvalue(), "broken.docx")
    resource = Resource.objects.get()
    assert resource.extraction_status == ExtractionStatus.FAILED
    assert "Word document could not be read" in resource.extraction_error


def test_extraction_announces_the_new_text_to_the_search_index(staff_client):
    seen = []

    def receiver(sender, resource, **kwargs):
        seen.append((resource.extraction_status, resource.extracted_text))

    resource_changed.connect(receiver, dispatch_uid="test-extract")
    try:
        upload(staff_client, pdf_with_text(["Indexed words"]), "a.pdf")
    finally:
        resource_changed.disconnect(dispatch_uid="test-extract")
    assert (ExtractionStatus.DONE, "Indexed words") in seen


def test_progress_shows_while_waiting_and_polls(staff_client):
    resource = ResourceFactory(
        extraction_status=ExtractionStatus.RUNNING, extraction_progress=40, file_name="a.pdf"
    )
    url = reverse("library:extraction_progress", args=[resource.slug])
    html = staff_client.get(url).content.decode()
    assert "40% done" in html
    assert f'hx-get="{url}"' in html
    assert "Refresh to see the latest progress" in html
    Resource.objects.filter(pk=resource.pk).update(extraction_status=ExtractionStatus.DONE)
    assert "hx-get" not in staff_client.get(url).content.decode()


def test_replacing_and_removing_a_file(staff_client):
    upload(staff_client, b"First version of the text", "one.txt")
    resource = Resource.objects.get()
    edit = reverse("library:edit", args=[resource.slug])
    base = {
        "title": resource.title,
        "kind": "report",
        "status": "published",
        "published_on": "2025-01-20",
        "licence": "",
    }
    staff_client.post(edit, {**base, "upload": SimpleUploadedFile("two.txt", b"Second text")})
    resource.refresh_from_db()
    assert resource.file_name == "two.txt" and resource.extracted_text == "Second text"
    staff_client.post(edit, {**base, "remove_file": "on"})
    resource.refresh_from_db()
    assert not resource.file and resource.extracted_text == ""
    assert resource.extraction_status == ExtractionStatus.NONE
    assert staff_client.get(reverse("library:download", args=[resource.slug])).status_code == 404
