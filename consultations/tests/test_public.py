"""Public pages: drafts never shown, a submission and its downloads only once published."""

import pytest
from django.test import Client
from django.urls import reverse

from consultations.models import ConsultationStatus
from consultations.submission.services import publishing
from consultations.tests.factories import ConsultationFactory
from consultations.tests.test_submission_world import build_world
from core.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_the_index_lists_open_and_past_but_never_drafts(db):
    ConsultationFactory(title="Open call on sentencing")
    ConsultationFactory(title="Past call on policing", status=ConsultationStatus.SUBMITTED)
    ConsultationFactory(title="Secret draft call", status=ConsultationStatus.DRAFT)
    html = Client().get(reverse("consultations:index")).content.decode()
    assert "Open call on sentencing" in html and "Past call on policing" in html
    assert "Secret draft call" not in html
    assert html.index("Open call on sentencing") < html.index("Past call on policing")


def test_a_draft_consultation_is_not_found(db):
    draft = ConsultationFactory(status=ConsultationStatus.DRAFT)
    assert Client().get(draft.get_absolute_url()).status_code == 404


def test_the_submission_appears_only_once_published(db):
    world = build_world()
    slug = world.consultation.slug
    client = Client()
    page = client.get(world.consultation.get_absolute_url()).content.decode()
    assert "What helps on the day of release?" in page
    assert "PUBLIC words" not in page
    assert client.get(reverse("consultations:submission_docx", args=[slug])).status_code == 404
    assert client.get(reverse("consultations:submission_pdf", args=[slug])).status_code == 404
    publishing.mark_as_sent(world.staff, world.submission)
    assert client.get(reverse("consultations:submission_pdf", args=[slug])).status_code == 404
    publishing.publish(world.staff, world.submission)
    page = client.get(world.consultation.get_absolute_url()).content.decode()
    assert "PUBLIC words" in page
    docx = client.get(reverse("consultations:submission_docx", args=[slug]))
    assert docx.status_code == 200 and docx["Content-Disposition"].endswith('.docx"')
    pdf = client.get(reverse("consultations:submission_pdf", args=[slug]))
    assert pdf.content.startswith(b"%PDF")


def test_member_contacts_get_a_link_to_contribute_while_open(db):
    world = build_world()
    client = Client()
    page = client.get(world.consultation.get_absolute_url()).content.decode()
    assert "Start your evidence" not in page and "sign in to give evidence" in page
    client.force_login(world.member)
    page = client.get(world.consultation.get_absolute_url()).content.decode()
    assert any(
        action in page
        for action in ("Start your evidence", "Continue your draft", "See or change your evidence")
    )
    client.force_login(UserFactory())  # signed in, but no organisation
    page = client.get(world.consultation.get_absolute_url()).content.decode()
    assert "is not among those invited" in page
