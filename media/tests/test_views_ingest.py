"""The staff ingest pages: upload, batch progress (htmx and plain reload), problems, feeds,
and outlet health."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from core.tests.factories import AdminFactory, JudgeFactory, StaffFactory, UserFactory
from media.ingest.outlet_health import outlet_health
from media.models import Article, Feed, IngestBatch, IngestProblem
from media.tests.factories import (
    FILES,
    ArticleFactory,
    FeedFactory,
    OutletFactory,
    import_bytes,
    jsonl,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _uploads_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "uploads"


@pytest.fixture
def desk():
    return OutletFactory(
        name="Northern Desk", slug="northern-desk", domains="northern-desk.example"
    )


@pytest.fixture
def staff_client(client):
    client.force_login(StaffFactory())
    return client


def _row(n: int, **fields) -> dict:
    return {
        "url": f"https://www.northern-desk.example/u/{n}",
        "outlet": "Northern Desk",
        "title": f"Probation caseloads story {n}",
        "date": "2025-04-01",
        "text": f"Story {n}. Probation officers said caseloads fell after recruitment rose.",
        **fields,
    }


def _upload(client, name: str, data: bytes, **fields):
    return client.post(reverse("media:upload"), {"file": SimpleUploadedFile(name, data), **fields})


def test_staff_upload_imports_the_file_and_shows_its_batch(staff_client, desk, settings):
    response = _upload(staff_client, "april.jsonl", jsonl(_row(1), _row(2), _row(3, outlet="Nope")))
    batch = IngestBatch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("media:batch", args=[batch.pk])
    assert (batch.status, batch.created, batch.rejected) == (IngestBatch.Status.DONE, 2, 1)
    assert not batch.file  # the upload is deleted once imported
    page = staff_client.get(response["Location"])
    assert page.status_code == 200
    html = page.content.decode()
    assert "2 new articles" in html and "line 3" in html and "Nope" in html
    assert "hx-get" not in html  # finished: no more polling


def test_upload_of_a_saved_page_with_an_outlet_and_address(staff_client, desk):
    _upload(
        staff_client,
        "cafe.html",
        (FILES / "non_utf8_page.html").read_bytes(),
        outlet=desk.pk,
        url="https://www.northern-desk.example/news/cafe-award?utm_source=x",
    )
    article = Article.objects.get()
    assert article.url == "https://www.northern-desk.example/news/cafe-award"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("notes.txt", b"Dear editor", "not a file the monitor can import"),
        ("empty.csv", b"", "file is empty"),
    ],
)
def test_bad_uploads_are_refused_with_a_reason_and_change_nothing(
    staff_client, desk, name, data, message
):
    response = _upload(staff_client, name, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert IngestBatch.objects.count() == 0


def test_an_address_with_a_bulk_file_is_refused(staff_client, desk):
    response = _upload(staff_client, "a.jsonl", jsonl(_row(1)), url="https://a.example/x")
    assert response.status_code == 400
    assert IngestBatch.objects.count() == 0


def test_an_upload_over_the_limit_is_refused_before_reading(staff_client, desk, settings):
    settings.MAX_UPLOAD_BYTES = 1000
    response = _upload(staff_client, "big.jsonl", jsonl(*(_row(n) for n in range(1000))))
    assert response.status_code == 413
    assert "limit" in response.content.decode()
    # Just over the limit (within the envelope allowance): refused by the form instead.
    response = _upload(staff_client, "big.jsonl", jsonl(*(_row(n) for n in range(20))))
    assert response.status_code == 400
    assert "import_articles" in response.content.decode()
    assert IngestBatch.objects.count() == 0


def test_no_file_is_a_clear_error(staff_client):
    response = staff_client.post(reverse("media:upload"), {})
    assert response.status_code == 400
    assert "This field is required" in response.content.decode()


# Each role's outcome for the POSTs (the permission matrix covers the GETs): anonymous
# people are sent to sign in, members and judges refused, staff and admins allowed.
EACH_ROLE = pytest.mark.parametrize(
    ("user_factory", "status"),
    [
        (None, 302),
        (UserFactory, 403),
        (JudgeFactory, 403),
        (StaffFactory, 302),
        (AdminFactory, 302),
    ],
)


def _signed_in(client, user_factory):
    if user_factory:
        client.force_login(user_factory())
    return client


@EACH_ROLE
def test_only_staff_can_upload(client, desk, user_factory, status):
    response = _upload(_signed_in(client, user_factory), "a.jsonl", jsonl(_row(1)))
    assert response.status_code == status
    assert Article.objects.exists() is (user_factory in (StaffFactory, AdminFactory))
    if user_factory is None:
        assert "login" in response["Location"]


@EACH_ROLE
def test_only_staff_can_add_a_feed(client, desk, user_factory, status):
    response = _signed_in(client, user_factory).post(
        reverse("media:feeds"), {"outlet": desk.pk, "url": "https://www.northern-desk.example/rss"}
    )
    assert response.status_code == status
    assert Feed.objects.exists() is (user_factory in (StaffFactory, AdminFactory))


def test_running_batch_polls_with_htmx_and_works_on_reload(staff_client):
    batch = IngestBatch.objects.create(
        source=IngestBatch.Source.JSONL,
        name="big.jsonl",
        status=IngestBatch.Status.RUNNING,
        total=1000,
        processed=250,
        created=240,
        merged=10,
    )
    page = staff_client.get(reverse("media:batch", args=[batch.pk])).content.decode()
    assert f'hx-get="{reverse("media:batch_progress", args=[batch.pk])}"' in page
    assert "250 of 1,000 read" in page
    assert "Reload to see the latest progress" in page
    part = staff_client.get(
        reverse("media:batch_progress", args=[batch.pk]), headers={"HX-Request": "true"}
    )
    assert part.status_code == 200
    assert "<html" not in part.content.decode()
    assert 'id="batch-progress"' in part.content.decode()


def test_problems_are_listed_with_their_reason_per_source(staff_client, desk):
    batch = import_bytes("t.jsonl", (FILES / "truncated.jsonl").read_bytes())
    page = staff_client.get(reverse("media:batch", args=[batch.pk])).content.decode()
    assert "line 3" in page and "truncated" in page
    listing = staff_client.get(reverse("media:ingest")).content.decode()
    assert "t.jsonl" in listing


def test_problem_text_is_escaped(staff_client, desk):
    batch = IngestBatch.objects.create(source=IngestBatch.Source.CSV, name="<b>x</b>.csv")
    IngestProblem.objects.create(batch=batch, location="<script>alert(1)</script>", reason="r")
    page = staff_client.get(reverse("media:batch", args=[batch.pk])).content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page


def test_feeds_page_shows_failing_feeds_and_adding_a_bad_feed_is_refused(staff_client, desk):
    FeedFactory(
        outlet=desk,
        last_error="The server answered 500.",
        consecutive_errors=3,
        next_fetch_after=timezone.now() + datetime.timedelta(hours=2),
    )
    page = staff_client.get(reverse("media:feeds")).content.decode()
    assert "Failing" in page and "answered 500" in page and "switched off" in page
    response = staff_client.post(
        reverse("media:feeds"), {"outlet": desk.pk, "url": "ftp://x.example/rss"}
    )
    assert response.status_code == 400
    assert Feed.objects.count() == 1


def test_feed_page_shows_its_fetches_and_problems(staff_client, desk):
    feed = FeedFactory(outlet=desk)
    from media.ingest.feeds import ingest_feed_bytes

    ingest_feed_bytes(feed, (FILES / "good_rss.xml").read_bytes())
    page = staff_client.get(reverse("media:feed", args=[feed.pk])).content.decode()
    assert "2 new" in page and "no text" in page


def test_outlet_health_counts_articles_per_day_and_reports_feed_errors(desk):
    now = timezone.now()
    for days_ago in (0, 1, 1, 10, 95):
        ArticleFactory(outlet=desk, published_at=now - datetime.timedelta(days=days_ago))
    FeedFactory(outlet=desk, last_success_at=now - datetime.timedelta(days=2))
    FeedFactory(
        outlet=desk,
        last_error="The feed is not valid RSS or Atom.",
        last_fetched_at=now - datetime.timedelta(hours=1),
        consecutive_errors=1,
        next_fetch_after=now + datetime.timedelta(minutes=15),
    )
    health = outlet_health(desk)
    assert health.articles == 4
    assert health.articles_per_day == round(4 / 90, 1)
    assert len(health.per_day) == 90
    assert health.per_day[timezone.localdate() - datetime.timedelta(days=1)] == 2
    assert health.quiet_days == 87
    assert health.last_success_at is not None
    assert "not valid" in health.last_error
    assert len(health.feeds_backing_off) == 1
    assert sum(int(row["cells"][1]) for row in health.chart["rows"]) == 4
    assert "<svg" in health.chart["svg"]


def test_outlet_health_template_renders(desk):
    from django.template.loader import render_to_string

    html = render_to_string("media/ingest/_outlet_health.html", {"health": outlet_health(desk)})
    assert "0 articles in the last 90 days" in html


def test_a_lost_upload_fails_its_batch_with_a_message(desk):
    from media.tasks import ingest_uploaded_file

    batch = IngestBatch.objects.create(
        source=IngestBatch.Source.JSONL, name="gone.jsonl", file="media-ingest/gone.jsonl"
    )
    ingest_uploaded_file.call(batch.pk)
    batch.refresh_from_db()
    assert batch.status == IngestBatch.Status.FAILED
    assert "could not be read" in batch.error
