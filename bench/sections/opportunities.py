"""The opportunities section: the board with two filters, and one listing's page.

For each database (a fresh var/bench-opportunities.sqlite3; `groundswell_bench_opportunities`
on the PostgreSQL server of DATABASE_URL, dropped and created again; no other database is
touched) it
  1. migrates and seeds, in a subprocess, BENCH_OPPORTUNITIES listings (20,000; 1,000 with
     BENCH_QUICK=1) over three years: most closed or refused, the rest open, across every
     kind, check level, region and part of the system;
  2. measures, in that subprocess, the CPU time per request (time.process_time) of the board
     with two filters counted afresh (a committed write before each request, so nothing is
     reused), the board reused (core.lib.freshness: no write since), and a listing's page;
     and, as the baseline in the same run, /healthz (the floor of the stack), each page's CPU
     time also printed as a multiple of it;
  3. serves the site with the bench's gunicorn and requests, as a visitor, the board filtered
     by check level and kind, and one listing's page, one at a time;
  4. prints the table. Target: p95 < 80 ms for each page.

    python -m bench.sections.opportunities --all             # this section alone
    python -m bench.sections.opportunities --prepare --opportunities 1000
"""

import datetime
import random
import sys
import time

from bench import harness
from bench.http_load import Server, record_sequential_percentiles

SQLITE_FILE = "bench-opportunities.sqlite3"
BENCH_DATABASE = "groundswell_bench_opportunities"
SEED = 1515
REQUESTS = 60
P95_TARGET_MS = 80
CPU_REQUESTS = 20


def opportunity_count() -> int:
    return 1_000 if harness.quick() else harness.env_int("BENCH_OPPORTUNITIES", 20_000)


def seed(count: int) -> dict:
    from django.utils import timezone

    from opportunities.models import (
        CheckLevel,
        Kind,
        Opportunity,
        SpentDisclosure,
        Status,
        WhenAsked,
        WorkMode,
    )
    from taxonomy.models import Term

    rng = random.Random(SEED)
    started = time.perf_counter()
    today = timezone.localdate()
    now = timezone.now()
    regions = list(Term.objects.places())
    parts = list(Term.objects.parts())
    statuses = [Status.APPROVED] * 8 + [Status.REFUSED, Status.WITHDRAWN]
    rows = []
    for n in range(count):
        # Listings close over three years up to two months ahead: about one in twenty open.
        closes = today + datetime.timedelta(days=rng.randint(-3 * 365, 60))
        paid = rng.random() < 0.7
        rows.append(
            Opportunity(
                title=f"Bench role {n}",
                slug=f"bench-role-{n}",
                kind=rng.choice(Kind.values),
                summary="A role of the benchmark.",
                description="Some **words**.",
                employer_name=f"Employer {n % 300}",
                lived_experience_led=rng.random() < 0.3,
                location="Leeds",
                region=rng.choice(regions),
                work_mode=rng.choice(WorkMode.values),
                paid=paid,
                pay_min=24000 if paid else None,
                pay_max=28000 if paid else None,
                pay_period="year" if paid else "",
                hours="Full time",
                closes_on=closes,
                how_to_apply="Send a CV.",
                check_level=rng.choice(CheckLevel.values),
                check_reason="Why.",
                spent_disclosure=SpentDisclosure.NO,
                when_asked=WhenAsked.AFTER_OFFER,
                support_offered="Help.",
                status=rng.choice(statuses),
                published_at=now,
            )  # fmt: skip
        )
    Opportunity.objects.bulk_create(rows, batch_size=2000)
    through = Opportunity.parts.through
    ids = list(Opportunity.objects.values_list("pk", flat=True))
    through.objects.bulk_create(
        [through(opportunity_id=pk, term_id=rng.choice(parts).pk) for pk in ids],
        batch_size=5000,
    )
    harness.analyse_after_bulk_load(sqlite_too=True)
    from opportunities.services.access import open_opportunities

    listing = open_opportunities().order_by("pk").first()
    return {
        "opportunities": count,
        "open": open_opportunities().count(),
        "board_path": f"/opportunities/?check={CheckLevel.ENHANCED}&kind={Kind.JOB}",
        "listing_path": listing.get_absolute_url(),
        "seed_seconds": round(time.perf_counter() - started, 1),
    }


CPU_ROWS = (
    ("board, check + kind, counted afresh", "board_fresh"),
    ("board, check + kind, reused", "board_reused"),
    ("listing page", "listing"),
)


def prepare(count: int) -> dict:
    harness.setup_django()
    report = {"prepare_seconds": round(harness.migrate(), 1), **seed(count)}
    return {**report, **harness.faceted_list_cpu_times(report, "board", "listing", CPU_REQUESTS)}


# --- Measuring (in bench/run.py's process) ------------------------------------------------


def print_table(name: str, report: dict) -> list[str]:
    print(
        f"\nOpportunities, {name}: {report['opportunities']:,} listings, {report['open']:,} "
        f"open (seeded in {report['seed_seconds']} s)"
    )
    harness.print_header(f"{'measure':<34} {'value':>14}  {'target':<10} result")
    rows = [
        ("board, check + kind, p50", f"{report['board_p50']:.0f} ms", "", True),
        ("board, check + kind, p95", f"{report['board_p95']:.0f} ms", f"< {P95_TARGET_MS} ms",
         report["board_p95"] < P95_TARGET_MS),
        ("listing page p50", f"{report['listing_p50']:.0f} ms", "", True),
        ("listing page p95", f"{report['listing_p95']:.0f} ms", f"< {P95_TARGET_MS} ms",
         report["listing_p95"] < P95_TARGET_MS),
    ]  # fmt: skip
    failures = harness.print_verdicts("Opportunities", name, rows)
    harness.print_cpu_table(report, CPU_ROWS)
    return failures


def run(name: str, database_url: str) -> list[str]:
    count = opportunity_count()
    env = harness.child_env(database_url)
    print(f"[{name}] opportunities: migrating and seeding {count:,} listings...", flush=True)
    report = harness.json_from_module(
        "bench.sections.opportunities", ["--prepare", f"--opportunities={count}"], env
    )
    server = Server(env, harness.VAR / f"bench-gunicorn-opportunities-{name.lower()}.log")
    try:
        server.start()
        record_sequential_percentiles(server.port, report, ("board", "listing"), REQUESTS)
    finally:
        server.stop()
    return print_table(name, report)


def run_all(configured_url: str) -> list[str]:
    return harness.on_each_database(
        "opportunities", configured_url, SQLITE_FILE, BENCH_DATABASE, run
    )


def main(argv=None) -> int:
    return harness.section_main(
        __doc__, "opportunities", opportunity_count(), prepare, run_all, argv=argv
    )


if __name__ == "__main__":
    sys.exit(main())
