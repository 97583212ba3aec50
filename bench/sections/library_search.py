"""The library section: search at 100,000 resources, the page beside the raw engine query.

For each database (a fresh var/bench-library.sqlite3; `groundswell_bench_library` on the
PostgreSQL server of DATABASE_URL, dropped and created again) it
  1. seeds BENCH_LIBRARY_RESOURCES published resources (100,000; 5,000 with BENCH_QUICK=1)
     of about 1,500 words each, drawn Zipf-fashion from a ~20,000-word vocabulary made of
     the words in Python's own standard library sources plus the justice system's words,
     tagged with kinds, parts, themes, years, networks and author organisations;
  2. indexes them, printing the rate (resources/s): the engine's bulk rate over all of
     them, and the full pipeline (resource_document + index_resource, Markdown included) over
     a sample;
  3. serves the site with the bench's gunicorn (bench/http_load.py) and requests the search
     page for 200 varied queries (common, middling and rare words, several words, phrases,
     prefixes, facets), one at a time, then times the raw engine query (ranked ids and the
     first page's snippets: library.search.engine_query) for the same queries in a
     separate process;
  4. prints p50/p95 for both and the ratio page/raw. Targets: p95 < 150 ms, ratio < 3.

Nothing is downloaded: the vocabulary comes from the interpreter's own files.

    python -m bench.sections.library_search --all      # this section alone
    python -m bench.sections.library_search --prepare --resources 5000   # (with DATABASE_URL)
    python -m bench.sections.library_search --raw      # time the engine alone
"""

import json
import os
import random
import sys
import time
from collections import Counter
from datetime import date, timedelta
from urllib.parse import urlencode

from bench import harness
from bench.harness import percentile
from bench.http_load import WORKERS, Server, fetch
from bench.sections.library_corpus import SEED, TextMaker, build_queries, vocabulary

SQLITE_FILE = "bench-library.sqlite3"
QUERIES_FILE = harness.VAR / "bench-library-queries.json"
BENCH_DATABASE = os.environ.get("BENCH_LIBRARY_DATABASE", "groundswell_bench_library")
KINDS = [
    ("report", 30),
    ("briefing", 25),
    ("consultation_response", 15),
    ("policy_forum_note", 10),
    ("toolkit", 8),
    ("evidence_review", 7),
    ("news", 5),
]


def resource_count() -> int:
    return harness.env_int("BENCH_LIBRARY_RESOURCES", 5_000 if harness.quick() else 100_000)


# --- Seeding (runs in a subprocess with the bench database as DATABASE_URL) -----------------


