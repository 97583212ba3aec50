"""Feeds: read from bytes in tests (fetching is off), problems recorded on the feed with
back-off, and no personal data beyond a byline kept from them."""

import datetime

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from media.ingest.feeds import FetchDisabled, back_off, due_feeds, fetch, ingest_feed_bytes
from media.models import Article, Feed, IngestBatch, IngestProblem
from media.tests.factories import FILES, FeedFactory, OutletFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def feed():
    outlet = OutletFactory(name="Northern Desk", slug="northern-desk")
    return FeedFactory(outlet=outlet, url="https://www.northern-desk.example/rss")


def test_rss_entries_become_articles_and_the_empty_one_is_a_problem(feed):
    batch = ingest_feed_bytes(feed, (FILES / "good_rss.xml").read_bytes(), etag='"abc"')
    assert (batch.status, batch.created, batch.rejected) == (IngestBatch.Status.DONE, 2, 1)
    article = Article.objects.get(title__startswith="Housing support")
    assert article.url == "https://www.northern-desk.example/news/housing-scheme-leeds"
    assert article.outlet == feed.outlet
    assert article.published_at == datetime.datetime(2025, 3, 3, 9, 30, tzinfo=datetime.UTC)
    assert "forty women" in article.text and "<p>" not in article.text
    problem = IngestProblem.objects.get(batch=batch)
    assert problem.feed == feed and problem.outlet == feed.outlet
    assert "no text" in problem.reason
    feed.refresh_from_db()
    assert feed.last_success_at is not None and feed.consecutive_errors == 0
    assert feed.etag == '"abc"'


def test_atom_entries_become_articles(feed):
    batch = ingest_feed_bytes(feed, (FILES / "good_atom.xml").read_bytes())
    assert (batch.status, batch.created) == (IngestBatch.Status.DONE, 2)
    assert Article.objects.filter(
        url="https://justice-weekly.example/2025/04/probation-caseloads", byline="Priya Desk"
    ).exists()


def test_no_email_or_phone_from_a_feed_is_stored(feed):
    ingest_feed_bytes(feed, (FILES / "good_rss.xml").read_bytes())
    ingest_feed_bytes(feed, (FILES / "good_atom.xml").read_bytes())
    bylines = set(Article.objects.values_list("byline", flat=True))
    assert "Jo Reporter" in bylines
    stored = repr(list(Article.objects.values())) + repr(list(IngestProblem.objects.values()))
    for personal in ("jo.reporter@", "newsdesk@", "priya@", "0113 496 0000", "496 0000"):
        assert personal not in stored


def test_malformed_feed_is_logged_and_backs_the_feed_off(feed):
    batch = ingest_feed_bytes(feed, (FILES / "malformed_feed.xml").read_bytes())
    assert batch.status == IngestBatch.Status.FAILED
    assert "not valid RSS or Atom" in batch.error
    assert IngestProblem.objects.get(batch=batch).feed == feed
    feed.refresh_from_db()
    assert feed.consecutive_errors == 1 and "not valid" in feed.last_error
    assert feed.next_fetch_after > timezone.now()
    assert feed not in due_feeds()
    again = ingest_feed_bytes(feed, b"<html>not a feed</html>")
    assert again.status == IngestBatch.Status.FAILED
    feed.refresh_from_db()
    assert feed.consecutive_errors == 2


def test_back_off_doubles_up_to_a_day():
    assert back_off(1) == datetime.timedelta(minutes=15)
    assert back_off(2) == datetime.timedelta(minutes=30)
    assert back_off(3) == datetime.timedelta(hours=1)
    assert back_off(50) == datetime.timedelta(days=1)


def test_a_good_fetch_after_errors_clears_the_back_off(feed):
    Feed.objects.filter(pk=feed.pk).update(consecutive_errors=4, last_error="timeout")
    feed.refresh_from_db()
    ingest_feed_bytes(feed, (FILES / "good_atom.xml").read_bytes())
    feed.refresh_from_db()
    assert (feed.consecutive_errors, feed.last_error, feed.next_fetch_after) == (0, "", None)


