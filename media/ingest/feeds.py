"""RSS and Atom feeds: fetched politely when the installation allows, read with feedparser.

Fetching is off unless settings.MEDIA_FETCH_ENABLED: an installation without network access
(and every test) gives the feed's bytes to `ingest_feed_bytes` instead. A fetch sends the
feed's ETag and Last-Modified back, so a feed that has not changed answers 304 and costs
nothing. Every failure (network, HTTP error, malformed feed) is recorded on the Feed and
pushes its next fetch back, doubling each time up to a day, so a broken feed is not hammered.
"""

import datetime
import urllib.error
import urllib.request
from dataclasses import dataclass

import feedparser
from django.conf import settings
from django.utils import timezone

from media.ingest.batches import Record, SourceProblem, new_batch, run_batch
from media.ingest.cleaning import strip_contact_details
from media.ingest.files import MAX_PAGE_BYTES, extract_page
from media.models import Feed, IngestBatch

FETCH_TIMEOUT_SECONDS = 20
MAX_FEED_BYTES = 20 * 1024 * 1024
FIRST_BACK_OFF = datetime.timedelta(minutes=15)
LONGEST_BACK_OFF = datetime.timedelta(days=1)
# Feeds often carry only a teaser; shorter than this, the article's page is read instead.
FULL_TEXT_BELOW_WORDS = 100
USER_AGENT = "Groundswell media monitor (+https://github.com/groundswell)"


class FetchDisabled(RuntimeError):
    pass


@dataclass
class Fetched:
    status: int
    body: bytes = b""
    etag: str = ""
    last_modified: str = ""


def back_off(errors: int) -> datetime.timedelta:
    """How long to wait after `errors` failures in a row: 15 minutes, doubling, at most a day."""
    doublings = min(max(errors - 1, 0), 16)  # 15 minutes * 2**7 is already over a day
    return min(FIRST_BACK_OFF * 2**doublings, LONGEST_BACK_OFF)


def due_feeds():
    """Active feeds of active outlets that are not backing off."""
    now = timezone.now()
    return (
        Feed.objects.filter(is_active=True, outlet__is_active=True)
        .exclude(next_fetch_after__gt=now)
        .select_related("outlet")
    )


def record_failure(feed: Feed, reason: str) -> None:
    now = timezone.now()
    errors = feed.consecutive_errors + 1
    Feed.objects.filter(pk=feed.pk).update(
        last_fetched_at=now,
        last_error=reason,
        consecutive_errors=errors,
        next_fetch_after=now + back_off(errors),
    )


def record_success(feed: Feed, etag: str | None = None, last_modified: str | None = None) -> None:
    fields = {
        "last_fetched_at": timezone.now(),
        "last_success_at": timezone.now(),
        "last_error": "",
        "consecutive_errors": 0,
        "next_fetch_after": None,
    }
    if etag is not None:
        fields["etag"] = etag[:300]
    if last_modified is not None:
        fields["last_modified"] = last_modified[:100]
    Feed.objects.filter(pk=feed.pk).update(**fields)


def get(url: str, headers: dict[str, str] | None = None, limit: int = MAX_FEED_BYTES) -> Fetched:
    """GET an address, reading at most `limit` bytes. Raises FetchDisabled when fetching is
    off and OSError (incl. urllib's errors) when the fetch fails; a 304 is returned."""
    if not settings.MEDIA_FETCH_ENABLED:
        raise FetchDisabled("Fetching feeds and pages is switched off for this installation.")
    if not url.lower().startswith(("http://", "https://")):
        raise OSError("The address must start with http:// or https://.")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, **(headers or {})})  # noqa: S310  checked just above
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT_SECONDS) as response:  # noqa: S310
            body = response.read(limit + 1)
            if len(body) > limit:
                raise OSError(f"It is over the {limit // 1024 // 1024} MB limit.")
            return Fetched(
                status=response.status,
                body=body,
                etag=response.headers.get("ETag", ""),
                last_modified=response.headers.get("Last-Modified", ""),
            )
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return Fetched(status=304)
        raise OSError(f"The server answered {error.code} {error.reason}.") from None