def prepare(count: int) -> dict:
    harness.setup_django()
    from django.db import connection, transaction

    from library import search as library_search
    from library.models import Resource, ResourceStatus
    from library.text import resource_document
    from members.models import Network, Organisation
    from taxonomy.models import Term, Vocabulary

    started = time.perf_counter()
    harness.migrate()
    words = vocabulary()
    rng = random.Random(SEED)
    maker = TextMaker(words, SEED)
    networks = [
        Network.objects.get_or_create(slug=slug, defaults={"name": name, "short_name": short})[0]
        for name, short, slug in [
            ("Alliance for Justice Reform", "AJR", "alliance-for-justice-reform"),
            ("Community Justice Network", "CJN", "community-justice-network"),
        ]
    ]
    organisations = Organisation.objects.bulk_create(
        [
            Organisation(
                name=f"{maker.title()} Trust {n}",
                slug=f"bench-author-{n}",
                normalised_name=f"bench author {n}",
            )
            for n in range(300)
        ]
    )
    parts = list(Term.objects.filter(vocabulary=Vocabulary.PART))
    themes = list(Term.objects.filter(vocabulary=Vocabulary.THEME))
    kinds, kind_weights = zip(*KINDS, strict=True)
    first_day = date(2010, 1, 1)
    through = {
        name: getattr(Resource, name).through
        for name in ("parts", "themes", "networks", "author_organisations")
    }
    seeded = time.perf_counter()
    texts: list[tuple[int, str, str, str]] = []
    batch_size = 1000
    total_words = 0
    for start in range(0, count, batch_size):
        batch = []
        for n in range(start, min(count, start + batch_size)):
            body = maker.paragraphs(rng.randint(1200, 1800))
            total_words += body.count(" ") + 1
            batch.append(
                Resource(
                    title=maker.title(),
                    slug=f"bench-resource-{n}",
                    kind=rng.choices(kinds, weights=kind_weights)[0],
                    summary=" ".join(maker.words_(30)).capitalize() + ".",
                    body=body,
                    published_on=first_day + timedelta(days=rng.randint(0, 16 * 365)),
                    status=ResourceStatus.PUBLISHED
                    if rng.random() < 0.95
                    else ResourceStatus.DRAFT,
                )
            )
        with transaction.atomic():
            created = Resource.objects.bulk_create(batch)
            links = {name: [] for name in through}
            for resource in created:
                for term in rng.sample(parts, rng.randint(1, 2)):
                    links["parts"].append(
                        through["parts"](resource_id=resource.pk, term_id=term.pk)
                    )
                for term in rng.sample(themes, rng.randint(1, 3)):
                    links["themes"].append(
                        through["themes"](resource_id=resource.pk, term_id=term.pk)
                    )
                for network in rng.sample(networks, rng.randint(1, 2)):
                    links["networks"].append(
                        through["networks"](resource_id=resource.pk, network_id=network.pk)
                    )
                for org in rng.sample(organisations, rng.randint(1, 2)):
                    links["author_organisations"].append(
                        through["author_organisations"](
                            resource_id=resource.pk, organisation_id=org.pk
                        )
                    )
            for name, rows in links.items():
                through[name].objects.bulk_create(rows)
        texts.extend(
            (r.pk, r.title, r.summary, r.body)
            for r in created
            if r.status == ResourceStatus.PUBLISHED
        )
    seed_seconds = time.perf_counter() - seeded

    # The engine's bulk rate: every published resource, plain text already in hand.
    indexing = time.perf_counter()
    for start in range(0, len(texts), 1000):
        library_search.index_rows(texts[start : start + 1000])
    from library.search.engines import current_engine

    current_engine().optimise()
    index_seconds = time.perf_counter() - indexing
    # The whole pipeline (Markdown rendered to text, then indexed) over a sample.
    sample = list(Resource.objects.filter(status=ResourceStatus.PUBLISHED).order_by("?")[:500])
    pipeline = time.perf_counter()
    for resource in sample:
        library_search.index_resource(resource)
    pipeline_seconds = time.perf_counter() - pipeline
    document_only = time.perf_counter()
    for resource in sample[:100]:
        resource_document(resource)
    document_seconds = (time.perf_counter() - document_only) / max(1, min(100, len(sample)))

    queries = build_queries(words, texts, rng)
    harness.VAR.mkdir(exist_ok=True)
    QUERIES_FILE.write_text(json.dumps(queries))
    size = None
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_database_size(current_database())")
            size = cursor.fetchone()[0]
    return {
        "vendor": connection.vendor,
        "resources": count,
        "indexed": len(texts),
        "words_per_resource": round(total_words / max(1, count)),
        "text_mb": round(sum(len(t[3]) for t in texts) / 1e6, 1),
        "seed_seconds": round(seed_seconds, 1),
        "index_seconds": round(index_seconds, 1),
        "index_rate": round(len(texts) / index_seconds, 1),
        "pipeline_rate": round(len(sample) / pipeline_seconds, 1) if sample else 0,
        "document_ms": round(document_seconds * 1000, 2),
        "database_bytes": size,
        "total_seconds": round(time.perf_counter() - started, 1),
    }


def page_path(query: dict) -> str:
    params = {"q": query["q"], **query["filters"]} if query["q"] else dict(query["filters"])
    return "/library/?" + urlencode(params)


def time_raw() -> dict:
    """The engine's part of each query alone, in this process (the bench database)."""
    harness.setup_django()
    from library.search import engine_query

    queries = json.loads(QUERIES_FILE.read_text())
    for warm in ("warm", "zzz", "the"):
        engine_query(warm)
    timings = []
    for query in queries:
        started = time.perf_counter()
        engine_query(query["q"])
        timings.append(time.perf_counter() - started)
    return {"timings": timings}


