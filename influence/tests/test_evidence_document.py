"""A timeline entry's uploaded document: downloaded through the site, never from /uploads/.

Visitors get a document when the public page shows its entry (published recommendation,
entry not corrected); staff and admins get every one. Always as an attachment.
"""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from core.tests.factories import AdminFactory, JudgeFactory, StaffFactory, UserFactory
from influence.models import Status, StatusChange
from influence.services import status as status_changes
from influence.tests.factories import RecommendationFactory, TargetBodyFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4 The Minister's reply"
ROLES = {
    "anonymous": None,
    "member": UserFactory,
    "judge": JudgeFactory,
    "staff": StaffFactory,
    "admin": AdminFactory,
}


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def staff():
    return StaffFactory()


@pytest.fixture
def target():
    return TargetBodyFactory(name="Ministry of Justice", slug="ministry-of-justice")


def _entry(staff, recommendation, target, name="reply.pdf", content=PDF, day=1):
    return status_changes.record_status_change(
        staff,
        recommendation,
        target,
        Status.RAISED,
        datetime.date(2024, 5, day),
        evidence_file=SimpleUploadedFile(name, content) if name else None,
    )


def _url(entry: StatusChange, slug: str | None = None) -> str:
    return reverse(
        "influence:evidence_document", args=[slug or entry.recommendation.slug, entry.pk]
    )


def _client(role: str) -> Client:
    client = Client()
    if ROLES[role] is not None:
        client.force_login(ROLES[role]())
    return client


@pytest.mark.parametrize("role", list(ROLES))
def test_a_published_entrys_document_downloads_for_everyone(role, staff, target):
    entry = _entry(staff, RecommendationFactory(targets=[target], published=True), target)
    response = _client(role).get(_url(entry))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "reply" in response["Content-Disposition"]


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", 404), ("member", 404), ("judge", 404), ("staff", 200), ("admin", 200)],
)
def test_an_unpublished_recommendations_documents_are_for_staff(role, expected, staff, target):
    entry = _entry(staff, RecommendationFactory(targets=[target]), target)
    assert _client(role).get(_url(entry)).status_code == expected


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", 404), ("member", 404), ("judge", 404), ("staff", 200), ("admin", 200)],
)
def test_a_corrected_entrys_document_is_for_staff(role, expected, staff, target):
    recommendation = RecommendationFactory(targets=[target], published=True)
    wrong = _entry(staff, recommendation, target)
    status_changes.correct_status_change(
        staff,
        wrong,
        evidence_file=SimpleUploadedFile("right.pdf", b"%PDF-1.4 the right letter"),
    )
    wrong.refresh_from_db()
    assert wrong.corrected_by_id is not None
    assert _client(role).get(_url(wrong)).status_code == expected
    replacement = wrong.corrected_by
    response = _client(role).get(_url(replacement))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 the right letter"


def test_no_file_another_recommendations_slug_or_a_missing_file_are_404(staff, target):
    published = RecommendationFactory(targets=[target], published=True)
    other = RecommendationFactory(targets=[target], published=True)
    without = _entry(staff, published, target, name=None)
    with_file = _entry(staff, published, target, day=2)
    client = _client("staff")
    assert client.get(_url(without)).status_code == 404
    assert client.get(_url(with_file, slug=other.slug)).status_code == 404
    assert client.get(_url(with_file, slug="no-such-recommendation")).status_code == 404
    assert client.get(
        f"/recommendations/{published.slug}/timeline/99999/document/"
    ).status_code == (404)
    with_file.evidence_file.storage.delete(with_file.evidence_file.name)
    assert client.get(_url(with_file)).status_code == 404


def test_a_document_of_another_kind_is_never_served_as_a_page(staff, target):
    """An HTML file (the API's older rules allowed one) comes back as bytes to save."""
    entry = _entry(
        staff,
        RecommendationFactory(targets=[target], published=True),
        target,
        name="letter.html",
        content=b"<script>alert(1)</script>",
    )
    response = _client("anonymous").get(_url(entry))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment;")


def test_only_get_and_head(staff, target):
    entry = _entry(staff, RecommendationFactory(targets=[target], published=True), target)
    assert _client("staff").post(_url(entry)).status_code == 405


def test_pages_and_api_link_to_the_download_not_to_media_url(client, staff, target, settings):
    recommendation = RecommendationFactory(targets=[target], published=True)
    entry = _entry(staff, recommendation, target)
    url = _url(entry)
    public = client.get(recommendation.get_absolute_url()).content.decode()
    assert f'href="{url}"' in public
    assert settings.MEDIA_URL not in public
    staff_client = _client("staff")
    staff_page = staff_client.get(reverse("influence:staff_edit", args=[recommendation.slug]))
    assert f'href="{url}"' in staff_page.content.decode()
    timeline = client.get(f"/api/v1/recommendations/{recommendation.slug}/timeline").json()
    assert timeline[0]["evidence_file"] == f"http://testserver{url}"
