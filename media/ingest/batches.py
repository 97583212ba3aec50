"""Ingest: records from any source become articles, in chunks, never half-written.

Sources (files.py, feeds.py) turn what they read into a stream of Record and
Rejected items; `run_batch` writes that stream into an IngestBatch. Every record is checked
(address, outlet, title, date, text, size); a bad one is logged as an IngestProblem with its
reason and the rest carry on.

Each chunk of CHUNK_SIZE records is written in one transaction together with its problems and
the batch's counters, so the figures staff see always match what is stored. A file that stops
part-way (a crash, a killed worker) keeps its whole chunks and nothing of the chunk it was in,
and the import is resumable and idempotent: running the same file again skips every article
already stored (merged by address) and adds only the rest. Reading the stream is lazy and the
chunk is the only list kept, so memory stays flat however long the file.
"""

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from core.lib import jobs
from core.lib.months import month_of
from media.analysis.runs import Analyser
from media.ingest import dedup, syndication
from media.ingest.canonical_urls import InvalidURL, canonical_url, host_of
from media.ingest.cleaning import BadValue, clean_byline, parse_published, plain_text
from media.models import Article, Feed, IngestBatch, IngestProblem, Outlet
from media.services.monthly_figures import rebuild_monthly_figures

logger = logging.getLogger(__name__)

CHUNK_SIZE = 500
MAX_TITLE_CHARACTERS = 500
MAX_TEXT_CHARACTERS = 1_000_000
MAX_LANGUAGE_CHARACTERS = 10


@dataclass
class Record:
    """One article as a source gave it, before any checking."""

    location: str
    url: str = ""
    title: str = ""
    text: str = ""
    published: object = None
    byline: str = ""
    outlet: Outlet | None = None
    outlet_name: str = ""
    language: str = "en"


@dataclass
class Rejected:
    """Something a source could not even read as a record (a broken line, a bad file)."""

    location: str
    reason: str


class SourceProblem(Exception):
    """The whole source is unusable (wrong columns, not a feed): nothing of it is stored."""


class OutletDirectory:
    """Finds an outlet by name, slug or the address of its articles. Loaded once per batch
    (outlets are few), so a 200,000-line file costs no outlet queries."""

    def __init__(self):
        self.by_key: dict[str, Outlet] = {}
        self.by_domain: dict[str, Outlet] = {}
        for outlet in Outlet.objects.all():
            self.by_key[outlet.name.casefold()] = outlet
            self.by_key[outlet.slug.casefold()] = outlet
            for domain in outlet.domains.split():
                self.by_domain[domain.strip().lower().removeprefix("www.")] = outlet

    def find(self, name: str, url: str) -> Outlet:
        name = (name or "").strip()
        if name:
            outlet = self.by_key.get(name.casefold())
            if outlet is None:
                raise BadValue(
                    f"Its outlet '{name[:80]}' is not one the monitor knows: add the outlet "
                    "first (or correct the name), then import the file again."
                )
            return outlet
        host = host_of(url)
        while host:
            if host in self.by_domain:
                return self.by_domain[host]
            host = host.partition(".")[2]
        raise BadValue(
            "It names no outlet and its address matches no outlet's web addresses: add an "
            "outlet column or the outlet's web address."
        )


@dataclass
class Counts:
    processed: int = 0
    created: int = 0
    merged: int = 0
    rejected: int = 0
    problems: list[IngestProblem] = field(default_factory=list)