# --- Measuring (in bench/run.py's process) ------------------------------------------------


def _step(arguments: list[str], env: dict) -> dict:
    return harness.json_from_module(
        "bench.sections.library_search", arguments, env, what=f"library bench step {arguments}"
    )


def run(name: str, database_url: str) -> list[str]:
    """Seed, index, measure and print one database's table; returns the targets missed."""
    count = resource_count()
    env = harness.child_env(database_url)
    print(f"[{name}] library: seeding and indexing {count:,} resources...", flush=True)
    report = _step(["--prepare", f"--resources={count}"], env)
    queries = json.loads(QUERIES_FILE.read_text())
    server = Server(env, harness.VAR / f"bench-gunicorn-library-{name.lower()}.log")
    page_times: list[float] = []
    errors: Counter = Counter()
    try:
        server.start()
        # Each worker loads its facet data on its first search: warm every one up with
        # queries outside the measured set.
        for n in range(WORKERS * 6):
            fetch(server.port, f"/library/?q=warmup{n}")
        for query in queries:
            status, elapsed = fetch(server.port, page_path(query))
            if status == 200:
                page_times.append(1000 * elapsed)
            else:
                errors[str(status)] += 1
    finally:
        server.stop()
    raw = [1000 * seconds for seconds in _step(["--raw"], env)["timings"]]

    rows = [
        ("search page (HTTP)", page_times),
        ("raw engine query", raw),
    ]
    print(
        f"\nLibrary search, {name}: {report['indexed']:,} published of {count:,} resources, "
        f"~{report['words_per_resource']:,} words each ({report['text_mb']:,} MB of text), "
        f"{len(queries)} queries one at a time via gunicorn on {harness.HOST}"
    )
    print(
        f"indexing: {report['index_rate']:,.0f} resources/s (engine, bulk, all); "
        f"{report['pipeline_rate']:,.0f} resources/s (resource_document + index_resource, "
        f"500 sample; resource_document alone {report['document_ms']} ms each); "
        f"seeding {report['seed_seconds']} s"
        + (
            f"; database {report['database_bytes'] / 1e9:.1f} GB"
            if report["database_bytes"]
            else ""
        )
    )
    harness.print_header(f"{'':<22} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for label, values in rows:
        print(
            f"{label:<22} {percentile(values, 0.5):>8.1f} {percentile(values, 0.95):>8.1f} "
            f"{percentile(values, 1.0):>8.1f}"
        )
    ratio50 = percentile(page_times, 0.5) / percentile(raw, 0.5)
    ratio95 = percentile(page_times, 0.95) / percentile(raw, 0.95)
    print(f"{'ratio page/raw':<22} {ratio50:>8.2f} {ratio95:>8.2f}")
    by_kind: dict[str, list[float]] = {}
    for query, elapsed in zip(queries, page_times, strict=False):
        by_kind.setdefault(query["kind"], []).append(elapsed)
    print(
        "page p95 by kind of query: "
        + ", ".join(f"{kind} {percentile(values, 0.95):.0f} ms" for kind, values in by_kind.items())
    )
    failures = []
    if errors:
        failures.append(f"{name} library search: errors {dict(errors)}")
    p95 = percentile(page_times, 0.95)
    if not p95 < 150:
        failures.append(f"{name} library search: page p95 {p95:.0f} ms ≥ 150")
    if not ratio95 < 3:
        failures.append(f"{name} library search: page/raw ratio at p95 {ratio95:.2f} ≥ 3")
    print("targets: p95 < 150 ms, ratio page/raw < 3: " + ("; ".join(failures) or "PASS"))
    return failures


def run_all(configured_url: str) -> list[str]:
    """Both databases (PostgreSQL when `configured_url` names a server); the targets missed."""
    return harness.on_each_database(
        "library search", configured_url, SQLITE_FILE, BENCH_DATABASE, run
    )


def main(argv=None) -> int:
    return harness.section_main(
        __doc__, "resources", resource_count(), prepare, run_all, {"raw": time_raw}, argv
    )


if __name__ == "__main__":
    sys.exit(main())
