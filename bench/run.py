"""`make bench`: how fast are the directory, a profile, the coverage map and the API?

For each database (SQLite always; PostgreSQL too when DATABASE_URL points at one) it
  1. builds a fresh database: var/bench.sqlite3, or `groundswell_bench` on the PostgreSQL
     server (dropped and created again; no other database is touched),
  2. migrates it and seeds 10,000 organisations in two networks (bench/seed.py),
  3. serves the app with gunicorn (several workers, DEBUG off, on a free loopback port),
  4. sends a bounded number of concurrent requests to each endpoint and prints a table
     with the targets that passed and failed.

The exit status is 0 even when targets fail: this is a report, not a gate. gunicorn is
stopped however the script ends (Ctrl-C included).

Settings (environment variables): BENCH_ORGANISATIONS (10000), BENCH_REQUESTS (300 per
endpoint), BENCH_SECONDS (20, the most per endpoint), BENCH_CONCURRENCY (8),
BENCH_WARMUP (20), BENCH_WORKERS (gunicorn workers: one per CPU, 2 to 4).
"""

import http.client
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run as a script (`python bench/run.py`), the project is not on sys.path yet.
sys.path.insert(0, str(ROOT))
from bench import databases  # noqa: E402

VAR = ROOT / "var"
HOST = "127.0.0.1"
BENCH_DATABASE = "groundswell_bench"


def _env_int(name: str, default: int) -> int:
    try:
        return max(1, int(os.environ.get(name, default)))
    except ValueError:
        return default


def _wanted(variable: str) -> bool:
    """Sections run unless their variable says 0, no or false."""
    return os.environ.get(variable, "1").strip() not in {"0", "no", "false"}


ORGANISATIONS = _env_int("BENCH_ORGANISATIONS", 10_000)
REQUESTS = _env_int("BENCH_REQUESTS", 300)
SECONDS = _env_int("BENCH_SECONDS", 20)
CONCURRENCY = _env_int("BENCH_CONCURRENCY", 8)
WARMUP = _env_int("BENCH_WARMUP", 20)
# One worker per CPU (2 to 4): the pages are CPU-bound, and on a small machine more workers
# than cores only add switching (measured: 2 workers beat 4 on 2 CPUs, SQLite and PostgreSQL).
WORKERS = _env_int("BENCH_WORKERS", min(4, max(2, os.cpu_count() or 1)))
REQUEST_TIMEOUT = 15
FLOOR_SHARE = 0.25  # each page must manage at least this share of the floor's throughput


@dataclass
class Endpoint:
    label: str
    paths: list[str]
    p95_target_ms: float | None = None  # None: no latency target
    throughput_target: bool = True  # False for the floor itself
    probe: bool = False  # measured only if it answers 200 (the API may not exist yet)
    # A session cookie (even an unknown one) turns off visitor page reuse, so these rows
    # show the cost of rendering the page every time, as a signed-in person gets it.
    rendered_every_time: bool = False


@dataclass
class Result:
    endpoint: Endpoint
    latencies: list[float] = field(default_factory=list)  # seconds, successful requests
    errors: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    unavailable: str = ""

    @property
    def requests(self) -> int:
        return len(self.latencies) + sum(self.errors.values())

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def percentile(self, share: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return 1000 * ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


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


# --- HTTP -------------------------------------------------------------------------------


def fetch(port: int, path: str, rendered_every_time: bool = False) -> tuple[int, float]:
    """One GET on a new connection (gunicorn's sync workers close each one)."""
    headers = {"Host": HOST, "Accept": "text/html"}
    if rendered_every_time:
        headers["Cookie"] = "sessionid=bench-no-reuse"
    started = time.perf_counter()
    connection = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status, time.perf_counter() - started
    finally:
        connection.close()


def hammer(port: int, paths: list[str], count: int, seconds: float, result: Result) -> None:
    """`count` requests (at most `seconds` long) from CONCURRENCY threads."""
    lock = threading.Lock()
    issued = 0
    deadline = time.perf_counter() + seconds

    def worker():
        nonlocal issued
        while True:
            with lock:
                if issued >= count or time.perf_counter() >= deadline:
                    return
                path = paths[issued % len(paths)]
                issued += 1
            try:
                status, elapsed = fetch(port, path, result.endpoint.rendered_every_time)
            except OSError as error:
                status, elapsed = type(error).__name__, 0.0
            with lock:
                if status == 200:
                    result.latencies.append(elapsed)
                else:
                    result.errors[str(status)] = result.errors.get(str(status), 0) + 1

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(CONCURRENCY)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + REQUEST_TIMEOUT + 5)
    result.seconds = time.perf_counter() - started