class BatchWriter:
    """Collects records and writes them a chunk at a time (see the module docstring)."""

    def __init__(
        self,
        batch: IngestBatch,
        *,
        analyser: Analyser | None = None,
        chunk_size: int = CHUNK_SIZE,
        outlet: Outlet | None = None,
        progress: Callable[[IngestBatch], None] | None = None,
    ):
        self.batch = batch
        self.progress = progress
        self.analyser = analyser or Analyser()
        self.chunk_size = chunk_size
        self.outlet = outlet
        self.outlets = OutletDirectory()
        self.pending: list[Record] = []
        self.pending_problems: list[Rejected] = []
        self.touched: set[tuple[int, object]] = set()

    def add(self, item: Record | Rejected) -> None:
        if isinstance(item, Rejected):
            self.pending_problems.append(item)
        else:
            self.pending.append(item)
        if len(self.pending) + len(self.pending_problems) >= self.chunk_size:
            self.flush()

    def flush(self) -> None:
        if not self.pending and not self.pending_problems:
            return
        try:
            self._write_chunk()
        except IntegrityError:
            # Another import stored one of these addresses a moment ago: the chunk was rolled
            # back whole; checking again now merges those articles instead.
            self._write_chunk()
        self.pending, self.pending_problems = [], []
        if self.progress is not None:
            self.batch.refresh_from_db(fields=["processed", "created", "merged", "rejected"])
            self.progress(self.batch)

    def close(self) -> None:
        """Write what is left and bring the monthly figures up to date."""
        self.flush()
        self.refresh_figures()

    def refresh_figures(self) -> None:
        rebuild_monthly_figures(self.touched)
        self.touched.clear()

    # --- one chunk -------------------------------------------------------------------------

    def _problem(self, location: str, reason: str, outlet: Outlet | None = None) -> IngestProblem:
        return IngestProblem(
            batch=self.batch,
            feed_id=self.batch.feed_id,
            outlet=outlet or self.outlet,
            location=location[:1000],
            reason=reason,
        )

    def _article(self, record: Record) -> Article:
        try:
            url = canonical_url(record.url)
        except InvalidURL as error:
            raise BadValue(f"Its address cannot be used: {error}") from None
        outlet = record.outlet
        if outlet is None:
            # The row's own outlet first; the batch's (chosen on upload) for rows without one.
            named = record.outlet_name.strip()
            outlet = self.outlet if self.outlet and not named else self.outlets.find(named, url)
        title = plain_text(record.title)
        if not title:
            raise BadValue("It has no title.")
        if len(title) > MAX_TITLE_CHARACTERS:
            raise BadValue(f"Its title is longer than {MAX_TITLE_CHARACTERS} characters.")
        if len(record.text or "") > MAX_TEXT_CHARACTERS:
            raise BadValue(
                f"Its text is longer than {MAX_TEXT_CHARACTERS:,} characters: not a news article."
            )
        text = plain_text(record.text)
        if not text:
            raise BadValue("It has no text (only a title, or an empty page).")
        language = (record.language or "en").strip()[:MAX_LANGUAGE_CHARACTERS] or "en"
        text_words = dedup.words(text)
        return Article(
            outlet=outlet,
            url=url,
            title=title,
            byline=clean_byline(record.byline),
            published_at=parse_published(record.published),
            text=text,
            language=language,
            word_count=len(text.split()),
            content_hash=dedup.content_hash(text, text_words),
            **syndication.signature_fields(text, text_words),
        )

    def _write_chunk(self) -> None:
        counts = Counts(processed=len(self.pending) + len(self.pending_problems))
        counts.problems = [self._problem(p.location, p.reason) for p in self.pending_problems]
        articles: list[Article] = []
        for record in self.pending:
            try:
                articles.append(self._article(record))
            except BadValue as error:
                counts.problems.append(self._problem(record.location, str(error), record.outlet))
        fresh = self._without_duplicates(articles, counts)
        analysed = [self.analyser.apply(article) for article in fresh]
        counts.created = len(fresh)
        counts.rejected = len(counts.problems)
        with transaction.atomic():
            Article.objects.bulk_create(fresh)
            self.analyser.store_related(analysed, replace=False)
            regrouped = syndication.group_copies(fresh) - {article.pk for article in fresh}
            IngestProblem.objects.bulk_create(counts.problems)
            IngestBatch.objects.filter(pk=self.batch.pk).update(
                processed=F("processed") + counts.processed,
                created=F("created") + counts.created,
                merged=F("merged") + counts.merged,
                rejected=F("rejected") + counts.rejected,
            )
        self.touched |= {(a.outlet_id, month_of(a.published_at)) for a in fresh}
        self.touched |= {
            (outlet_id, month_of(published))
            for outlet_id, published in Article.objects.filter(pk__in=regrouped).values_list(
                "outlet_id", "published_at"
            )
        }

    def _without_duplicates(self, articles: list[Article], counts: Counts) -> list[Article]:
        """The articles not already stored (by address, or by text within one outlet) and
        not repeated within the chunk. Duplicates are counted as merged."""
        stored = {
            url: (outlet_id, published)
            for url, outlet_id, published in Article.objects.filter(
                url__in={article.url for article in articles}
            ).values_list("url", "outlet_id", "published_at")
        }
        same_text = set(
            Article.objects.filter(
                content_hash__in={article.content_hash for article in articles}
            ).values_list("outlet_id", "content_hash")
        )
        seen_urls: set[str] = set()
        fresh = []
        for article in articles:
            text_key = (article.outlet_id, article.content_hash)
            if article.url in stored or article.url in seen_urls or text_key in same_text:
                counts.merged += 1
                if article.url in stored:
                    # Re-running a file also repairs the figures of what it stored before.
                    outlet_id, published = stored[article.url]
                    self.touched.add((outlet_id, month_of(published)))
                continue
            seen_urls.add(article.url)
            same_text.add(text_key)
            fresh.append(article)
        return fresh


