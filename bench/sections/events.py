"""The events section: the events list with two filters, one event's page, and 200
registrations racing for 50 places.

For each database (a fresh var/bench-events.sqlite3; `groundswell_bench_events` on the
PostgreSQL server of DATABASE_URL, dropped and created again; no other database is touched) it
  1. migrates and seeds, in a subprocess, BENCH_EVENTS events (10,000; 500 with
     BENCH_QUICK=1) over two networks and five years, with 50 registrations each (500,000;
     25,000 quick);
  2. measures, in that subprocess, the CPU time per request (time.process_time, which the
     shared machine's other work does not inflate) of the list counted afresh (a committed
     write before each request, so nothing is reused), the list reused (core.lib.freshness:
     no write since), and the event page; and, as the baseline in the same run, /healthz
     (the floor of the stack), each page's CPU time also printed as a multiple of it;
  3. serves the site with the bench's gunicorn and requests, as a visitor, the events list
     filtered by kind and network, and one event's page, one at a time;
  4. on PostgreSQL only, in a subprocess: 200 registrations for an event of 50 places,
     started together from as many threads as the server's connections allow (at most
     200), and checks exactly 50 are confirmed and 150 waitlisted;
  5. prints the table. Targets: p95 < 80 ms for each page; exactly 50 confirmed.

    python -m bench.sections.events --all                  # this section alone
    python -m bench.sections.events --prepare --events 500
"""

import datetime
import random
import sys
import threading
import time

from bench import harness
from bench.http_load import Server, record_sequential_percentiles

SQLITE_FILE = "bench-events.sqlite3"
BENCH_DATABASE = "groundswell_bench_events"
SEED = 1212
REQUESTS = 60
P95_TARGET_MS = 80
PER_EVENT = 50
RACERS, PLACES = 200, 50


def event_count() -> int:
    return 500 if harness.quick() else harness.env_int("BENCH_EVENTS", 10_000)


def seed(count: int) -> dict:
    from django.utils import timezone

    from events.models import Event, EventKind, EventStatus, Registration, Visibility
    from members.models import Network

    rng = random.Random(SEED)
    started = time.perf_counter()
    networks = [
        Network.objects.create(name=f"Bench network {n}", slug=f"bench-{n}") for n in range(2)
    ]
    kinds = [k for k in EventKind.values if k != EventKind.GROUP_MEETING]
    now = timezone.now()
    events = []
    for n in range(count):
        starts = now + datetime.timedelta(days=rng.randint(-4 * 365, 365), hours=rng.randint(0, 8))
        events.append(
            Event(
                kind=rng.choice(kinds),
                title=f"Bench event {n}",
                slug=f"bench-event-{n}",
                summary="An event of the benchmark.",
                description="Some **words**.",
                starts_at=starts,
                ends_at=starts + datetime.timedelta(hours=2),
                status=EventStatus.FINISHED if starts < now else EventStatus.PUBLISHED,
                visibility=Visibility.PUBLIC,
                capacity=PER_EVENT + 10,
                places_taken=PER_EVENT,
            )  # fmt: skip
        )
    Event.objects.bulk_create(events, batch_size=2000)
    through = Event.networks.through
    ids = list(Event.objects.values_list("pk", flat=True))
    through.objects.bulk_create(
        [through(event_id=pk, network_id=networks[pk % 2].pk) for pk in ids], batch_size=5000
    )
    rows = []
    for pk in ids:
        rows += [
            Registration(
                event_id=pk,
                name=f"Person {r}",
                email=f"p{r}@example.org",
                status="confirmed",
                created_at=now,
            )  # fmt: skip
            for r in range(PER_EVENT)
        ]
        if len(rows) >= 20_000:
            Registration.objects.bulk_create(rows, batch_size=5000)
            rows = []
    Registration.objects.bulk_create(rows, batch_size=5000)
    harness.analyse_after_bulk_load(sqlite_too=True)
    upcoming = Event.objects.filter(status=EventStatus.PUBLISHED).order_by("starts_at").first()
    return {
        "events": count,
        "registrations": Registration.objects.count(),
        "list_path": f"/events/?kind={EventKind.WEBINAR}&network={networks[0].slug}",
        "event_path": upcoming.get_absolute_url(),
        "seed_seconds": round(time.perf_counter() - started, 1),
    }


CPU_REQUESTS = 20
CPU_ROWS = (
    ("list, kind + network, counted afresh", "list_fresh"),
    ("list, kind + network, reused", "list_reused"),
    ("event page", "event"),
)


def prepare(count: int) -> dict:
    harness.setup_django()
    report = {"prepare_seconds": round(harness.migrate(), 1), **seed(count)}
    return {**report, **harness.faceted_list_cpu_times(report, "list", "event", CPU_REQUESTS)}