def measure(port: int, endpoint: Endpoint) -> Result:
    result = Result(endpoint)
    if endpoint.probe:
        try:
            status, _elapsed = fetch(port, endpoint.paths[0], endpoint.rendered_every_time)
        except OSError as error:
            status = type(error).__name__
        if status != 200:
            result.unavailable = f"not available (HTTP {status})"
            return result
    hammer(port, endpoint.paths, WARMUP, SECONDS, Result(endpoint))  # warm-up, not counted
    hammer(port, endpoint.paths, REQUESTS, SECONDS, result)
    return result


# --- Databases and the server ------------------------------------------------------------


def sqlite_url() -> str:
    return databases.fresh_sqlite_url("bench.sqlite3")


def postgres_url(server_url: str) -> str:
    return databases.fresh_postgres_url(server_url, BENCH_DATABASE)


def server_env(database_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DATABASE_URL=database_url,
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=HOST,
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        SECURE_HSTS_SECONDS="0",
        BEHIND_PROXY="0",
        WHITENOISE_USE_FINDERS="0",
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
    )
    env.pop("TESTING", None)
    return env


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


class Server:
    """gunicorn in its own process group, stopped by stop() whatever happens."""

    def __init__(self, env: dict[str, str], log_path: Path):
        self.env, self.log_path, self.process, self.port = env, log_path, None, free_port()

    def start(self) -> None:
        self.log = open(self.log_path, "w")  # noqa: SIM115 (closed in stop())
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "groundswell.wsgi:application",
                f"--bind={HOST}:{self.port}",
                f"--workers={WORKERS}",
                "--worker-class=sync",
                "--timeout=30",
                "--graceful-timeout=5",
                "--no-control-socket",
                "--log-level=warning",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited early; see {self.log_path}")
            try:
                if fetch(self.port, "/healthz")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer /healthz in 30 s; see {self.log_path}")

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
                try:
                    os.killpg(process.pid, sig)  # the master and its workers
                except ProcessLookupError:
                    break
                try:
                    process.wait(wait)
                    break
                except subprocess.TimeoutExpired:
                    continue
        if getattr(self, "log", None):
            self.log.close()
            self.log = None


def prepare_database(name: str, database_url: str) -> dict:
    print(f"[{name}] migrating and seeding {ORGANISATIONS} organisations...", flush=True)
    completed = subprocess.run(
        [sys.executable, "-m", "bench.seed", "--prepare", "--json"]
        + [f"--organisations={ORGANISATIONS}"],
        cwd=ROOT,
        env=server_env(database_url),
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"seeding failed:\n{completed.stderr[-3000:]}")
    report = json.loads(completed.stdout.strip().splitlines()[-1])
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


def run_database(name: str, database_url: str) -> tuple[list[Result], list[str]]:
    report = prepare_database(name, database_url)
    server = Server(server_env(database_url), VAR / f"bench-gunicorn-{name.lower()}.log")
    watch = SnapshotWatch(database_url) if database_url.startswith("postgres") else None
    notes = []
    try:
        server.start()
        print(
            f"[{name}] gunicorn: {WORKERS} workers on {HOST}:{server.port}; "
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


# --- The report -------------------------------------------------------------------------


def verdicts(result: Result, floor: Result) -> list[str]:
    """The reasons `result` misses its targets (empty: it passes)."""
    failures = []
    endpoint = result.endpoint
    if result.errors:
        failures.append(
            "errors " + ", ".join(f"{code}×{n}" for code, n in sorted(result.errors.items()))
        )
    if not result.latencies:
        return failures or ["no successful requests"]
    if endpoint.p95_target_ms is not None and result.percentile(0.95) >= endpoint.p95_target_ms:
        failures.append(f"p95 {result.percentile(0.95):.0f} ms ≥ {endpoint.p95_target_ms:.0f}")
    if endpoint.throughput_target and floor.rate:
        ratio = result.rate / floor.rate
        if ratio < FLOOR_SHARE:
            failures.append(f"throughput {ratio:.2f} × floor < {FLOOR_SHARE}")
    return failures


def print_table(name: str, results: list[Result]) -> list[str]:
    floor = results[0]
    header = (
        f"{'endpoint':<22} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>8} "
        f"{'× floor':>8}  {'target':<22} result"
    )
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"\n{name} ({os.cpu_count()} CPUs, load average {load} after the run)")
    print(f"{header}\n{'-' * len(header)}")
    failed = []
    for result in results:
        endpoint = result.endpoint
        targets = []
        if endpoint.p95_target_ms is not None:
            targets.append(f"p95<{endpoint.p95_target_ms:.0f}")
        if endpoint.throughput_target:
            targets.append(f"≥{FLOOR_SHARE}×floor")
        target = ", ".join(targets) or "(floor)"
        if result.unavailable:
            print(
                f"{endpoint.label:<22} {'-':>8} {'-':>8} {'-':>8} {'-':>8} {'-':>8}  "
                f"{target:<22} {result.unavailable}"
            )
            continue
        failures = verdicts(result, floor)
        ratio = result.rate / floor.rate if floor.rate else float("nan")
        print(
            f"{endpoint.label:<22} {result.requests:>8} {result.percentile(0.5):>8.1f} "
            f"{result.percentile(0.95):>8.1f} {result.rate:>8.1f} {ratio:>8.2f}  "
            f"{target:<22} {'FAIL: ' + '; '.join(failures) if failures else 'PASS'}"
        )
        failed += [f"{name} {endpoint.label}: {reason}" for reason in failures]
    return failed


