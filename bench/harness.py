"""What every benchmark section shares: settings from the environment, a fresh database per
section and per engine, Django in a child process, timing and percentiles. Serving the app
with gunicorn and measuring it under concurrent requests is in bench/http_load.py.

Sections run their seeding and in-process timing in a child process (`python -m
bench.sections.<name> --prepare`), with DATABASE_URL pointing at the section's own fresh
database, and read back the JSON report it prints last; the parent serves and measures.
"""

import argparse
import json
import os
import secrets
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var"
HOST = "127.0.0.1"


# --- Settings from the environment ------------------------------------------------------------


def env_int(name: str, default: int) -> int:
    try:
        return max(1, int(os.environ.get(name, default)))
    except ValueError:
        return default


def quick() -> bool:
    """BENCH_QUICK=1: every section at a small size, for a quick look."""
    return os.environ.get("BENCH_QUICK", "").strip() not in {"", "0"}


def wanted(variable: str) -> bool:
    """Sections run unless their variable says 0, no or false."""
    return os.environ.get(variable, "1").strip() not in {"0", "no", "false"}


# --- Fresh databases: each section builds its own and never touches yours ---------------------


def is_postgres(database_url: str) -> bool:
    return database_url.startswith(("postgres://", "postgresql://"))


def fresh_sqlite_url(file_name: str) -> str:
    """An empty SQLite file in var/ (any earlier one, and its journals, removed)."""
    VAR.mkdir(exist_ok=True)
    path = VAR / file_name
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return f"sqlite:///{path}"


def fresh_postgres_url(server_url: str, database: str) -> str:
    """Drop and create `database` on the server of `server_url`; return its URL."""
    import psycopg

    parts = urlsplit(server_url)
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {database}")
    return urlunsplit(parts._replace(path=f"/{database}"))


def on_each_database(
    what: str,
    configured_url: str,
    sqlite_file: str,
    postgres_database: str,
    run: Callable[[str, str], list[str]],
) -> list[str]:
    """`run(name, database_url)` on a fresh SQLite file, then on a fresh PostgreSQL database
    when `configured_url` names a server; returns the targets missed. A database on which the
    section cannot run (seeding failed, the server cannot be reached...) is a missed target."""
    databases = [("SQLite", lambda: fresh_sqlite_url(sqlite_file))]
    if is_postgres(configured_url):
        databases.append(
            ("PostgreSQL", lambda: fresh_postgres_url(configured_url, postgres_database))
        )
    failures = []
    for name, make_url in databases:
        try:
            failures += run(name, make_url())
        except Exception as error:
            failures.append(f"{name} {what}: could not run: {error!r}")
            print(f"[{name}] {what} benchmark could not run: {error!r}", file=sys.stderr)
    return failures


# --- Django in the child process ----------------------------------------------------------------


def setup_django(settings: str = "bench.settings") -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings)
    import django

    django.setup()


def migrate(static: bool = True) -> float:
    """Migrate the fresh database, add the cache table and (unless `static` is off: a section
    on the project's own settings) collect static files; returns the seconds it took."""
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)
    if static:
        call_command("collectstatic", interactive=False, verbosity=0)
    return time.perf_counter() - started


def analyse_after_bulk_load(sqlite_too: bool = False) -> None:
    """Do what autovacuum does shortly after a bulk load on PostgreSQL: refresh the planner's
    statistics and the visibility map (which index-only scans need); ANALYZE on SQLite too
    when asked."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    elif sqlite_too:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def child_env(database_url: str) -> dict[str, str]:
    """The environment of a section's child processes and its server: the production
    settings (bench/settings.py), DEBUG off, plain HTTP on the loopback, the section's own
    database."""
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


def run_module(module: str, arguments: list[str], env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", module, *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def json_from_module(module: str, arguments: list[str], env: dict, what="seeding") -> dict:
    """Run `python -m module` and read the JSON report it prints last."""
    completed = run_module(module, arguments, env)
    if completed.returncode != 0:
        raise RuntimeError(f"{what} failed:\n{completed.stderr[-3000:]}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def figures_from_module(module: str, arguments: list[str], env: dict) -> tuple[dict, str]:
    """Run `python -m module` and read its "name: value" lines; the error, if it failed."""
    completed = run_module(module, arguments, env)
    if completed.returncode != 0:
        return {}, completed.stderr.strip()[-300:]
    lines = completed.stdout.splitlines()
    return dict(line.split(": ", 1) for line in lines if ": " in line), ""


# --- Timing -------------------------------------------------------------------------------------


def timed(function, *args):
    """The function's value and the seconds it took (to two places)."""
    started = time.perf_counter()
    value = function(*args)
    return value, round(time.perf_counter() - started, 2)


