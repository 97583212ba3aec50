"""Consent end to end: words not for publication, withdrawn or not yet reviewed never reach
any output — the public page, DOCX, PDF, API, library entry, saved version, the staff
preview, the my-input page or a feedback email — while publishable words do, redacted."""

import io
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from docx import Document as WordDocument
from pypdf import PdfReader

from consultations.feedback import services as feedback
from consultations.submission.services import publishing, versions
from consultations.tests.test_submission_world import HOSTILE, SECRET, build_world

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def published(db):
    world = build_world()
    publishing.mark_as_sent(world.staff, world.submission)
    publishing.publish(world.staff, world.submission)
    world.submission.refresh_from_db()
    return world


def docx_text_of(content: bytes) -> str:
    return "\n".join(p.text for p in WordDocument(io.BytesIO(content)).paragraphs)


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def assert_only_publishable(text: str):
    assert SECRET not in text
    assert "PUBLIC words: a phone and a bed" in text
    assert "[name] told me PUBLIC" in text
    assert not re.search(r"\bJane\b", text)  # the redacted name (a signed-in "Janet" may show)


def test_public_page_shows_only_publishable_quotes_and_no_hostile_html(published):
    response = Client().get(published.consultation.get_absolute_url())
    html = response.content.decode()
    assert_only_publishable(html)
    assert "Open Doors Housing" in html  # agreed to be named
    assert "a woman with lived experience" in html
    assert "<script>alert" not in html and "onerror" not in html
    assert "<strong>Bold claim</strong>" in html


def test_public_downloads_contain_only_publishable_quotes(published):
    slug = published.consultation.slug
    client = Client()
    docx = client.get(reverse("consultations:submission_docx", args=[slug])).content
    assert_only_publishable(docx_text_of(docx))
    pdf = client.get(reverse("consultations:submission_pdf", args=[slug])).content
    assert_only_publishable(" ".join(pdf_text(pdf).split()))


def test_staff_preview_and_draft_downloads_leave_hidden_quotes_out(published):
    client = Client()
    client.force_login(published.staff)
    slug = published.consultation.slug
    assert_only_publishable(
        client.get(reverse("consultations:builder_preview", args=[slug])).content.decode()
    )
    docx = client.get(reverse("consultations:builder_docx", args=[slug])).content
    assert_only_publishable(docx_text_of(docx))


def test_api_submission_has_only_publishable_quotes(published):
    response = Client().get(f"/api/v1/consultations/{published.consultation.slug}/submission")
    assert response.status_code == 200
    assert_only_publishable(response.content.decode())


def test_library_entry_and_its_pdf_hold_only_publishable_quotes(published):
    resource = published.submission.resource
    assert_only_publishable(resource.body)
    assert_only_publishable(resource.extracted_text)
    with resource.file.open("rb") as handle:
        assert_only_publishable(" ".join(pdf_text(handle.read()).split()))
    page = Client().get(resource.get_absolute_url()).content.decode()
    assert SECRET not in page
    assert "<script>alert" not in page


def test_a_saved_version_holds_only_publishable_text(published):
    version = versions.save_version(published.staff, published.submission, "First draft")
    assert_only_publishable(str(version.content))
    assert HOSTILE not in str(version.content)


def test_my_input_page_and_feedback_email_hold_only_publishable_words(published):
    feedback.send_outcomes(published.consultation)
    client = Client()
    client.force_login(published.member)
    page = client.get(reverse("consultations:my_input")).content.decode()
    assert SECRET not in page
    assert "PUBLIC words: a phone and a bed" in page
    assert len(mail.outbox) == 2  # the named organisation's contact and the described speaker
    for message in mail.outbox:
        html = message.alternatives[0][0]
        assert SECRET not in message.body and SECRET not in html
        assert "<script" not in html


def test_withdrawing_consent_after_publication_drops_the_quote_everywhere_rebuilt(published):
    from django.utils import timezone

    docx_url = reverse("consultations:submission_docx", args=[published.consultation.slug])
    assert "PUBLIC words: a phone and a bed" in docx_text_of(Client().get(docx_url).content)
    contribution = published.named_quote.answer.contribution
    contribution.consent_withdrawn_at = timezone.now()
    contribution.save()
    # The download is cached by its content, so the withdrawal shows at once.
    assert "PUBLIC words: a phone" not in docx_text_of(Client().get(docx_url).content)
    html = Client().get(published.consultation.get_absolute_url()).content.decode()
    assert "PUBLIC words: a phone and a bed" not in html
    api = Client().get(f"/api/v1/consultations/{published.consultation.slug}/submission")
    assert "PUBLIC words: a phone and a bed" not in api.content.decode()
