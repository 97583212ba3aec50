"""The API shows what the public pages show, and nothing unpublishable."""

import pytest
from django.test import Client

from consultations.models import ConsultationStatus
from consultations.submission.services import publishing
from consultations.tests.factories import ConsultationFactory
from consultations.tests.test_submission_world import SECRET, build_world

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_list_and_detail_leave_out_drafts(db):
    world = build_world()
    draft = ConsultationFactory(status=ConsultationStatus.DRAFT)
    client = Client()
    listed = client.get("/api/v1/consultations").json()
    assert [item["slug"] for item in listed] == [world.consultation.slug]
    detail = client.get(f"/api/v1/consultations/{world.consultation.slug}").json()
    assert [q["number"] for q in detail["questions"]] == [1, 2]
    assert detail["submission_published"] is False
    missing = client.get(f"/api/v1/consultations/{draft.slug}")
    assert missing.status_code == 404 and "detail" in missing.json()


def test_the_submission_is_served_once_published_with_publishable_quotes_only(db):
    world = build_world()
    url = f"/api/v1/consultations/{world.consultation.slug}/submission"
    assert Client().get(url).status_code == 404
    publishing.mark_as_sent(world.staff, world.submission)
    publishing.publish(world.staff, world.submission)
    response = Client().get(url)
    body = response.json()
    quotes = [
        block["quote"]
        for part in body["parts"]
        for section in part["sections"]
        for block in section["blocks"]
        if block["quote"]
    ]
    assert {q["attribution"] for q in quotes} == {
        "Open Doors Housing",
        "a woman with lived experience",
    }
    assert SECRET not in response.content.decode()
    assert body["pdf_url"].endswith("/submission.pdf")
    assert body["recommendations"][0]["title"] == "Open council housing desks on Fridays"
