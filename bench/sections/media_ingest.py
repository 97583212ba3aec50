"""Ingest benchmark: 200,000 articles from one JSON Lines file, analysis included.

    python -m bench.sections.media_ingest                  # 200,000 articles
    BENCH_QUICK=1 python -m bench.sections.media_ingest    # 10,000

It builds a fresh database of its own (var/bench-media-ingest.sqlite3, or
`groundswell_bench_media_ingest` on the PostgreSQL server of a postgres DATABASE_URL, dropped
and created again; nothing else is touched), migrates it, adds 20 outlets, writes the JSONL
file line by line (var/bench-media-ingest.jsonl: ~250-word articles over two years, about 4%
syndicated copies, 1% repeated addresses and 0.5% bad rows) and imports it exactly as
`manage.py import_articles` does. It prints "articles: N", "seconds: N", "articles_per_s: N",
"peak_rss_mb: N" and the resident memory at 10%, 50% and 100% of the file: flat memory means
the file is streamed in bounded chunks, with nothing growing per article.

Nothing is downloaded: the text is made from a word list written here.
"""

import itertools
import json
import os
import random
import resource
import sys
import time
from pathlib import Path

from bench import harness

BENCH_DATABASE = "groundswell_bench_media_ingest"
SQLITE_FILE = "bench-media-ingest.sqlite3"
JSONL_PATH = harness.VAR / "bench-media-ingest.jsonl"
SEED = 20261125
OUTLETS = 20
WORDS_PER_ARTICLE = 250
MONTHS = 24

# The justice system's words, the words the analysis looks for, and everyday words; each
# article draws mostly from a large made-up vocabulary so unrelated texts share few phrases,
# as real ones do.
JUSTICE_WORDS = """
prison prisons probation sentencing sentence court courts magistrates crown custody remand
bail parole licence recall resettlement rehabilitation reoffending victims survivors police
diversion youth children women housing employment education mental health families visits
community supervision tagging curfew tribunal appeal jury barrister solicitor inspection
charity funding evaluation evidence outcomes minister ministry policy reform strategy
""".split()  # noqa: SIM905 (a word list reads better as prose)
FLAGGED = ["offender", "offenders", "ex-con", "inmate", "inmates", "lags", "thugs", "yob"]
PEOPLE_FIRST = ["people in prison", "person with a conviction", "people on probation"]
SPEAKERS = [
    "a police spokesperson said",
    "the minister told reporters",
    "the judge said",
    "a charity director said",
    "her mother told the court",
    "a man who spent six years in prison said",
]
CONTEXT = [
    "Official figures show the number has risen by a third in five years.",
    "Research has found that the policy cut reoffending.",
]


def article_count() -> int:
    return 10_000 if harness.quick() else 200_000


def _made_up_words(rng: random.Random, count: int) -> list[str]:
    syllables = ["ka", "lo", "mi", "ren", "tas", "vo", "bri", "den", "sul", "pra", "ne", "gor"]
    words = set()
    while len(words) < count:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    return sorted(words)


