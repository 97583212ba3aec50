"""The equality section: suppressing a whole Equality Impact Report (core.lib.suppression).

No database: the work that grows is the suppression, which runs on plain tables. For a report
the shape of the real one (nine characteristics, 6 to 9 categories each, five groups, all
tables sharing their group totals) filled with random answers, it measures the CPU time
(time.process_time, which the shared machine's other work does not inflate) and wall time of
  - a small year (BENCH_EQUALITY_ANSWERS / 10 answers: many small counts, so much secondary
    suppression) and a large one (BENCH_EQUALITY_ANSWERS, 2,000; 300 with BENCH_QUICK=1),
    each against last year's published figures (carry-forward and preferences at work);
  - as the baseline in the same run, building the same tables' cells and relations only;
and prints each as a multiple of the baseline. Target: under 1 s CPU for a report.

    python -m bench.sections.equality
"""

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench import harness  # noqa: E402

CPU_TARGET_S = 1.0
REPEATS = 3
GROUPS = ["staff", "trustees", "programme", "events", "member_leadership"]
# Categories per characteristic, "Prefer not to say" included (as equality/questions.py).
SHAPES = {"ethnicity": 6, "sex": 3, "gender_identity": 3, "sexual_orientation": 5,
          "disability": 4, "age_band": 7, "religion": 9, "justice_experience": 4,
          "care_experience": 3}  # fmt: skip
GROUP_SHARE = [0.06, 0.04, 0.12, 0.48, 0.30]


def answers() -> int:
    return 300 if harness.quick() else harness.env_int("BENCH_EQUALITY_ANSWERS", 2000)


def report_tables(total: int, seed: int):
    from core.lib.suppression import Table

    rng = random.Random(seed)
    people = [rng.choices(GROUPS, weights=GROUP_SHARE)[0] for _ in range(total)]
    tables = []
    for name, size in SHAPES.items():
        rows = [f"c{i}" for i in range(size)]
        weights = [2 ** (size - i) for i in range(size)]  # a few common answers, a long tail
        counts = {}
        for group in people:
            row = rng.choices(rows, weights=weights)[0]
            counts[(row, group)] = counts.get((row, group), 0) + 1
        tables.append(Table(name, rows, GROUPS, counts, population="respondents"))
    return tables


def measure(function, *args) -> tuple[float, float, object]:
    """Median CPU and wall seconds of REPEATS runs, and the last value."""
    cpu, wall, value = [], [], None
    for _ in range(REPEATS):
        started_cpu, started_wall = time.process_time(), time.perf_counter()
        value = function(*args)
        cpu.append(time.process_time() - started_cpu)
        wall.append(time.perf_counter() - started_wall)
    return harness.percentile(cpu, 0.5), harness.percentile(wall, 0.5), value


def run_all(configured_url: str = "") -> list[str]:
    from core.lib.suppression import cells_and_relations, published_values, suppress_report

    failures = []
    print("\nEquality Impact Report: small-number suppression of a whole report (one core)")
    harness.print_header(
        f"{'report':<28} {'cells':>6} {'hidden':>7} {'CPU':>9} {'wall':>9} {'× baseline':>11}"
    )
    for label, total in (("small year", max(30, answers() // 10)), ("large year", answers())):
        last_tables = report_tables(total, seed=2025)
        last = suppress_report(last_tables)
        before = published_values(last_tables, last.hidden)
        true_before = published_values(last_tables, set())
        tables = report_tables(total, seed=2026)

        def baseline(tables=tables):
            return [cells_and_relations(t) for t in tables]

        base_cpu, _, built = measure(baseline)
        cpu, wall, result = measure(
            lambda tables=tables, before=before, true_before=true_before: suppress_report(
                tables, published_before=before, values_before=true_before
            )
        )
        cells = sum(len(c) for c, _ in built)
        ratio = cpu / base_cpu if base_cpu else float("nan")
        print(f"{label + f' ({total} answers)':<28} {cells:>6} {len(result.hidden):>7} "
              f"{1000 * cpu:>6.1f} ms {1000 * wall:>6.1f} ms {ratio:>10.0f}×")  # fmt: skip
        print(f"{'  baseline: tables only':<28} {'':>6} {'':>7} {1000 * base_cpu:>6.2f} ms")
        if cpu > CPU_TARGET_S:
            failures.append(f"equality {label}: {cpu:.2f} s CPU > {CPU_TARGET_S} s")
    return failures


if __name__ == "__main__":
    harness.setup_django()
    harness.print_summary(run_all())
