"""The checker page and the language guide page."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from glossary import views_checker
from glossary.tests.checker_fixtures import fresh_checker_cache  # noqa: F401

pytestmark = pytest.mark.django_db

CHECK_URL = "/dictionary/check/"


def test_the_urls_are_where_the_brief_says():
    assert reverse("glossary:check") == CHECK_URL
    assert reverse("glossary:guide") == "/dictionary/language-guide/"


def test_the_checker_form_is_shown(client):
    response = client.get(CHECK_URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>Language checker</h1>" in page
    assert 'name="csrfmiddlewaretoken"' in page
    assert 'enctype="multipart/form-data"' in page


def test_pasted_text_is_shown_with_findings_marked_and_explained(client):
    response = client.post(
        CHECK_URL, {"text": "Inmates met a Young Offender Institution chaplain."}
    )
    assert response.status_code == 200
    page = response.content.decode()
    mark = '<mark class="finding kind-stigmatising severity-stigmatising" id="at-1">Inmates</mark>'
    assert mark in page
    assert 'class="finding kind-official_name"' in page
    # The explanation is in words, not only colour: suggestion and reason.
    assert "Instead, try:" in page
    assert "<em>person in prison</em>" in page
    assert "Why: Borrowed from asylums" in page
    assert 'href="#finding-1"' in page
    assert "Findings by kind" in page
    # A short text: counts, not rates per 1,000 words.
    assert "Per 1,000 words" not in page
    assert "the summary gives counts" in page


def test_a_long_text_gets_rates_per_thousand_words(client):
    text = "People in prison deserve respect and a chance to change. " * 120 + "Inmates."
    page = client.post(CHECK_URL, {"text": text}).content.decode()
    assert "Per 1,000 words" in page
    assert "the summary gives counts" not in page


def test_use_with_care_is_shown_apart_from_stigmatising_wording_in_words(client):
    page = client.post(CHECK_URL, {"text": "The prisoner met an inmate."}).content.decode()
    assert 'class="finding kind-stigmatising severity-care"' in page
    assert '<span class="badge severity-care">Use with care</span>' in page
    assert '<span class="badge severity-stigmatising">Stigmatising</span>' in page
    assert '<span class="visually-hidden">: use with care</span>' in page
    assert "Use with care</th>" in page


def test_discussed_words_are_shown_as_discussed(client):
    text = "We avoid terms such as offender and inmate in everything we write."
    page = client.post(CHECK_URL, {"text": text}).content.decode()
    assert "a word discussed, not used" in page
    assert "badge severity-stigmatising" not in page


def test_text_with_nothing_to_change_says_so(client):
    response = client.post(CHECK_URL, {"text": "People in prison deserve respect."})
    assert "Nothing to change" in response.content.decode() or "jargon" in response.content.decode()


def test_hostile_html_in_the_text_is_escaped(client):
    response = client.post(
        CHECK_URL, {"text": "<script>alert('x')</script> offenders <img src=x onerror=alert(1)>"}
    )
    page = response.content.decode()
    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert ">offenders</mark>" in page


def test_an_empty_submission_gets_a_clear_message(client):
    response = client.post(CHECK_URL, {"text": "   "})
    assert response.status_code == 400
    assert "Paste some text or upload a document" in response.content.decode()


def test_text_over_the_limit_is_refused(client):
    response = client.post(CHECK_URL, {"text": "a" * (views_checker.MAX_TEXT_CHARS + 1)})
    assert response.status_code == 400
    assert "at most 200,000 characters" in response.content.decode()


def test_a_body_over_the_upload_limit_gets_413(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = client.post(CHECK_URL, {"text": "word " * 1000})
    assert response.status_code == 413
    assert "too much to send at once" in response.content.decode()


def test_a_text_document_can_be_uploaded(client):
    upload = SimpleUploadedFile("draft.md", b"# Draft\n\nThe lifers waited.", "text/markdown")
    response = client.post(CHECK_URL, {"text": "", "document": upload})
    assert response.status_code == 200
    assert ">lifers</mark>" in response.content.decode()


def test_html_documents_are_stripped_of_tags_scripts_and_styles(client):
    markup = (
        "<html><head><style>p{}</style><script>var offenders = 1;</script></head>"
        "<body><p>The <b>inmates</b> &amp; staff.</p></body></html>"
    )
    upload = SimpleUploadedFile("page.html", markup.encode(), "text/html")
    response = client.post(CHECK_URL, {"document": upload})
    page = response.content.decode()
    assert response.status_code == 200
    assert ">inmates</mark>" in page
    assert "&amp; staff." in page
    assert "var offenders" not in page


def test_binary_uploads_are_refused_whatever_their_name(client):
    upload = SimpleUploadedFile("report.txt", b"\x89PNG\r\n\x1a\n\x00\x00 image", "text/plain")
    response = client.post(CHECK_URL, {"document": upload})
    assert response.status_code == 400
    assert "not a kind we can read" in response.content.decode()


def test_a_zip_that_is_not_a_word_document_is_refused(client):
    upload = SimpleUploadedFile("report.docx", b"PK\x03\x04", "application/octet-stream")
    response = client.post(CHECK_URL, {"document": upload})
    assert response.status_code == 400
    assert "not a Word document" in response.content.decode()


def test_a_damaged_pdf_gets_a_clear_message(client):
    upload = SimpleUploadedFile("report.pdf", b"%PDF-1.7 not really a pdf", "application/pdf")
    response = client.post(CHECK_URL, {"document": upload})
    assert response.status_code == 400
    assert "could not be read" in response.content.decode()


def test_a_word_document_is_checked(client):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("Every offender deserves a second chance.")
    buffer = io.BytesIO()
    document.save(buffer)
    upload = SimpleUploadedFile("draft.docx", buffer.getvalue(), "application/octet-stream")
    response = client.post(CHECK_URL, {"document": upload})
    assert response.status_code == 200
    assert "<mark" in response.content.decode()


def test_windows_encoded_text_is_read_rather_than_refused(client):
    upload = SimpleUploadedFile("notes.txt", "café offenders".encode("cp1252"), "text/plain")
    response = client.post(CHECK_URL, {"document": upload})
    assert response.status_code == 200
    assert "café" in response.content.decode()


def test_large_documents_are_refused(client):
    upload = SimpleUploadedFile("big.txt", b"a " * views_checker.MAX_DOCUMENT_BYTES, "text/plain")
    response = client.post(CHECK_URL, {"document": upload})
    assert response.status_code == 400
    assert "the most we can check is" in response.content.decode()


def test_text_and_a_document_together_are_refused(client):
    upload = SimpleUploadedFile("a.txt", b"offenders", "text/plain")
    response = client.post(CHECK_URL, {"text": "inmates", "document": upload})
    assert response.status_code == 400
    assert "not both" in response.content.decode()


def test_checking_is_rate_limited_per_client(client):
    for _ in range(views_checker.CHECK_LIMIT):
        assert client.post(CHECK_URL, {"text": "offenders"}).status_code == 200
    response = client.post(CHECK_URL, {"text": "offenders"})
    assert response.status_code == 429
    assert response["Retry-After"] == str(views_checker.CHECK_WINDOW_SECONDS)
    assert "Please wait an hour" in response.content.decode()
    # Someone else is not affected.
    other = client.post(CHECK_URL, {"text": "offenders"}, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 200


def test_the_form_needs_a_csrf_token(client):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post(CHECK_URL, {"text": "offenders"}).status_code == 403


def test_the_language_guide_shows_entries_by_category_and_history(client):
    response = client.get("/dictionary/language-guide/")
    assert response.status_code == 200
    page = response.content.decode()
    for heading in ("Defines a person by an offence", "Dehumanising", "Sensational", "Outdated"):
        assert f">{heading}</h2>" in page
    assert '<th scope="row">ex-offender</th>' in page
    assert "person with a conviction" in page
    assert "Rehabilitation of Offenders Act 1974" in page
    assert "Version 1," in page
    assert "First version of the language guide." in page


def test_the_guide_page_works_before_any_guide_is_published(client):
    from glossary.models import GuideVersion

    GuideVersion.objects.all().delete()
    response = client.get("/dictionary/language-guide/")
    assert response.status_code == 200
    assert "has not been published yet" in response.content.decode()