class Writer:
    """Makes the articles: a Zipf-ish draw of words, with sentences of the kinds the analysis
    reads (labels, people-first wording, quotes, context) mixed in."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.words = _made_up_words(rng, 6000) + JUSTICE_WORDS * 10
        self.cumulative = list(
            itertools.accumulate(1 / (rank + 10) for rank in range(len(self.words)))
        )

    def _draw(self, count: int) -> str:
        return " ".join(self.rng.choices(self.words, cum_weights=self.cumulative, k=count))

    def text(self) -> str:
        rng = self.rng
        sentences = []
        words = 0
        while words < WORDS_PER_ARTICLE:
            choice = rng.random()
            if choice < 0.08:
                sentence = f"The {rng.choice(FLAGGED)} was moved, {rng.choice(SPEAKERS)}."
            elif choice < 0.14:
                sentence = f"Support for {rng.choice(PEOPLE_FIRST)} is growing."
            elif choice < 0.22:
                body = self._draw(10)
                sentence = f'"{body.capitalize()}," {rng.choice(SPEAKERS)}.'
            elif choice < 0.26:
                sentence = rng.choice(CONTEXT)
            else:
                sentence = self._draw(14).capitalize() + "."
            sentences.append(sentence)
            words += len(sentence.split())
        return " ".join(sentences)

    def title(self) -> str:
        flagged = self.rng.random() < 0.15
        words = self._draw(6)
        return (f"{self.rng.choice(FLAGGED).capitalize()} " if flagged else "") + words.capitalize()


def _date(day: int, hour: int) -> str:
    """Day `day` of two 360-day years from January 2024, as ISO 8601."""
    year, day_of_year = 2024 + day // 360, day % 360
    return f"{year}-{1 + day_of_year // 30:02d}-{1 + day_of_year % 28:02d}T{hour:02d}:00:00"


def write_file(path: Path, count: int, outlet_slugs: list[str]) -> None:
    """The JSONL file, written a line at a time."""
    rng = random.Random(SEED)
    writer = Writer(rng)
    recent: list[dict] = []  # a bounded window of stories other outlets may copy
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            roll = rng.random()
            day = rng.randrange(MONTHS * 30)
            if roll < 0.04 and recent:
                story = rng.choice(recent)
                slug = rng.choice([s for s in outlet_slugs if s != story["outlet"]])
                row = {
                    **story,
                    "url": f"https://{slug}.example/copy/{n}",
                    "outlet": slug,
                    "text": story["text"] + " Additional reporting by our staff.",
                }
            elif roll < 0.05 and recent:
                row = dict(rng.choice(recent))  # the same address again: merged
            elif roll < 0.055:
                row = {"url": f"https://nowhere.example/{n}", "title": "", "date": "soon"}
            else:
                slug = rng.choice(outlet_slugs)
                row = {
                    "url": f"https://{slug}.example/news/{n}?utm_source=feed",
                    "outlet": slug,
                    "title": writer.title(),
                    "date": _date(day, rng.randrange(24)),
                    "text": writer.text(),
                    "byline": "Staff reporter",
                }
                recent.append(row)
                if len(recent) > 50:
                    recent.pop(0)
            out.write(json.dumps(row) + "\n")


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1024 / 1024


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def fresh_database_url() -> str:
    configured = os.environ.get("DATABASE_URL", "")
    if harness.is_postgres(configured):
        return harness.fresh_postgres_url(configured, BENCH_DATABASE)
    return harness.fresh_sqlite_url(SQLITE_FILE)


def main() -> int:
    count = article_count()
    os.environ["DATABASE_URL"] = fresh_database_url()
    harness.setup_django("groundswell.settings")
    from django.db import connection

    from media.ingest.batches import new_batch
    from media.ingest.files import import_file
    from media.models import Article, IngestBatch, MonthlyFigure, Outlet, SyndicationGroup

    harness.migrate(static=False)  # the project's settings: never collect into staticfiles/
    slugs = [f"outlet-{n:02d}" for n in range(OUTLETS)]
    Outlet.objects.bulk_create(
        Outlet(
            name=f"Bench Outlet {n:02d}",
            slug=slug,
            kind=Outlet.Kind.NATIONAL,
            domains=f"{slug}.example",
        )
        for n, slug in enumerate(slugs)
    )
    print(f"database: {connection.vendor}", flush=True)
    started = time.perf_counter()
    write_file(JSONL_PATH, count, slugs)
    print(
        f"file: {JSONL_PATH.stat().st_size / 1e6:.0f} MB written in "
        f"{time.perf_counter() - started:.0f} s",
        flush=True,
    )

    marks = {10: None, 50: None, 100: None}

    def progress(batch) -> None:
        percent = 100 * batch.processed / max(batch.total, 1)
        for mark in marks:
            if marks[mark] is None and percent >= mark:
                marks[mark] = rss_mb()
                print(f"rss_at_{mark}pct_mb: {marks[mark]:.0f}", flush=True)

    rss_before = rss_mb()
    started = time.perf_counter()
    with JSONL_PATH.open("rb") as handle:
        batch = import_file(
            new_batch(IngestBatch.Source.JSONL, JSONL_PATH.name), handle, progress=progress
        )
    seconds = time.perf_counter() - started
    print(f"status: {batch.status} {batch.error}")
    print(f"articles: {batch.processed}")
    print(f"created: {batch.created}")
    print(f"merged: {batch.merged}")
    print(f"rejected: {batch.rejected}")
    print(f"syndication_groups: {SyndicationGroup.objects.count()}")
    print(f"syndicated_copies: {Article.objects.filter(is_syndicated_copy=True).count()}")
    print(f"monthly_figures: {MonthlyFigure.objects.count()}")
    print(f"seconds: {seconds:.1f}")
    print(f"articles_per_s: {batch.processed / seconds:.0f}")
    print(f"rss_before_import_mb: {rss_before:.0f}")
    print(f"peak_rss_mb: {peak_rss_mb():.0f}")
    return 0 if batch.status == IngestBatch.Status.DONE else 1


if __name__ == "__main__":
    sys.exit(main())
