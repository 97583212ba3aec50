"""The members section: how fast are the directory, a profile, the coverage map and the API?

For each database (a fresh var/bench.sqlite3; `groundswell_bench` on the PostgreSQL server
of DATABASE_URL, dropped and created again; no other database is touched) it
  1. migrates it and seeds BENCH_ORGANISATIONS organisations (10,000) in two networks
     (members/tests/large_alliance.py), in a child process;
  2. serves the app with gunicorn (several workers, DEBUG off, on a free loopback port);
  3. sends a bounded number of concurrent requests to each endpoint and prints a table
     with the targets that passed and failed.

The language checker's linking benchmark reads the dictionary from var/bench.sqlite3, so
this section runs first.

    python -m bench.sections.members_directory --all      # this section alone
    python -m bench.sections.members_directory --prepare --organisations 10000
"""

import os
import sys
import threading
import time
from dataclasses import asdict

from bench import harness
from bench.http_load import (
    CONCURRENCY,
    REQUESTS,
    SECONDS,
    WORKERS,
    Endpoint,
    Result,
    Server,
    measure,
    print_table,
)

ORGANISATIONS = harness.env_int("BENCH_ORGANISATIONS", 10_000)
SQLITE_FILE = "bench.sqlite3"
BENCH_DATABASE = "groundswell_bench"


def endpoints(profile_slugs: list[str]) -> list[Endpoint]:
    # The floor comes first, so a slow page cannot leave the machine busy while it is measured.
    return [
        Endpoint("healthz (floor)", ["/healthz"], throughput_target=False),
        Endpoint("directory (2 filters)", ["/members/?theme=housing&region=london"], 60),
        Endpoint("profile", [f"/members/{slug}/" for slug in profile_slugs]),
        Endpoint("coverage map", ["/members/coverage/"], 100),
        Endpoint("API list", ["/api/v1/organisations?limit=25"], 60, probe=True),
        Endpoint(
            "directory, rendered",
            ["/members/?theme=housing&region=london"],
            60,
            throughput_target=False,
            rendered_every_time=True,
        ),
        Endpoint(
            "coverage, rendered",
            ["/members/coverage/"],
            100,
            throughput_target=False,
            rendered_every_time=True,
        ),
        Endpoint(
            "API list, rendered",
            ["/api/v1/organisations?limit=25"],
            60,
            throughput_target=False,
            rendered_every_time=True,
        ),
    ]


def migrated_sqlite_env() -> dict[str, str]:
    """For child processes that need a migrated database and nothing in it: this section's
    SQLite database, on the project's own settings with DEBUG off."""
    return {**os.environ, "DATABASE_URL": f"sqlite:///{harness.VAR / SQLITE_FILE}", "DEBUG": "0"}


# --- Seeding (in the child process) ---------------------------------------------------------


def prepare(organisations: int) -> dict:
    """Migrate the fresh database and seed it; the report bench/run.py reads."""
    harness.setup_django()
    from members.tests.large_alliance import seed

    prepare_seconds = round(harness.migrate(), 2)
    result = seed(organisations)
    harness.analyse_after_bulk_load()
    return {"prepare_seconds": prepare_seconds, **asdict(result)}


# --- Measuring (in bench/run.py's process) ------------------------------------------------


def prepare_database(name: str, env: dict) -> dict:
    print(f"[{name}] migrating and seeding {ORGANISATIONS} organisations...", flush=True)
    report = harness.json_from_module(
        "bench.sections.members_directory", ["--prepare", f"--organisations={ORGANISATIONS}"], env
    )
    tags = sum(report["tags"].values())
    print(
        f"[{name}] migrated in {report['prepare_seconds']} s; seeded {report['organisations']} "
        f"organisations, {report['memberships']} memberships, {tags} tags "
        f"in {report['seconds']} s",
        flush=True,
    )
    return report


class SnapshotWatch(threading.Thread):
    """How often PostgreSQL's snapshot moves while we measure. The directory and the map
    reuse their counts until it does (members/services/directory.py), and it moves on any
    commit anywhere on the server, other databases included: on a shared server that means
    counting afresh far more often than the app's own writes would cause."""

    def __init__(self, database_url: str):
        super().__init__(daemon=True)
        self.database_url, self.changes, self.seconds = database_url, 0, 0.0
        self.done = threading.Event()

    def run(self):
        import psycopg

        started = time.perf_counter()
        with psycopg.connect(self.database_url, autocommit=True) as connection:
            last = None
            while not self.done.wait(0.05):
                (snapshot,) = connection.execute("SELECT pg_current_snapshot()::text").fetchone()
                self.changes += last is not None and snapshot != last
                last = snapshot
        self.seconds = time.perf_counter() - started

    def stop(self) -> str:
        self.done.set()
        self.join(5)
        rate = self.changes / self.seconds if self.seconds else 0.0
        return (
            f"the server's snapshot moved {rate:.1f} times a second during the run; each move "
            "makes every worker count the directory and the map afresh"
        )


def measure_database(name: str, database_url: str) -> tuple[list[Result], list[str]]:
    env = harness.child_env(database_url)
    report = prepare_database(name, env)
    server = Server(env, harness.VAR / f"bench-gunicorn-{name.lower()}.log")
    watch = SnapshotWatch(database_url) if harness.is_postgres(database_url) else None
    notes = []
    try:
        server.start()
        print(
            f"[{name}] gunicorn: {WORKERS} workers on {harness.HOST}:{server.port}; "
            f"{REQUESTS} requests or {SECONDS} s per endpoint, concurrency {CONCURRENCY}",
            flush=True,
        )
        planned = endpoints(report["profile_slugs"])
        if watch:
            watch.start()
        return [measure(server.port, e) for e in planned], notes
    finally:
        if watch and watch.is_alive():
            notes.append(watch.stop())
        server.stop()


def run(name: str, database_url: str) -> list[str]:
    """Seed, serve, measure and print one database's table; returns the targets missed."""
    results, notes = measure_database(name, database_url)
    failures = print_table(name, results)
    for note in notes:
        print(f"Note: {note}.")
    return failures


def run_all(configured_url: str) -> list[str]:
    if not harness.is_postgres(configured_url):
        print("DATABASE_URL is not a PostgreSQL URL: measuring SQLite only.")
    return harness.on_each_database(
        "members directory", configured_url, SQLITE_FILE, BENCH_DATABASE, run
    )


def main(argv=None) -> int:
    return harness.section_main(
        __doc__, "organisations", ORGANISATIONS, prepare, run_all, argv=argv
    )


if __name__ == "__main__":
    sys.exit(main())