def run_batch(
    batch: IngestBatch,
    items: Iterable[Record | Rejected],
    *,
    total: int | None = None,
    outlet: Outlet | None = None,
    analyser: Analyser | None = None,
    chunk_size: int = CHUNK_SIZE,
    progress: Callable[[IngestBatch], None] | None = None,
) -> IngestBatch:
    """Write a stream of records into `batch`, chunk by chunk, and finish it.

    A SourceProblem from the stream fails the batch with its reason (logged as a problem
    against the source too); any other error fails it with a message saying how to resume."""
    jobs.update(
        batch,
        status=IngestBatch.Status.RUNNING,
        started_at=timezone.now(),
        **({"total": total} if total is not None else {}),
    )
    writer = BatchWriter(
        batch, analyser=analyser, chunk_size=chunk_size, outlet=outlet, progress=progress
    )
    try:
        for item in items:
            writer.add(item)
        writer.flush()
    except SourceProblem as problem:
        IngestProblem.objects.create(
            batch=batch,
            feed_id=batch.feed_id,
            outlet=outlet,
            location=batch.name[:1000],
            reason=str(problem),
        )
        _finish(batch, writer, IngestBatch.Status.FAILED, str(problem))
        return batch
    except Exception as error:
        logger.exception("Ingest batch %s stopped", batch.pk)
        batch.refresh_from_db(fields=["processed"])
        _finish(
            batch,
            writer,
            IngestBatch.Status.FAILED,
            f"The import stopped after {batch.processed:,} records because of an unexpected "
            f"error ({type(error).__name__}). Everything before that point is saved; import "
            "the same file again to finish: articles already saved are skipped.",
        )
        return batch
    _finish(batch, writer, IngestBatch.Status.DONE, "")
    return batch


def _finish(batch: IngestBatch, writer: BatchWriter, status: str, error: str) -> None:
    writer.refresh_figures()
    batch.refresh_from_db()
    jobs.finish(batch, status, error=error, total=max(batch.total, batch.processed))


def new_batch(source: str, name: str, *, feed: Feed | None = None, user=None) -> IngestBatch:
    return IngestBatch.objects.create(
        source=source,
        name=name[:300],
        feed=feed,
        created_by=user if getattr(user, "pk", None) else None,
    )