def race() -> dict:
    """200 registrations for 50 places, started together (child process, PostgreSQL)."""
    harness.setup_django()
    from django.db import connection, connections
    from django.utils import timezone

    from events.models import Event, EventKind, RegistrationStatus
    from events.services.registration import Applicant, register

    with connection.cursor() as cursor:
        cursor.execute("SHOW max_connections")
        allowed = int(cursor.fetchone()[0])
    threads_count = min(RACERS, max(2, allowed - 20))
    starts = timezone.now() + datetime.timedelta(days=30)
    event = Event.objects.create(
        kind=EventKind.CONFERENCE, title="Bench race", slug="bench-race", summary=".",
        starts_at=starts, ends_at=starts + datetime.timedelta(hours=2), capacity=PLACES,
        status="published", visibility="public",
    )  # fmt: skip
    connections.close_all()
    queue = list(range(RACERS))
    lock, errors = threading.Lock(), []
    barrier = threading.Barrier(threads_count)

    def worker():
        barrier.wait()
        try:
            while True:
                with lock:
                    if not queue:
                        return
                    n = queue.pop()
                try:
                    register(event, Applicant(f"Racer {n}", f"racer{n}@example.org"))
                except Exception as error:  # noqa: BLE001  counted below
                    errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(threads_count)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    settled = time.perf_counter() - started
    event.refresh_from_db()
    statuses = event.registrations.values_list("status", flat=True)
    return {
        "race_threads": threads_count,
        "race_seconds": round(settled, 2),
        "race_confirmed": sum(s == RegistrationStatus.CONFIRMED for s in statuses),
        "race_waitlisted": sum(s == RegistrationStatus.WAITLISTED for s in statuses),
        "race_places_taken": event.places_taken,
        "race_errors": errors[:3],
    }


# --- Measuring (in bench/run.py's process) ------------------------------------------------


def print_table(name: str, report: dict) -> list[str]:
    print(
        f"\nEvents, {name}: {report['events']:,} events, {report['registrations']:,} "
        f"registrations (seeded in {report['seed_seconds']} s)"
    )
    harness.print_header(f"{'measure':<34} {'value':>14}  {'target':<10} result")
    rows = [
        ("list, kind + network, p50", f"{report['list_p50']:.0f} ms", "", True),
        ("list, kind + network, p95", f"{report['list_p95']:.0f} ms", f"< {P95_TARGET_MS} ms",
         report["list_p95"] < P95_TARGET_MS),
        ("event page p50", f"{report['event_p50']:.0f} ms", "", True),
        ("event page p95", f"{report['event_p95']:.0f} ms", f"< {P95_TARGET_MS} ms",
         report["event_p95"] < P95_TARGET_MS),
    ]  # fmt: skip
    if "race_confirmed" in report:
        rows += [
            (f"race: {RACERS} for {PLACES} ({report['race_threads']} threads)",
             f"{report['race_seconds']:.2f} s", "settle", True),
            ("race: confirmed / waitlisted",
             f"{report['race_confirmed']} / {report['race_waitlisted']}", f"{PLACES} / "
             f"{RACERS - PLACES}", report["race_confirmed"] == PLACES
             and report["race_waitlisted"] == RACERS - PLACES
             and report["race_places_taken"] == PLACES and not report["race_errors"]),
        ]  # fmt: skip
    failures = harness.print_verdicts("Events", name, rows)
    if report.get("race_errors"):
        print(f"  race errors: {report['race_errors']}")
    harness.print_cpu_table(report, CPU_ROWS)
    return failures


def run(name: str, database_url: str) -> list[str]:
    count = event_count()
    env = harness.child_env(database_url)
    print(f"[{name}] events: migrating and seeding {count:,} events...", flush=True)
    report = harness.json_from_module(
        "bench.sections.events", ["--prepare", f"--events={count}"], env
    )
    server = Server(env, harness.VAR / f"bench-gunicorn-events-{name.lower()}.log")
    try:
        server.start()
        record_sequential_percentiles(server.port, report, ("list", "event"), REQUESTS)
    finally:
        server.stop()
    if harness.is_postgres(database_url):
        report.update(harness.json_from_module("bench.sections.events", ["--race"], env, "race"))
    return print_table(name, report)


def run_all(configured_url: str) -> list[str]:
    return harness.on_each_database("events", configured_url, SQLITE_FILE, BENCH_DATABASE, run)


def main(argv=None) -> int:
    return harness.section_main(
        __doc__, "events", event_count(), prepare, run_all, steps={"race": race}, argv=argv
    )


if __name__ == "__main__":
    sys.exit(main())