def _stop_on_sigterm(signum, frame):
    raise SystemExit(128 + signum)


# --- Library search (library/bench_search.py) -------------------------------------------------
# A separate benchmark with its own databases (var/bench-library.sqlite3 and
# groundswell_bench_library): 100,000 resources of ~1,500 words (BENCH_QUICK=1: 5,000;
# BENCH_LIBRARY=0 skips it). Run it alone with `python -m library.bench_search --all`.


def library_search_section(configured_url: str) -> list[str]:
    if not _wanted("BENCH_LIBRARY"):
        return []
    sys.path.insert(0, str(ROOT))
    from library import bench_search

    return bench_search.run_all(configured_url)


# --- Recommendation tracker (influence/bench.py) ---------------------------------------------
# A separate benchmark with its own databases (var/bench-influence.sqlite3 and
# groundswell_bench_influence): 10,000 recommendations with 100,000 timeline entries
# (BENCH_QUICK=1: 1,000 and 10,000; BENCH_INFLUENCE=0 skips it). The tracker with two filters
# and recommendation pages, p95 < 80 ms. Run it alone with `python -m influence.bench --all`.


def influence_section(configured_url: str) -> list[str]:
    if not _wanted("BENCH_INFLUENCE"):
        return []
    sys.path.insert(0, str(ROOT))
    from influence import bench as influence_bench

    return influence_bench.run_all(configured_url)


# --- Consultations (consultations/bench.py) ----------------------------------------------------
# Its own databases (var/bench-consultations.sqlite3 and groundswell_bench_consultations): a
# consultation with 5,000 contributions and 50,000 quotes. Theme summary p95 < 200 ms, theme
# suggestions for 5,000 quotes < 10 s, a 40-page submission as DOCX < 3 s and PDF < 10 s.
# BENCH_CONSULTATIONS=0 skips it; run it alone with `python -m consultations.bench --all`.


def consultations_section(configured_url: str) -> list[str]:
    if not _wanted("BENCH_CONSULTATIONS"):
        return []
    sys.path.insert(0, str(ROOT))
    from consultations import bench as consultations_bench

    return consultations_bench.run_all(configured_url)


# --- Whole-system model (systemmodel/bench.py) -------------------------------------------------
# The engine (1,000 draws x 120 months on one core, beside a plain Python loop of the same
# model) and the scenario page's p50/p95. BENCH_MODEL=0 skips it; run it alone with
# `python -m systemmodel.bench --all`.


def model_section(configured_url: str) -> list[str]:
    if not _wanted("BENCH_MODEL"):
        return []
    sys.path.insert(0, str(ROOT))
    from systemmodel import bench as model_bench

    return model_bench.run_all(configured_url)


# --- Media monitor (media/bench_*.py) ---------------------------------------------------------
# Analysis throughput on one core (4 KB articles, >= 1,000 a second, beside one compiled regex
# of the same terms), ingest of 200,000 articles from JSONL with flat memory, and the dashboard
# p95 < 300 ms at 1,000,000 analysed articles on PostgreSQL. BENCH_MEDIA=0 skips all three.
MEDIA_ARTICLES_PER_S = 1_000