def test_reading_a_feed_again_adds_nothing(feed):
    data = (FILES / "good_rss.xml").read_bytes()
    ingest_feed_bytes(feed, data)
    again = ingest_feed_bytes(feed, data)
    assert (again.created, again.merged, Article.objects.count()) == (0, 2, 2)


def test_fetching_is_off_by_default_and_the_command_says_so(feed, settings):
    assert settings.MEDIA_FETCH_ENABLED is False
    with pytest.raises(FetchDisabled):
        fetch(feed)
    with pytest.raises(CommandError, match="MEDIA_FETCH_ENABLED"):
        call_command("ingest_feeds")
    feed.refresh_from_db()
    assert feed.last_fetched_at is None


@pytest.fixture
def feed_server():
    """A feed served on the loopback interface (no network), answering 304 to a request
    that sends back its ETag, and 500 when told to fail."""
    import http.server
    import threading

    body = (FILES / "good_atom.xml").read_bytes()
    state = {"requests": [], "fail": False, "pages": {}}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            state["requests"].append(dict(self.headers))
            if self.path in state["pages"]:
                self.send_response(200)
                self.end_headers()
                self.wfile.write(state["pages"][self.path])
            elif self.path != "/feed.xml":
                self.send_response(404)
                self.end_headers()
            elif state["fail"]:
                self.send_response(500)
                self.end_headers()
            elif self.headers.get("If-None-Match") == '"v1"':
                self.send_response(304)
                self.end_headers()
            else:
                self.send_response(200)
                self.send_header("ETag", '"v1"')
                self.send_header("Last-Modified", "Tue, 01 Apr 2025 08:00:00 GMT")
                self.end_headers()
                self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/feed.xml", state
    server.shutdown()
    server.server_close()


def test_conditional_get_makes_an_unchanged_feed_cost_nothing(feed, feed_server, settings):
    from media.ingest.feeds import ingest_feed

    settings.MEDIA_FETCH_ENABLED = True
    url, state = feed_server
    Feed.objects.filter(pk=feed.pk).update(url=url)
    feed.refresh_from_db()
    first = ingest_feed(feed)
    assert first.created == 2
    feed.refresh_from_db()
    assert (feed.etag, feed.last_modified) == ('"v1"', "Tue, 01 Apr 2025 08:00:00 GMT")
    assert ingest_feed(feed) is None  # 304: nothing read, no batch
    assert state["requests"][1]["If-None-Match"] == '"v1"'
    assert IngestBatch.objects.count() == 1
    state["fail"] = True
    assert ingest_feed(feed) is None
    feed.refresh_from_db()
    assert feed.consecutive_errors == 1 and "500" in feed.last_error
    assert feed not in due_feeds()


def test_a_short_teaser_is_replaced_by_the_article_page_when_fetching_is_allowed(
    feed, feed_server, settings
):
    from media.ingest.feeds import ingest_feed_bytes

    url, state = feed_server
    base = url.rsplit("/", 1)[0]
    state["pages"]["/story"] = (FILES / "non_utf8_page.html").read_bytes()
    rss = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
      <item><title>Cafe wins award</title><link>{base}/story</link>
      <pubDate>Tue, 06 May 2025 08:00:00 GMT</pubDate>
      <description>A cafe has won an award.</description></item>
      <item><title>Gone</title><link>{base}/missing</link>
      <pubDate>Tue, 06 May 2025 09:00:00 GMT</pubDate>
      <description>A story whose page has gone.</description></item>
    </channel></rss>""".encode()
    ingest_feed_bytes(feed, rss)
    assert Article.objects.get(title="Cafe wins award").text == "A cafe has won an award."
    Article.objects.all().delete()
    settings.MEDIA_FETCH_ENABLED = True
    ingest_feed_bytes(feed, rss)
    assert "Sheffield" in Article.objects.get(title="Cafe wins award").text
    assert Article.objects.get(title="Gone").text == "A story whose page has gone."
