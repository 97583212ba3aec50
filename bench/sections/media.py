"""The media monitor section: analysis throughput on one core (4 KB articles, at least 1,000
a second, beside one compiled regex of the same terms), ingest of 200,000 articles from JSONL
with flat memory, and the dashboard p95 < 300 ms at 1,000,000 analysed articles on
PostgreSQL. Each runs in child processes (bench/sections/media_*.py)."""

import os

from bench import harness
from bench.sections import media_dashboard
from bench.sections.members_directory import migrated_sqlite_env

MEDIA_ARTICLES_PER_S = 1_000


def run_all(configured_url: str) -> list[str]:
    failures = []
    print("\nMedia monitor: analysis on one core (4 KB articles)")
    quick = ["--quick"] if harness.quick() else []
    figures, error = harness.figures_from_module(
        "bench.sections.media_analysis", quick, migrated_sqlite_env()
    )
    if error:
        failures.append(f"media analysis benchmark failed: {error}")
    else:
        engine = float(figures["articles_per_s"])
        baseline = float(figures["baseline_articles_per_s"])
        print(
            harness.against_baseline("full analysis", engine, baseline, "articles/s", ",.0f", ".2f")
        )
        if engine < MEDIA_ARTICLES_PER_S:
            failures.append(f"media analysis {engine:,.0f} articles/s < {MEDIA_ARTICLES_PER_S:,}")
    # On SQLite: 200,000 articles take about 40 minutes here; on PostgreSQL, hours. Run
    # `DATABASE_URL=postgres://... python -m bench.sections.media_ingest` for PostgreSQL alone.
    print("\nMedia monitor: ingest from JSONL on SQLite (analysis included)")
    figures, error = harness.figures_from_module(
        "bench.sections.media_ingest", [], {**os.environ, "DATABASE_URL": "", "DEBUG": "0"}
    )
    if error:
        failures.append(f"media ingest benchmark failed: {error}")
    else:
        for name, value in figures.items():
            print(f"{name}: {value}")
    return failures + media_dashboard.run_all(configured_url)
