"""The language checker section: checker MB/s beside one compiled regex of the same terms,
and dictionary linking of a 50,000-word resource, each in a child process on one core.

Linking reads the dictionary from the SQLite database of the members section
(var/bench.sqlite3), which has just been migrated (the dictionary arrives with the
migrations)."""

from bench import harness
from bench.sections.members_directory import migrated_sqlite_env

CHECKER_MB_PER_S = 10  # the checker's floor on one core
CHECKER_SPEED_UP = 2  # ...and its lead over one compiled regular expression of the same terms
LINKING_MS = 100  # linking a 50,000-word resource


def run_all(configured_url: str) -> list[str]:
    """Run the two glossary benchmarks and print them; returns the targets missed."""
    size = 5 if harness.quick() else 50
    env = migrated_sqlite_env()
    figures, error = harness.figures_from_module(
        "bench.sections.glossary_checker", ["--size", str(size)], env
    )
    linking = harness.run_module("bench.sections.glossary_linking", [], env)
    failures = []
    print("\nLanguage checker and dictionary linking (one core)")
    if error:
        failures.append(f"language checker benchmark failed: {error}")
    else:
        engine = float(figures["engine_mb_per_s"])
        baseline = float(figures["baseline_mb_per_s"])
        print(
            harness.against_baseline(
                f"checker over {figures['megabytes']} MB", engine, baseline, "MB/s", ".1f", ".1f"
            )
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
