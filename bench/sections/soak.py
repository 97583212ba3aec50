"""The soak: mixed traffic for a long while, to find errors and memory that only time shows.

On one fresh database (`groundswell_bench_soak` on the PostgreSQL server of DATABASE_URL,
dropped and created again; a fresh var/bench-soak.sqlite3 when DATABASE_URL is not
PostgreSQL) it
  1. migrates it and loads the demo (every app's pages have something to show), in a child
     process, which also signs the demo staff member in (a session the load then uses);
  2. serves the app with gunicorn (DEBUG off, on a free loopback port);
  3. sends BENCH_SOAK_SECONDS (600) of mixed requests from BENCH_CONCURRENCY (8) threads:
     visitors' pages, pages rendered for a signed-in staff member, searches and the API;
  4. prints, per kind and in all, the requests, the answers that were not 2xx or 3xx, the 5xx
     among them, p50 and p95, and the gunicorn workers' memory (RSS) after the warm-up and at
     the end. Targets: no 5xx at all, memory growth under 10%.

    python -m bench.sections.soak --all       # this section alone (BENCH_SOAK=0 skips it)
"""

import os
import sys
import threading
import time
from pathlib import Path

from bench import harness
from bench.http_load import CONCURRENCY, WORKERS, Server, fetch

SECONDS = harness.env_int("BENCH_SOAK_SECONDS", 30 if harness.quick() else 600)
WARMUP_SECONDS = min(30, max(3, SECONDS // 20))
MEMORY_GROWTH_TARGET = 0.10
SQLITE_FILE = "bench-soak.sqlite3"
BENCH_DATABASE = "groundswell_bench_soak"

VISITOR_PATHS = [
    "/",
    "/members/",
    "/members/coverage/",
    "/topics/",
    "/recommendations/",
    "/dictionary/",
    "/library/",
    "/events/",
    "/consultations/",
]
SEARCH_PATHS = [
    "/members/?q=youth",
    "/library/?q=prison",
    "/dictionary/?q=remand",
    "/recommendations/?q=probation",
]
API_PATHS = [
    "/api/v1/organisations?limit=25",
    "/api/v1/networks",
    "/api/v1/recommendations?limit=25",
]
SIGNED_IN_PATHS = ["/", "/members/", "/members/import/", "/library/submissions/", "/events/"]


# --- In the child process -----------------------------------------------------------------------


def prepare(_size=None) -> dict:
    """Migrate, load the demo, sign the demo staff member in; the paths to load."""
    harness.setup_django()
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command

    from core.models import User
    from members.models import Organisation

    started = time.perf_counter()
    harness.migrate()
    call_command("load_demo", verbosity=0)
    staff = User.objects.get(email="staff@example.org")
    session = SessionStore()
    session[SESSION_KEY] = str(staff.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = staff.get_session_auth_hash()
    session.create()
    profiles = [
        organisation.get_absolute_url() for organisation in Organisation.objects.order_by("pk")[:20]
    ]
    return {
        "prepare_seconds": round(time.perf_counter() - started, 1),
        "session": session.session_key,
        "paths": {
            "visitor pages": VISITOR_PATHS + profiles,
            "signed-in pages": SIGNED_IN_PATHS,
            "searches": SEARCH_PATHS,
            "API": API_PATHS,
        },
    }


# --- In bench/run.py's process ------------------------------------------------------------------


class Tally:
    """What one kind of request got, shared by the load threads."""

    def __init__(self):
        self.latencies: list[float] = []
        self.statuses: dict[str, int] = {}

    def add(self, status, seconds: float) -> None:
        self.statuses[str(status)] = self.statuses.get(str(status), 0) + 1
        if isinstance(status, int) and status < 400:
            self.latencies.append(seconds)

    @property
    def requests(self) -> int:
        return sum(self.statuses.values())

    @property
    def failed(self) -> int:
        return sum(n for s, n in self.statuses.items() if not (s.isdigit() and int(s) < 400))

    @property
    def server_errors(self) -> int:
        return sum(n for s, n in self.statuses.items() if s.startswith("5"))


def worker_memory_kib(master_pid: int) -> dict[int, int]:
    """The resident memory of each gunicorn worker (the master's children), from /proc."""
    memory = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) != master_pid:
                continue
            status = (stat.parent / "status").read_text()
        except (OSError, IndexError, ValueError):
            continue  # a process that ended while we looked
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                memory[int(stat.parent.name)] = int(line.split()[1])
    return memory


def usable(port: int, paths: list[str], session: str | None) -> tuple[list[str], list[str]]:
    """The paths that answer before the soak (2xx or 3xx), and those dropped, with why."""
    kept, dropped = [], []
    for path in paths:
        try:
            status, _ = fetch(port, path, session)
        except OSError as error:
            status = type(error).__name__
        if isinstance(status, int) and status < 400:
            kept.append(path)
        else:
            dropped.append(f"{path} ({status})")
    return kept, dropped


def load(port: int, plan: list[tuple[str, str, str | None]], seconds: float, tallies) -> None:
    """Requests from CONCURRENCY threads, round the plan, until `seconds` have passed."""
    lock = threading.Lock()
    issued = 0
    deadline = time.perf_counter() + seconds

    def worker():
        nonlocal issued
        while time.perf_counter() < deadline:
            with lock:
                kind, path, session = plan[issued % len(plan)]
                issued += 1
            try:
                status, elapsed = fetch(port, path, session)
            except OSError as error:
                status, elapsed = type(error).__name__, 0.0
            with lock:
                if tallies is not None:
                    tallies[kind].add(status, elapsed)

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(CONCURRENCY)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + 30)


def mixed_plan(paths: dict[str, list[str]], session: str) -> list[tuple[str, str, str | None]]:
    """Each kind in turn, each kind's paths in turn: every kind gets an equal share."""
    longest = max(len(kind_paths) for kind_paths in paths.values())
    plan = []
    for index in range(longest):
        for kind, kind_paths in paths.items():
            if kind_paths:
                cookie = session if kind == "signed-in pages" else None
                plan.append((kind, kind_paths[index % len(kind_paths)], cookie))
    return plan


def print_report(name: str, tallies: dict[str, Tally], memory: tuple[dict, dict]) -> list[str]:
    everything = Tally()
    for tally in tallies.values():
        everything.latencies += tally.latencies
        for status, count in tally.statuses.items():
            everything.statuses[status] = everything.statuses.get(status, 0) + count
    load_average = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"\n{name} soak: {SECONDS} s at concurrency {CONCURRENCY}, {WORKERS} gunicorn workers")
    print(f"({os.cpu_count()} CPUs, load average {load_average} after the run)")
    harness.print_header(
        f"{'kind':<16} {'requests':>8} {'not 2/3xx':>9} {'5xx':>5} {'p50 ms':>8} {'p95 ms':>8}"
    )
    for kind, tally in [*tallies.items(), ("all", everything)]:
        p50 = 1000 * harness.percentile(tally.latencies, 0.5)
        p95 = 1000 * harness.percentile(tally.latencies, 0.95)
        print(
            f"{kind:<16} {tally.requests:>8} {tally.failed:>9} {tally.server_errors:>5} "
            f"{p50:>8.1f} {p95:>8.1f}"
        )
    if everything.failed:
        answers = ", ".join(f"{s}×{n}" for s, n in sorted(everything.statuses.items()))
        print(f"answers: {answers}")
    failures = []
    if everything.server_errors:
        failures.append(f"{name} soak: {everything.server_errors} 5xx answers (target 0)")
    before, after = memory
    total_before, total_after = sum(before.values()), sum(after.values())
    if before.keys() != after.keys():
        failures.append(f"{name} soak: gunicorn workers were replaced during the run")
    growth = (total_after - total_before) / total_before if total_before else float("nan")
    verdict = "PASS" if growth < MEMORY_GROWTH_TARGET else "FAIL"
    print(
        f"worker memory (RSS, {len(after)} workers): {total_before / 1024:.1f} MiB after the "
        f"warm-up, {total_after / 1024:.1f} MiB at the end: growth {growth:+.1%} "
        f"(target < {MEMORY_GROWTH_TARGET:.0%}) {verdict}"
    )
    if verdict == "FAIL":
        failures.append(f"{name} soak: worker memory grew {growth:+.1%}")
    return failures