def percentile(values: list[float], share: float) -> float:
    """The value at `share` of the way through the sorted values (nearest rank)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def cpu_per_request(client, path: str, count: int, before=None) -> dict[str, float]:
    """The CPU time of this process (time.process_time: what the shared machine's other work
    does not inflate, unlike wall time) for `count` GETs of `path` by a Django test client,
    after one unmeasured GET; `before()` runs ahead of each request, unmeasured (to empty a
    cache, say). Milliseconds: {"median": ..., "p95": ...}."""
    client.get(path)
    measured = []
    for _ in range(count):
        if before is not None:
            before()
        started = time.process_time()
        response = client.get(path)
        measured.append(1000 * (time.process_time() - started))
        if response.status_code != 200:
            raise RuntimeError(f"{path} answered {response.status_code}")
    return {"median": percentile(measured, 0.5), "p95": percentile(measured, 0.95)}


def cpu_figures(figures: dict[str, dict[str, float]]) -> dict[str, float]:
    """{"list": {"median": m, "p95": p}} as report keys {"cpu_list_median": m, ...}, the
    form print_cpu_table reads."""
    return {f"cpu_{name}_{k}": v for name, value in figures.items() for k, v in value.items()}


def faceted_list_cpu_times(
    report: dict, list_key: str, detail_key: str, count: int
) -> dict[str, float]:
    """CPU per request, as a visitor, of a faceted list page (report[f"{list_key}_path"])
    counted afresh and reused, of a detail page (report[f"{detail_key}_path"]), and of
    /healthz as the floor. A faceted list keeps its counts until something commits, so a
    committed write to the database cache ahead of each request makes it count afresh."""
    from django.core.cache import cache
    from django.test import Client

    visitor = Client(HTTP_HOST=HOST)
    list_path = report[f"{list_key}_path"]
    committed_write = lambda: cache.set(f"bench:{list_key}:write", time.time())  # noqa: E731
    return cpu_figures(
        {
            "floor": cpu_per_request(visitor, "/healthz", count),
            f"{list_key}_fresh": cpu_per_request(visitor, list_path, count, committed_write),
            f"{list_key}_reused": cpu_per_request(visitor, list_path, count),
            detail_key: cpu_per_request(visitor, report[f"{detail_key}_path"], count),
        }
    )


def print_verdicts(
    section: str, name: str, rows, label_width: int = 34, value_width: int = 14
) -> list[str]:
    """Print (label, value, target, passed) rows as a table body; the failures, as lines for
    print_summary."""
    failures = []
    for label, value, target, passed in rows:
        verdict = "PASS" if passed else "FAIL"
        print(f"{label:<{label_width}} {value:>{value_width}}  {target:<10} {verdict}")
        if not passed:
            failures.append(f"{section} {name} {label}: {value} (target {target})")
    return failures


def print_cpu_table(report: dict, rows) -> None:
    """CPU time per request in the seeding process, and each as a multiple of /healthz's (the
    baseline measured in the same run)."""
    floor = report["cpu_floor_median"]
    print(f"\nCPU time per request (in process; baseline /healthz: {floor:.1f} ms median)")
    print_header(f"{'page':<34} {'median':>9} {'p95':>9} {'× baseline':>11}")
    for label, key in rows:
        median, p95 = report[f"cpu_{key}_median"], report[f"cpu_{key}_p95"]
        print(f"{label:<34} {median:>6.1f} ms {p95:>6.1f} ms {median / floor:>10.1f}×")


def against_baseline(
    label: str, value: float, baseline: float, unit: str, figure: str, ratio: str
) -> str:
    """One line: a figure, the naive baseline measured in the same run, and their ratio
    (`figure` and `ratio` are their format specifications)."""
    return (
        f"{label}: {value:{figure}} {unit}; one compiled regex of the same terms: "
        f"{baseline:{figure}} {unit}; ratio {value / baseline:{ratio}}×"
    )


def print_header(header: str) -> None:
    print(f"{header}\n{'-' * len(header)}")


def print_summary(failures: list[str]) -> None:
    """The end of a run: every target missed, or that all were met."""
    print()
    if failures:
        print(f"{len(failures)} target(s) missed:")
        for failure in failures:
            print(f"  FAIL {failure}")
    else:
        print("All targets met.")


def section_main(
    description: str,
    size_option: str,
    default_size: int | None,
    prepare: Callable[[int | None], dict],
    run_all: Callable[[str], list[str]],
    steps: dict[str, Callable[[], dict]] | None = None,
    argv=None,
) -> int:
    """The command line of a section with databases of its own: `--prepare` in the child
    process (migrate, seed, time what runs in process; print the JSON report), `--all` for
    the section alone on each database; `--<step>` for any further child-process step."""
    steps = steps or {}
    parser = argparse.ArgumentParser(description=description.splitlines()[0])
    parser.add_argument("--prepare", action="store_true", help="migrate and seed (child process)")
    for step in steps:
        parser.add_argument(f"--{step}", action="store_true", help="a child-process step")
    parser.add_argument("--all", action="store_true", help="the whole section, both databases")
    parser.add_argument(f"--{size_option}", dest="size", type=int, default=default_size)
    args = parser.parse_args(argv)
    chosen = [step for step in steps if getattr(args, step)]
    if args.prepare:
        print(json.dumps(prepare(args.size)))
    elif chosen:
        print(json.dumps(steps[chosen[0]]()))
    elif args.all:
        print_summary(run_all(os.environ.get("DATABASE_URL", "")))
    else:
        parser.error(" or ".join(["--prepare", *(f"--{step}" for step in steps), "--all"]))
    return 0
