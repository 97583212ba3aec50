"""The awards section: a staff member's ranking page and the public winners' archive.

For each database (a fresh var/bench-awards.sqlite3; `groundswell_bench_awards` on the
PostgreSQL server of DATABASE_URL, dropped and created again; no other database is touched) it
  1. migrates and seeds, in a subprocess, one category with BENCH_AWARD_NOMINATIONS
     nominations (2,000; 200 with BENCH_QUICK=1), a panel of 40 judges with recusals, and
     20,000 scores (each judge scores a share of the nominations on three criteria); and a
     winners' archive of two schemes over 30 years (six categories a year);
  2. counts, in that subprocess, the queries each page makes for this category and for a
     category a tenth of its size: the counts must be equal (no query per row);
  3. measures, in that subprocess, the CPU time each request takes (time.process_time, which
     the shared machine's other work does not inflate): the ranking worked out afresh (its
     cache emptied before each request) and from the shared cache, and the archive; and, as
     the baseline in the same run, /healthz (the cheapest page: the floor of the stack), so
     each page's CPU time is also printed as a multiple of it;
  4. serves the site with the bench's gunicorn and requests the ranking page signed in as
     staff (the first request works the ranking out; the rest read the cache until a score,
     recusal or decision changes it), and the archive (unfiltered and filtered by year) as a
     visitor, one at a time;
  5. prints the table. Targets: p95 < 80 ms for each page, equal query counts.

    python -m bench.sections.awards --all                      # this section alone
    python -m bench.sections.awards --prepare --nominations 200
"""

import datetime
import random
import sys
import time

from bench import harness
from bench.http_load import Server, record_sequential_percentiles

SQLITE_FILE = "bench-awards.sqlite3"
BENCH_DATABASE = "groundswell_bench_awards"
SEED = 2017
REQUESTS = 60
CPU_REQUESTS = 20
P95_TARGET_MS = 80
JUDGES = 40
SCORES = 20_000
ARCHIVE_YEARS = 30


def nomination_count() -> int:
    return 200 if harness.quick() else harness.env_int("BENCH_AWARD_NOMINATIONS", 2000)


def _category(cycle, name: str, slug: str):
    from awards.models import Category, Criterion

    category = Category.objects.create(
        cycle=cycle, name=name, slug=slug, eligibility="any_org", quorum=3
    )
    Criterion.objects.bulk_create(
        Criterion(category=category, name=n, weight=w, order=i)
        for i, (n, w) in enumerate([("Impact", 40), ("Innovation", 30), ("Involvement", 30)])
    )
    return category


