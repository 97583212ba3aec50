"""The programmes section: the leadership programme's outcomes report (one row per cohort and
follow-up, four measures, suppressed with core.lib.suppression as the equality report is).

No database: what grows is the tabulation and suppression. For BENCH_PROGRAMMES_COHORTS
cohorts (40; 8 with BENCH_QUICK=1) of 6 to 20 participants, each answering four follow-ups,
it measures CPU (time.process_time) and wall time of programmes.services.outcomes.tabulate,
and as the baseline in the same run, counting the same answers without suppression; prints
each as a multiple of the baseline. Target: under 0.5 s CPU.

    python -m bench.sections.programmes
"""

import random
import sys
import time
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench import harness  # noqa: E402

CPU_TARGET_S = 0.5
REPEATS = 3
POINTS = ["End of the programme", "6 months on", "12 months on", "24 months on"]


def cohorts() -> int:
    return 8 if harness.quick() else harness.env_int("BENCH_PROGRAMMES_COHORTS", 40)


def groups(count: int, seed: int = 15):
    rng = random.Random(seed)
    found = []
    for cohort in range(count):
        size = rng.randint(6, 20)
        for step, point in enumerate(POINTS):
            answers = [
                SimpleNamespace(
                    paid_role=rng.random() < 0.3 + 0.1 * step,
                    in_sector=rng.random() < 0.8,
                    board_roles=int(rng.random() < 0.1 * step),
                    further_study=rng.random() < 0.2,
                    confidence=rng.randint(1, 5),
                )  # fmt: skip
                for _ in range(rng.randint(size // 2, size))
            ]
            found.append((f"Cohort {cohort + 1}", point, answers))
    return found


def baseline(rows):
    from programmes.services.outcomes import MEASURES, holds

    return [[sum(holds(m, a) for a in answers) for m, _l in MEASURES] for _c, _p, answers in rows]


def measure(function, *args):
    cpu, wall = [], []
    for _ in range(REPEATS):
        started_cpu, started_wall = time.process_time(), time.perf_counter()
        function(*args)
        cpu.append(time.process_time() - started_cpu)
        wall.append(time.perf_counter() - started_wall)
    return harness.percentile(cpu, 0.5), harness.percentile(wall, 0.5)


def run_all(configured_url: str = "") -> list[str]:
    # In `make bench` an earlier section has set Django up; run alone, this one must.
    harness.setup_django()
    from programmes.services.outcomes import tabulate

    rows = groups(cohorts())
    print("\nProgrammes: the outcomes report with small-number suppression (one core)")
    harness.print_header(f"{'work':<34} {'rows':>5} {'CPU':>9} {'wall':>9} {'× baseline':>11}")
    base_cpu, base_wall = measure(baseline, rows)
    cpu, wall = measure(tabulate, rows)
    for label, c, w in (("count only (baseline)", base_cpu, base_wall),
                        ("tabulate and suppress", cpu, wall)):  # fmt: skip
        ratio = c / base_cpu if base_cpu else 0.0
        print(f"{label:<34} {len(rows):>5} {c * 1000:>7.1f}ms {w * 1000:>7.1f}ms {ratio:>10.1f}×")
    if cpu > CPU_TARGET_S:
        return [f"programmes outcomes report took {cpu:.2f} s CPU (target {CPU_TARGET_S} s)"]
    return []


if __name__ == "__main__":
    harness.setup_django()
    harness.print_summary(run_all())
