"""The whole-system model benchmark: `make bench` runs it (BENCH_MODEL=0 skips it).

1. The engine: one run of 1,000 draws × 120 months on one core (BLAS held to one thread),
   repeated, beside the same model written as a plain Python loop (systemmodel/engine/
   plain_loop.py): the ratio is what vectorising over draws buys. Target: run < 100 ms.
2. The scenario page served by the bench's gunicorn on a fresh SQLite database (the page
   reads no table but the session's): p50/p95 for today's practice (the run is cached
   after the first request) and for a different scenario on every request (a fresh
   500-draw page run each time, differenced from the cached baseline). Target: p95 < 300 ms.
   Wall-clock figures: on a shared, busy machine read them beside CPU time.

    python -m bench.sections.systemmodel --all
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REPEATS = 15
P95_PAGE_TARGET_MS = 300
RUN_TARGET_MS = 100


def engine_figures() -> dict:
    from systemmodel.engine.plain_loop import run_plain
    from systemmodel.engine.simulate import run

    run(draws=1000, months=120, seed=1)  # warm-up: imports, allocator
    wall, cpu = [], []
    for repeat in range(REPEATS):
        started, started_cpu = time.perf_counter(), time.process_time()
        run(draws=1000, months=120, seed=repeat)
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    started = time.perf_counter()
    run_plain(draws=1000, months=120, seed=1)
    plain = time.perf_counter() - started
    return {
        "run_ms_median": 1000 * statistics.median(wall),
        "run_ms_best": 1000 * min(wall),
        "run_cpu_ms_median": 1000 * statistics.median(cpu),
        "plain_loop_ms": 1000 * plain,
        "ratio": plain / statistics.median(wall),
    }


def _engine_in_subprocess() -> dict:
    import subprocess

    env = {
        **os.environ,
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "DJANGO_SETTINGS_MODULE": "groundswell.settings",
        "PYTHONPATH": str(ROOT),
    }
    completed = subprocess.run(
        [sys.executable, "-m", "bench.sections.systemmodel", "--engine"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(completed.stderr[-2000:])
    return json.loads(completed.stdout.strip().splitlines()[-1])


def _group_cpu_seconds(group: int) -> float:
    """User + system CPU seconds of every live process in a process group (gunicorn's master
    and its workers), read from /proc: the server's own work, whatever else the machine runs."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended while we looked
            continue
        if int(fields[2]) == group:  # pgrp
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def _measure(server, endpoint, warmup_paths: list[str]):
    """Like http_load.measure, with the server's CPU time for the counted requests only, and
    a warm-up on paths the counted requests do not use (so no counted run is already cached)."""
    from bench import http_load as bench

    bench.hammer(server.port, warmup_paths, bench.WARMUP, bench.SECONDS, bench.Result(endpoint))
    before = _group_cpu_seconds(server.process.pid)
    result = bench.Result(endpoint)
    bench.hammer(server.port, endpoint.paths, bench.REQUESTS, bench.SECONDS, result)
    cpu = _group_cpu_seconds(server.process.pid) - before
    return result, 1000 * cpu / max(1, result.requests)


def page_results() -> tuple[list, dict]:
    """The endpoint results and the server's CPU milliseconds per request for each."""
    from bench import harness
    from bench import http_load as bench

    database_url = harness.fresh_sqlite_url("bench-model.sqlite3")
    env = harness.child_env(database_url)
    harness.json_from_module("bench.sections.systemmodel", ["--prepare"], env)
    # A different diversion share on every request: no two share a cached run.
    fresh = [f"/model/?diversion={step / 1000:.3f}" for step in range(1, 500)]
    warm = [f"/model/?diversion={step / 10000:.4f}" for step in range(1, 10, 2)]
    planned = [
        (bench.Endpoint("healthz (floor)", ["/healthz"], throughput_target=False), None),
        (
            bench.Endpoint(
                "model page, today",
                ["/model/"],
                P95_PAGE_TARGET_MS,
                throughput_target=False,
                rendered_every_time=True,
            ),
            None,
        ),
        (
            bench.Endpoint(
                "model page, new run",
                fresh,
                P95_PAGE_TARGET_MS,
                throughput_target=False,
                rendered_every_time=True,
            ),
            warm,
        ),
    ]
    server = bench.Server(env, harness.VAR / "bench-gunicorn-model.log")
    results, cpu = [], {}
    try:
        server.start()
        for endpoint, warmup in planned:
            result, cpu[endpoint.label] = _measure(server, endpoint, warmup or endpoint.paths)
            results.append(result)
        return results, cpu
    finally:
        server.stop()


def prepare() -> dict:
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    return {"prepared": True}


def run_all(configured_url: str = "") -> list[str]:
    from bench import http_load as bench

    failures = []
    try:
        figures = _engine_in_subprocess()
    except RuntimeError as error:
        return [f"model engine benchmark could not run: {error}"]
    print()
    print("Whole-system model: one run of 1,000 draws x 120 months, one core")
    print(
        f"  numpy, vectorised over draws: median {figures['run_ms_median']:.1f} ms "
        f"(best {figures['run_ms_best']:.1f} ms; CPU {figures['run_cpu_ms_median']:.1f} ms)"
    )
    print(
        f"  plain Python loop, same model: {figures['plain_loop_ms']:.0f} ms "
        f"({figures['ratio']:.0f} times slower)"
    )
    if figures["run_ms_median"] >= RUN_TARGET_MS:
        failures.append(f"model run median {figures['run_ms_median']:.0f} ms >= {RUN_TARGET_MS} ms")
    try:
        results, cpu = page_results()
    except Exception as error:  # the server could not start, migrations failed...
        return [*failures, f"model page benchmark could not run: {error!r}"]
    failures += bench.print_table("Whole-system model pages, SQLite", results)
    print("  server CPU per request (gunicorn master and workers, from /proc):")
    for label, milliseconds in cpu.items():
        print(f"    {label:<22} {milliseconds:6.1f} ms")
    return failures


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prepare", action="store_true")
    parser.add_argument("--engine", action="store_true")
    parser.add_argument("--all", action="store_true")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    if args.prepare:
        print(json.dumps(prepare()))
    elif args.engine:
        print(json.dumps(engine_figures()))
    elif args.all:
        failures = run_all(os.environ.get("DATABASE_URL", ""))
        print("\n".join(f"FAIL {failure}" for failure in failures) or "All targets met.")
    else:
        parser.error("--prepare, --engine or --all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