def _fill(category, nominations: int, judges: list, scores: int, rng: random.Random) -> None:
    from awards.models import Conflict, Nomination, PanelMember, Score

    Nomination.objects.bulk_create(
        Nomination(
            category=category,
            nominee_kind="organisation",
            nominee_name=f"Project {n}",
            status="eligible",
        )  # fmt: skip
        for n in range(nominations)
    )
    ids = list(category.nominations.values_list("pk", flat=True))
    PanelMember.objects.bulk_create(
        PanelMember(category=category, judge=judge, lived_experience=i % 5 == 0)
        for i, judge in enumerate(judges)
    )
    seats = list(category.panel.values_list("pk", flat=True))
    criteria = list(category.criteria.values_list("pk", flat=True))
    per_seat = max(1, scores // (len(seats) * len(criteria)))
    rows, conflicts = [], []
    for position, seat in enumerate(seats):
        harshness = rng.uniform(-2, 2)
        chosen = rng.sample(ids, min(per_seat, len(ids)))
        for nomination in chosen:
            for criterion in criteria:
                value = round(min(10, max(1, rng.gauss(6 + harshness, 2))))
                rows.append(Score(panel_member_id=seat, nomination_id=nomination,
                                  criterion_id=criterion, value=value))  # fmt: skip
        conflicts.append(Conflict(panel_member_id=seat, nomination_id=chosen[0],
                                  source="declared", reason="Bench conflict"))  # fmt: skip
        if position % 10 == 0:
            Score.objects.bulk_create(rows, batch_size=2000)
            rows = []
    Score.objects.bulk_create(rows, batch_size=2000)
    Conflict.objects.bulk_create(conflicts)


def _archive(rng: random.Random) -> None:
    from awards.models import Cycle, Nomination, Scheme
    from taxonomy.models import Term

    topics = list(Term.objects.themes()[:6])
    this_year = datetime.date.today().year
    for scheme_number in range(2):
        scheme = Scheme.objects.create(name=f"Bench Awards {scheme_number}",
                                       slug=f"bench-awards-{scheme_number}")  # fmt: skip
        for year in range(this_year - ARCHIVE_YEARS, this_year):
            cycle = Cycle.objects.create(
                scheme=scheme, year=year, slug=f"{scheme.slug}-{year}",
                nominations_open=datetime.date(year, 2, 1),
                nominations_close=datetime.date(year, 4, 1),
                shortlist_announced_on=datetime.date(year, 6, 1),
                winners_published_on=datetime.date(year, 10, 1),
            )  # fmt: skip
            for number in range(6):
                category = _category(cycle, f"Category {number}", f"category-{number}")
                if topics:
                    category.topics.add(rng.choice(topics))
                Nomination.objects.bulk_create(
                    Nomination(
                        category=category,
                        nominee_kind="organisation",
                        nominee_name=f"Winner {year} {number} {n}",
                        status="eligible",
                        shortlisted=True,
                        winner=n == 0,
                        citation="For work that changed lives." if n == 0 else "",
                    )  # fmt: skip
                    for n in range(4)
                )


def seed(count: int) -> dict:
    from awards.models import Cycle, Scheme, Score
    from core.models import User
    from core.roles import Role

    rng = random.Random(SEED)
    started = time.perf_counter()
    staff = User.objects.create_user(
        email="bench-staff@example.org", password=None, name="Bench staff", role=Role.STAFF
    )
    judges = [
        User.objects.create_user(
            email=f"judge{n}@example.org", password=None, name=f"Judge {n}", role=Role.JUDGE
        )  # fmt: skip
        for n in range(JUDGES)
    ]
    today = datetime.date.today()
    scheme = Scheme.objects.create(name="Bench Current Awards", slug="bench-current")
    cycle = Cycle.objects.create(
        scheme=scheme, year=today.year + 1, slug="bench-current",
        nominations_open=today - datetime.timedelta(days=90),
        nominations_close=today - datetime.timedelta(days=10),
    )  # fmt: skip
    big = _category(cycle, "Outstanding Organisation", "outstanding")
    _fill(big, count, judges, SCORES, rng)
    small = _category(cycle, "Small Category", "small")
    _fill(small, max(10, count // 10), judges, SCORES // 10, rng)
    _archive(rng)
    harness.analyse_after_bulk_load(sqlite_too=True)
    return {
        "nominations": count,
        "scores": Score.objects.filter(nomination__category=big).count(),
        "judges": JUDGES,
        "big": big.pk,
        "small": small.pk,
        "staff": staff.pk,
        "seed_seconds": round(time.perf_counter() - started, 1),
    }


def _queries(client, path: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    if response.status_code != 200:
        raise RuntimeError(f"{path} answered {response.status_code}")
    return len(captured.captured_queries)


def measure_in_process(report: dict) -> dict:
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.test import Client
    from django.urls import reverse

    from core.models import User

    staff = User.objects.get(pk=report["staff"])
    client = Client(HTTP_HOST=harness.HOST)
    client.force_login(staff)
    big = reverse("awards:staff_ranking", args=[report["big"]])
    small = reverse("awards:staff_ranking", args=[report["small"]])
    year = datetime.date.today().year - 3
    archive = reverse("awards:winners")
    session = SessionStore()
    session[SESSION_KEY] = str(staff.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = staff.get_session_auth_hash()
    session.create()
    # Each ranking counted as worked out afresh (its cached copy forgotten first), after one
    # unmeasured request so what a process does once (loading the URL conf) is not counted.
    from awards.services import ranking_cache

    client.get(archive)
    ranking_cache.forget(report["big"])
    ranking_cache.forget(report["small"])
    queries = {
        "ranking_queries": _queries(client, big),
        "ranking_queries_small": _queries(client, small),
        "ranking_queries_cached": _queries(client, big),
    }
    cpu = _cpu_times(client, big, archive, f"{archive}?year={year}", report["big"])
    return {
        **cpu,
        **queries,
        "archive_queries": _queries(Client(HTTP_HOST=harness.HOST), archive),
        "archive_queries_filtered": _queries(
            Client(HTTP_HOST=harness.HOST), f"{archive}?year={year}"
        ),
        "ranking_path": big,
        "archive_path": archive,
        "archive_filtered_path": f"{archive}?year={year}",
        "session": session.session_key,
    }


def _cpu_times(staff_client, ranking: str, archive: str, archive_year: str, big: int) -> dict:
    from django.test import Client

    from awards.services import ranking_cache

    visitor = Client(HTTP_HOST=harness.HOST)
    figures = {
        "floor": harness.cpu_per_request(visitor, "/healthz", CPU_REQUESTS),
        "ranking_fresh": harness.cpu_per_request(
            staff_client, ranking, CPU_REQUESTS, before=lambda: ranking_cache.forget(big)
        ),
        "ranking_cached": harness.cpu_per_request(staff_client, ranking, CPU_REQUESTS),
        "archive": harness.cpu_per_request(visitor, archive, CPU_REQUESTS),
        "archive_year": harness.cpu_per_request(visitor, archive_year, CPU_REQUESTS),
    }
    return harness.cpu_figures(figures)


def prepare(count: int) -> dict:
    harness.setup_django()
    report = {"prepare_seconds": round(harness.migrate(), 1), **seed(count)}
    return {**report, **measure_in_process(report)}


# --- Measuring (in bench/run.py's process) ------------------------------------------------


def print_table(name: str, report: dict) -> list[str]:
    print(
        f"\nAwards, {name}: {report['nominations']:,} nominations, {report['judges']} judges, "
        f"{report['scores']:,} scores (seeded in {report['seed_seconds']} s)"
    )
    harness.print_header(f"{'measure':<34} {'value':>14}  {'target':<10} result")
    rows = [
        ("ranking p50", f"{report['ranking_p50']:.0f} ms", "", True),
        ("ranking p95", f"{report['ranking_p95']:.0f} ms", f"< {P95_TARGET_MS} ms",
         report["ranking_p95"] < P95_TARGET_MS),
        ("archive p50", f"{report['archive_p50']:.0f} ms", "", True),
        ("archive p95", f"{report['archive_p95']:.0f} ms", f"< {P95_TARGET_MS} ms",
         report["archive_p95"] < P95_TARGET_MS),
        ("archive by year p95", f"{report['archive_filtered_p95']:.0f} ms",
         f"< {P95_TARGET_MS} ms", report["archive_filtered_p95"] < P95_TARGET_MS),
        ("ranking queries (full / tenth)",
         f"{report['ranking_queries']} / {report['ranking_queries_small']}", "equal",
         report["ranking_queries"] == report["ranking_queries_small"]),
        ("ranking queries, from the cache", f"{report['ranking_queries_cached']}", "", True),
        ("archive queries (all / a year)",
         f"{report['archive_queries']} / {report['archive_queries_filtered']}", "equal",
         report["archive_queries"] == report["archive_queries_filtered"]),
    ]  # fmt: skip
    failures = harness.print_verdicts("Awards", name, rows)
    harness.print_cpu_table(report, CPU_ROWS)
    return failures


CPU_ROWS = (
    ("ranking, worked out afresh", "ranking_fresh"),
    ("ranking, from the cache", "ranking_cached"),
    ("winners' archive", "archive"),
    ("winners' archive, one year", "archive_year"),
)


def run(name: str, database_url: str) -> list[str]:
    count = nomination_count()
    env = harness.child_env(database_url)
    print(f"[{name}] awards: migrating and seeding {count:,} nominations...", flush=True)
    report = harness.json_from_module(
        "bench.sections.awards", ["--prepare", f"--nominations={count}"], env
    )
    server = Server(env, harness.VAR / f"bench-gunicorn-awards-{name.lower()}.log")
    try:
        server.start()
        record_sequential_percentiles(
            server.port, report, ("ranking", "archive", "archive_filtered"), REQUESTS,
            sessions={"ranking": report["session"]},
        )  # fmt: skip
    finally:
        server.stop()
    return print_table(name, report)


def run_all(configured_url: str) -> list[str]:
    return harness.on_each_database("awards", configured_url, SQLITE_FILE, BENCH_DATABASE, run)


def main(argv=None) -> int:
    return harness.section_main(
        __doc__, "nominations", nomination_count(), prepare, run_all, argv=argv
    )


if __name__ == "__main__":
    sys.exit(main())
