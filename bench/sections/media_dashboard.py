"""The media dashboard: is /media/ fast at a million analysed articles?

For each database (a fresh var/bench-media.sqlite3; `groundswell_bench_media` on the
PostgreSQL server of DATABASE_URL, dropped and created again; no other database is touched)
it
  1. migrates and bulk-inserts analysed articles with short texts and their stored figures
     (1,000,000 on PostgreSQL, 200,000 on SQLite; 50,000 each with BENCH_QUICK=1;
     BENCH_MEDIA_ARTICLES overrides both) over 36 months and 40 outlets in two collections,
     with 1-2 parts of the system and 1-3 quoted voices each, 10% syndicated copies;
  2. builds MonthlyFigure with the ingest's own
     media.services.monthly_figures.rebuild_all_monthly_figures;
  3. requests the dashboard as a signed-in staff member (Django's test client in the same
     process: the page is staff only, so no anonymous HTTP load can reach it) for a spread
     of selections: the default year, three years, a collection, a part of the system, raw
     counts, and two comparisons; and prints p50/p95 per selection. Target: p95 < 300 ms.

bench/sections/media.py runs it for `make bench`; alone:

    python -m bench.sections.media_dashboard --all      # both databases
    python -m bench.sections.media_dashboard --prepare --articles 50000  # (with DATABASE_URL)
"""

import os
import random
import sys
import time

from bench import harness

SQLITE_FILE = "bench-media.sqlite3"
BENCH_DATABASE = "groundswell_bench_media"
SEED = 20261125
P95_TARGET_MS = 300
OUTLETS = 40
MONTHS = 36
BATCH = 20_000
REQUESTS_PER_SELECTION = 30
WARMUP = 3


def article_count(vendor: str) -> int:
    configured = os.environ.get("BENCH_MEDIA_ARTICLES", "")
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    if harness.quick():
        return 50_000
    return 1_000_000 if vendor == "postgresql" else 200_000


# --- Seeding (runs in a subprocess with the bench database as DATABASE_URL) -----------------


ARTICLE_COLUMNS = (
    "id", "outlet_id", "url", "title", "byline", "published_at", "text", "is_excerpt",
    "language", "word_count", "fetched_at", "content_hash", "is_syndicated_copy", "analysis",
    "analysed_at", "headline_labels", "body_labels", "sensational_words", "people_first_terms",
    "has_lived_experience_voice", "is_thematic", "score",
)  # fmt: skip


def _write_rows(table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """Rows straight into a table: COPY on PostgreSQL, one executemany on SQLite. A million
    articles through the ORM would spend most of the benchmark building model objects."""
    from django.db import connection

    names = ", ".join(columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)  # noqa: S608


def _article_rows(rng: random.Random, first_id: int, count: int, outlets, first, span, now):
    import datetime

    for pk in range(first_id, first_id + count):
        labelled = rng.random() < 0.3
        published = first + datetime.timedelta(seconds=rng.random() * span)
        yield (
            pk, rng.choice(outlets), f"https://bench.example/article/{pk}", f"Bench article {pk}",
            "", published, f"A short bench text about court case {pk}.", False, "en",
            rng.randint(150, 900), now, f"{pk:064x}", rng.random() < 0.1, "{}", now,
            1 if labelled and rng.random() < 0.5 else 0, rng.randint(1, 4) if labelled else 0,
            rng.randint(0, 2), rng.randint(0, 2), rng.random() < 0.15, rng.random() < 0.35,
            round(rng.uniform(10, 95), 1),
        )  # fmt: skip


def seed(count: int) -> dict:
    import datetime

    from django.db import connection, transaction
    from django.utils import timezone

    from media.models import Article, Collection, Outlet, Voice
    from media.services.monthly_figures import rebuild_all_monthly_figures
    from taxonomy.models import Term

    started = time.perf_counter()
    rng = random.Random(SEED)
    collections = [
        Collection.objects.create(name="UK national press", slug="national"),
        Collection.objects.create(name="Regional and trade", slug="regional"),
    ]
    outlets = Outlet.objects.bulk_create(
        Outlet(name=f"Bench Outlet {n}", slug=f"bench-outlet-{n}", kind="national")
        for n in range(OUTLETS)
    )
    for number, outlet in enumerate(outlets):
        outlet.collections.add(collections[number % 2])
    outlet_ids = [outlet.pk for outlet in outlets]
    parts = list(Term.objects.parts().values_list("pk", flat=True))
    categories = [c for c, _label in Voice.Category.choices]
    now = timezone.now()
    first = now - datetime.timedelta(days=MONTHS * 30)
    span = (now - first).total_seconds()
    part_id = voice_id = 1
    for start in range(1, count + 1, BATCH):
        size = min(BATCH, count + 1 - start)
        with transaction.atomic():
            _write_rows(
                "media_article",
                ARTICLE_COLUMNS,
                list(_article_rows(rng, start, size, outlet_ids, first, span, now)),
            )
            links, voices = [], []
            for pk in range(start, start + size):
                for term in rng.sample(parts, rng.randint(1, 2)):
                    links.append((part_id, pk, term))
                    part_id += 1
                for _ in range(rng.randint(1, 3)):
                    voices.append((voice_id, pk, rng.choice(categories), ""))
                    voice_id += 1
            _write_rows(
                Article.parts.through._meta.db_table, ("id", "article_id", "term_id"), links
            )
            _write_rows("media_voice", ("id", "article_id", "category", "speaker"), voices)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # the rows came with their ids: move on past them
            for table in ("media_article", Article.parts.through._meta.db_table, "media_voice"):
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608
                    f"(SELECT max(id) FROM {table}))"
                )
            cursor.execute("ANALYZE")
    inserted = time.perf_counter() - started
    aggregate_started = time.perf_counter()
    figures = rebuild_all_monthly_figures()
    aggregated = time.perf_counter() - aggregate_started
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    return {
        "articles": count,
        "monthly_figures": figures,
        "insert_seconds": round(inserted, 1),
        "aggregate_seconds": round(aggregated, 1),
    }