def run(name: str, database_url: str) -> list[str]:
    env = harness.child_env(database_url)
    print(f"[{name}] migrating and loading the demo...", flush=True)
    report = harness.json_from_module("bench.sections.soak", ["--prepare"], env)
    print(f"[{name}] ready in {report['prepare_seconds']} s", flush=True)
    server = Server(env, harness.VAR / f"bench-gunicorn-soak-{name.lower()}.log")
    try:
        server.start()
        session = report["session"]
        paths, dropped = {}, []
        for kind, kind_paths in report["paths"].items():
            cookie = session if kind == "signed-in pages" else None
            paths[kind], kind_dropped = usable(server.port, kind_paths, cookie)
            dropped += kind_dropped
        if dropped:
            print(f"[{name}] not loaded (did not answer before the soak): {', '.join(dropped)}")
        plan = mixed_plan(paths, session)
        print(f"[{name}] warm-up {WARMUP_SECONDS} s, then {SECONDS} s...", flush=True)
        load(server.port, plan, WARMUP_SECONDS, None)
        before = worker_memory_kib(server.process.pid)
        tallies = {kind: Tally() for kind in paths}
        load(server.port, plan, SECONDS, tallies)
        after = worker_memory_kib(server.process.pid)
    finally:
        server.stop()
    return print_report(name, tallies, (before, after))


def run_all(configured_url: str) -> list[str]:
    """PostgreSQL when DATABASE_URL names a server (the production case), SQLite otherwise."""
    try:
        if harness.is_postgres(configured_url):
            return run("PostgreSQL", harness.fresh_postgres_url(configured_url, BENCH_DATABASE))
        print("DATABASE_URL is not a PostgreSQL URL: soaking SQLite instead.")
        return run("SQLite", harness.fresh_sqlite_url(SQLITE_FILE))
    except Exception as error:
        print(f"soak could not run: {error!r}", file=sys.stderr)
        return [f"soak: could not run: {error!r}"]


def main(argv=None) -> int:
    return harness.section_main(__doc__, "size", None, prepare, run_all, argv=argv)


if __name__ == "__main__":
    sys.exit(main())