def fetch(feed: Feed) -> Fetched:
    """GET the feed, sending back its validators so an unchanged feed answers 304."""
    headers = {}
    if feed.etag:
        headers["If-None-Match"] = feed.etag
    if feed.last_modified:
        headers["If-Modified-Since"] = feed.last_modified
    return get(feed.url, headers)


def full_text(url: str, summary: str) -> str:
    """The article's own text from its page when the feed gives only a short summary and
    fetching is allowed; else the summary. A page that cannot be fetched or read keeps the
    summary: the entry is still worth having."""
    if not settings.MEDIA_FETCH_ENABLED or len(summary.split()) >= FULL_TEXT_BELOW_WORDS:
        return summary
    try:
        page = get(url, limit=MAX_PAGE_BYTES)
        found = extract_page(page.body, url)
    except (OSError, ValueError, SourceProblem):
        return summary
    return found["text"] if len(found["text"]) > len(summary) else summary


def _entry_text(entry) -> str:
    for content in entry.get("content") or []:
        if content.get("value"):
            return content["value"]
    return entry.get("summary") or entry.get("description") or ""


def _byline(entry) -> str:
    # RSS gives "jo@example.com (Jo Bloggs)"; feedparser's own split of that into name and
    # email cuts domains short, so the contact details are stripped here instead.
    return strip_contact_details(entry.get("author") or "")


def feed_records(feed: Feed, data: bytes):
    """The feed's entries as records. Raises SourceProblem for a feed that cannot be read."""
    parsed = feedparser.parse(data)
    if parsed.bozo and not parsed.entries:
        reason = getattr(parsed.get("bozo_exception"), "getMessage", None)
        detail = reason() if callable(reason) else str(parsed.get("bozo_exception", ""))
        raise SourceProblem(f"The feed is not valid RSS or Atom ({detail[:200]}).")
    if not parsed.entries and not parsed.get("version"):
        raise SourceProblem("This is not an RSS or Atom feed.")
    for position, entry in enumerate(parsed.entries, start=1):
        link = entry.get("link") or ""
        yield Record(
            location=link or f"entry {position}",
            url=link,
            title=entry.get("title") or "",
            text=full_text(link, _entry_text(entry)) if link else _entry_text(entry),
            published=entry.get("published_parsed") or entry.get("updated_parsed"),
            byline=_byline(entry),
            outlet=feed.outlet,
            language=(parsed.feed.get("language") or "en").split("-")[0],
        )


def ingest_feed_bytes(
    feed: Feed,
    data: bytes,
    batch: IngestBatch | None = None,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    **options,
) -> IngestBatch:
    """Ingest one fetch of a feed. A malformed feed fails the batch, logs a problem and
    backs the feed off; a good one resets its error count and keeps its validators."""
    batch = batch or new_batch(IngestBatch.Source.FEED, feed.url, feed=feed)
    run_batch(batch, feed_records(feed, data), outlet=feed.outlet, **options)
    feed.refresh_from_db()
    if batch.status == IngestBatch.Status.FAILED:
        record_failure(feed, batch.error)
    else:
        record_success(feed, etag, last_modified)
    return batch


def ingest_feed(feed: Feed, **options) -> IngestBatch | None:
    """Fetch and ingest one feed. None when it has not changed since the last fetch (or
    could not be fetched: the failure is recorded on the feed)."""
    try:
        fetched = fetch(feed)
    except FetchDisabled:
        raise
    except (OSError, ValueError) as error:
        record_failure(feed, f"The feed could not be fetched: {error}")
        return None
    if fetched.status == 304:
        record_success(feed)
        return None
    return ingest_feed_bytes(
        feed, fetched.body, etag=fetched.etag, last_modified=fetched.last_modified, **options
    )