def selections() -> list[tuple[str, dict]]:
    from core.lib.months import add_months
    from media.forms import default_period

    start, end = default_period()
    month = "%Y-%m"
    return [
        ("default: last 12 months", {}),
        ("three years", {"start": add_months(end, -35).strftime(month)}),
        ("a collection", {"collection": "national"}),
        ("a part of the system", {"part": "prisons"}),
        ("raw counts, with copies", {"show": "counts", "syndicated": "include"}),
        (
            "compare two years",
            {
                "compare": "period",
                "compare_start": add_months(start, -12).strftime(month),
                "compare_end": add_months(end, -12).strftime(month),
            },
        ),
        (
            "compare collections",
            {"compare": "collection", "collection": "national", "compare_collection": "regional"},
        ),
    ]


def measure() -> list[dict]:
    """Each selection requested REQUESTS_PER_SELECTION times as staff; latencies in ms."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    from core.roles import Role

    staff = get_user_model().objects.create_user(
        email="bench-staff@example.org", password=None, role=Role.STAFF
    )
    client = Client(HTTP_HOST="127.0.0.1")  # the bench settings allow only this host
    client.force_login(staff)
    rows = []
    for label, params in selections():
        for _ in range(WARMUP):
            client.get("/media/", params)
        latencies = []
        for _ in range(REQUESTS_PER_SELECTION):
            started = time.perf_counter()
            response = client.get("/media/", params)
            latencies.append(1000 * (time.perf_counter() - started))
            if response.status_code != 200:
                raise RuntimeError(f"{label}: the dashboard answered {response.status_code}")
        rows.append(
            {
                "label": label,
                "p50": round(harness.percentile(latencies, 0.5), 1),
                "p95": round(harness.percentile(latencies, 0.95), 1),
            }
        )
    return rows


def prepare(count: int | None) -> dict:
    harness.setup_django()
    from django.db import connection

    harness.migrate()
    report = seed(count or article_count(connection.vendor))
    return {**report, "results": measure()}


# --- Measuring (in bench/run.py's process) ------------------------------------------------


def run(name: str, database_url: str) -> list[str]:
    """Seed and measure one database, print its table; returns the targets missed."""
    env = harness.child_env(database_url)
    print(f"[{name}] media dashboard: migrating and seeding...", flush=True)
    report = harness.json_from_module("bench.sections.media_dashboard", ["--prepare"], env)
    print(
        f"\nMedia dashboard, {name}: {report['articles']:,} analysed articles "
        f"(inserted in {report['insert_seconds']} s), {report['monthly_figures']:,} monthly "
        f"figures (built in {report['aggregate_seconds']} s); {REQUESTS_PER_SELECTION} "
        "requests per selection, signed in as staff, in process",
        flush=True,
    )
    print(f"{'selection':<28} {'p50 ms':>8} {'p95 ms':>8}  target p95 < {P95_TARGET_MS} ms")
    failures = []
    for row in report["results"]:
        verdict = "PASS" if row["p95"] < P95_TARGET_MS else "FAIL"
        print(f"{row['label']:<28} {row['p50']:>8} {row['p95']:>8}  {verdict}")
        if verdict == "FAIL":
            failures.append(f"{name} media dashboard {row['label']}: p95 {row['p95']} ms")
    return failures


def run_all(configured_url: str) -> list[str]:
    return harness.on_each_database(
        "media dashboard", configured_url, SQLITE_FILE, BENCH_DATABASE, run
    )


def main(argv=None) -> int:
    return harness.section_main(__doc__, "articles", None, prepare, run_all, argv=argv)


if __name__ == "__main__":
    sys.exit(main())