def _figures(module: str, env: dict, *arguments: str) -> tuple[dict, str]:
    """Run `python -m module` and read its "name: value" lines."""
    done = subprocess.run(
        [sys.executable, "-m", module, *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        return {}, done.stderr.strip()[-300:]
    return dict(line.split(": ", 1) for line in done.stdout.splitlines() if ": " in line), ""


def media_section(configured_url: str) -> list[str]:
    if not _wanted("BENCH_MEDIA"):
        return []
    failures = []
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{VAR / 'bench.sqlite3'}", "DEBUG": "0"}
    print("\nMedia monitor: analysis on one core (4 KB articles)")
    quick = ("--quick",) if os.environ.get("BENCH_QUICK", "").strip() not in {"", "0"} else ()
    figures, error = _figures("media.bench_analysis", env, *quick)
    if error:
        failures.append(f"media analysis benchmark failed: {error}")
    else:
        engine = float(figures["articles_per_s"])
        baseline = float(figures["baseline_articles_per_s"])
        print(
            f"full analysis: {engine:,.0f} articles/s; one compiled regex of the same terms: "
            f"{baseline:,.0f} articles/s; ratio {engine / baseline:.2f}×"
        )
        if engine < MEDIA_ARTICLES_PER_S:
            failures.append(f"media analysis {engine:,.0f} articles/s < {MEDIA_ARTICLES_PER_S:,}")
    # On SQLite: 200,000 articles take about 40 minutes here; on PostgreSQL, hours. Run
    # `DATABASE_URL=postgres://... python -m media.bench_ingest` for PostgreSQL on its own.
    print("\nMedia monitor: ingest from JSONL on SQLite (analysis included)")
    figures, error = _figures(
        "media.bench_ingest", {**os.environ, "DATABASE_URL": "", "DEBUG": "0"}
    )
    if error:
        failures.append(f"media ingest benchmark failed: {error}")
    else:
        for name, value in figures.items():
            print(f"{name}: {value}")
    sys.path.insert(0, str(ROOT))
    from media import bench_dashboard

    return failures + bench_dashboard.run_all(configured_url)


# --- Dictionary linking and the language checker (glossary/bench_*.py) ---------------------
CHECKER_MB_PER_S = 10  # the checker's floor on one core
CHECKER_SPEED_UP = 2  # ...and its lead over one compiled regular expression of the same terms
LINKING_MS = 100  # linking a 50,000-word resource


def glossary_section() -> list[str]:
    """Run the two glossary benchmarks in child processes (each on one core) and print them.

    Linking reads the dictionary from the SQLite benchmark database, which the members
    benchmark has just migrated (the dictionary arrives with the migrations)."""
    quick = os.environ.get("BENCH_QUICK", "").strip() not in {"", "0"}
    size = 5 if quick else 50
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{VAR / 'bench.sqlite3'}", "DEBUG": "0"}
    python = sys.executable
    checker = subprocess.run(
        [python, "-m", "glossary.bench_checker", "--size", str(size)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    linking = subprocess.run(
        [python, "-m", "glossary.bench_linking"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    failures = []
    print("\nLanguage checker and dictionary linking (one core)")
    if checker.returncode != 0:
        failures.append(f"language checker benchmark failed: {checker.stderr.strip()[-300:]}")
    else:
        figures = dict(line.split(": ", 1) for line in checker.stdout.splitlines() if ": " in line)
        engine = float(figures["engine_mb_per_s"])
        baseline = float(figures["baseline_mb_per_s"])
        print(
            f"checker over {figures['megabytes']} MB: {engine:.1f} MB/s; one compiled regex of "
            f"the same terms: {baseline:.1f} MB/s; ratio {engine / baseline:.1f}×"
        )
        if engine < CHECKER_MB_PER_S:
            failures.append(f"checker {engine:.1f} MB/s < {CHECKER_MB_PER_S}")
        if engine < CHECKER_SPEED_UP * baseline:
            failures.append(f"checker only {engine / baseline:.1f}× the baseline")
    if linking.returncode != 0:
        failures.append(f"linking benchmark failed: {linking.stderr.strip()[-300:]}")
    else:
        print(linking.stdout.strip())
        took = float(linking.stdout.rsplit("took", 1)[1].split("ms")[0])
        if took >= LINKING_MS:
            failures.append(f"linking took {took:.0f} ms ≥ {LINKING_MS}")
    return failures


def main() -> int:
    # Ctrl-C must stop the run (and gunicorn) even when started where SIGINT was ignored.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    signal.signal(signal.SIGHUP, _stop_on_sigterm)
    databases = [("SQLite", sqlite_url)]
    configured = os.environ.get("DATABASE_URL", "")
    if configured.startswith(("postgres://", "postgresql://")):
        databases.append(("PostgreSQL", lambda: postgres_url(configured)))
    else:
        print("DATABASE_URL is not a PostgreSQL URL: measuring SQLite only.")
    failures = []
    try:
        for name, make_url in databases:
            try:
                results, notes = run_database(name, make_url())
            except Exception as error:  # seeding failed, the server cannot be reached...
                failures.append(f"{name}: benchmark could not run: {error!r}")
                print(f"[{name}] benchmark could not run: {error!r}", file=sys.stderr)
                continue
            failures += print_table(name, results)
            for note in notes:
                print(f"Note: {note}.")
        failures += influence_section(configured)
        failures += glossary_section()
        failures += library_search_section(configured)
        failures += consultations_section(configured)
        failures += media_section(configured)
        failures += model_section(configured)
    except KeyboardInterrupt:
        print("\nInterrupted; gunicorn has been stopped.", file=sys.stderr)
        return 130
    print()
    if failures:
        print(f"{len(failures)} target(s) missed:")
        for failure in failures:
            print(f"  FAIL {failure}")
    else:
        print("All targets met.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
