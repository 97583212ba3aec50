"""The app under load: gunicorn on the loopback, concurrent requests from threads, and the
table that puts each endpoint's latency and throughput beside its targets, with throughput
as a share of a floor (the cheapest endpoint, measured in the same run)."""

import http.client
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.harness import HOST, ROOT, env_int, percentile, print_header

REQUESTS = env_int("BENCH_REQUESTS", 300)
SECONDS = env_int("BENCH_SECONDS", 20)
CONCURRENCY = env_int("BENCH_CONCURRENCY", 8)
WARMUP = env_int("BENCH_WARMUP", 20)
# One worker per CPU (2 to 4): the pages are CPU-bound, and on a small machine more workers
# than cores only add switching (measured: 2 workers beat 4 on 2 CPUs, SQLite and PostgreSQL).
WORKERS = env_int("BENCH_WORKERS", min(4, max(2, os.cpu_count() or 1)))
REQUEST_TIMEOUT = 15
FLOOR_SHARE = 0.25  # each page must manage at least this share of the floor's throughput


# --- gunicorn under load --------------------------------------------------------------------------


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

    @property
    def session(self) -> str | None:
        return "bench-no-reuse" if self.rendered_every_time else None


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
        """Milliseconds."""
        return 1000 * percentile(self.latencies, share)


def fetch(port: int, path: str, session: str | None = None) -> tuple[int, float]:
    """One GET on a new connection (gunicorn's sync workers close each one), with the session
    cookie `session` if given; the status and the seconds it took."""
    headers = {"Host": HOST, "Accept": "text/html"}
    if session:
        headers["Cookie"] = f"sessionid={session}"
    started = time.perf_counter()
    connection = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status, time.perf_counter() - started
    finally:
        connection.close()


def sequential_latencies(
    port: int, path: str, count: int, session: str | None = None
) -> list[float]:
    """`count` GETs of `path` one after another, in milliseconds; anything but 200 stops the
    run, since timing an error page would flatter the figure."""
    measured = []
    for _ in range(count):
        status, seconds = fetch(port, path, session)
        if status != 200:
            raise RuntimeError(f"{path} answered {status}, not 200")
        measured.append(1000 * seconds)
    return measured


def record_sequential_percentiles(
    port: int, report: dict, keys, count: int, sessions: dict | None = None
) -> None:
    """For each key, a few unmeasured GETs of report[f"{key}_path"] (warming the worker),
    then `count` timed ones: report[f"{key}_p50"] and report[f"{key}_p95"], in ms. A key in
    `sessions` is requested signed in with that session key."""
    sessions = sessions or {}
    for key in keys:
        path, session = report[f"{key}_path"], sessions.get(key)
        sequential_latencies(port, path, 5, session)
        measured = sequential_latencies(port, path, count, session)
        report[f"{key}_p50"] = percentile(measured, 0.5)
        report[f"{key}_p95"] = percentile(measured, 0.95)


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
                status, elapsed = fetch(port, path, result.endpoint.session)
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
            status, _elapsed = fetch(port, endpoint.paths[0], endpoint.session)
        except OSError as error:
            status = type(error).__name__
        if status != 200:
            result.unavailable = f"not available (HTTP {status})"
            return result
    hammer(port, endpoint.paths, WARMUP, SECONDS, Result(endpoint))  # warm-up, not counted
    hammer(port, endpoint.paths, REQUESTS, SECONDS, result)
    return result


def free_port() -> int:
    """BENCH_PORT when set (engineers sharing one machine each have a port of their own),
    otherwise any free port."""
    if os.environ.get("BENCH_PORT"):
        return int(os.environ["BENCH_PORT"])
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


# --- The endpoint table ---------------------------------------------------------------------------


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
    """Each endpoint's latency, throughput and its ratio to the floor (the first result,
    measured in the same run), beside its targets; returns the targets missed."""
    floor = results[0]
    header = (
        f"{'endpoint':<22} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>8} "
        f"{'× floor':>8}  {'target':<22} result"
    )
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"\n{name} ({os.cpu_count()} CPUs, load average {load} after the run)")
    print_header(header)
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
