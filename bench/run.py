"""`make bench`: how fast are the pages, searches, engines and exports at a realistic size?

Each section (bench/sections/) builds its own fresh databases (SQLite always; PostgreSQL too
when DATABASE_URL points at a server: a database of the section's own, dropped and created
again; no other database is touched), seeds them, measures and prints a table with the
targets that passed and failed. The shared harness is bench/harness.py (settings, fresh
databases, child processes, timing, percentiles) and bench/http_load.py (gunicorn under
concurrent requests).

The exit status is 0 even when targets fail: this is a report, not a gate. gunicorn is
stopped however the script ends (Ctrl-C included).

Settings (environment variables): BENCH_QUICK=1 (every section at a small size),
BENCH_ORGANISATIONS (10000), BENCH_REQUESTS (300 per endpoint), BENCH_SECONDS (20, the most
per endpoint), BENCH_CONCURRENCY (8), BENCH_WARMUP (20), BENCH_PORT (a fixed port for gunicorn;
any free one if unset), BENCH_WORKERS (gunicorn workers: one
per CPU, 2 to 4); BENCH_INFLUENCE=0, BENCH_LIBRARY=0, BENCH_CONSULTATIONS=0, BENCH_MEDIA=0,
BENCH_AWARDS=0, BENCH_COMMS_COMPOSE=0,
BENCH_EQUALITY=0 and BENCH_SOAK=0 skip a section; BENCH_SOAK_SECONDS
(600) is the soak's length.
"""

import os
import signal
import sys
from pathlib import Path

# Run as a script (`python bench/run.py`), the project is not on sys.path yet.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench import harness  # noqa: E402
from bench.sections import (  # noqa: E402
    awards,
    comms,
    comms_compose,
    consultations,
    equality,
    events,
    glossary,
    influence_tracker,
    library_search,
    media,
    members_directory,
    opportunities,
    plans,
    programmes,
    soak,
    systemmodel,
)

# (the variable that skips the section, or None; the section), in the order they run. The
# members section comes first: the glossary and media sections read its SQLite database.
SECTIONS = (
    (None, members_directory.run_all),
    ("BENCH_INFLUENCE", influence_tracker.run_all),
    (None, glossary.run_all),
    ("BENCH_LIBRARY", library_search.run_all),
    ("BENCH_CONSULTATIONS", consultations.run_all),
    ("BENCH_MEDIA", media.run_all),
    ("BENCH_MODEL", systemmodel.run_all),
    ("BENCH_AWARDS", awards.run_all),
    ("BENCH_EVENTS", events.run_all),
    ("BENCH_OPPORTUNITIES", opportunities.run_all),
    ("BENCH_COMMS_COMPOSE", comms_compose.run_all),
    ("BENCH_COMMS_SEND", comms.run_all),
    ("BENCH_PLANS", plans.run_all),
    ("BENCH_EQUALITY", equality.run_all),
    ("BENCH_PROGRAMMES", programmes.run_all),
    ("BENCH_SOAK", soak.run_all),
)


def _stop_on_sigterm(signum, frame):
    raise SystemExit(128 + signum)


def main() -> int:
    # Ctrl-C must stop the run (and gunicorn) even when started where SIGINT was ignored.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    signal.signal(signal.SIGHUP, _stop_on_sigterm)
    configured = os.environ.get("DATABASE_URL", "")
    failures = []
    try:
        for skip_variable, run_section in SECTIONS:
            if skip_variable is None or harness.wanted(skip_variable):
                failures += run_section(configured)
    except KeyboardInterrupt:
        print("\nInterrupted; gunicorn has been stopped.", file=sys.stderr)
        return 130
    harness.print_summary(failures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
