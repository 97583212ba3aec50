"""The plans section: drafting a quarterly update with every measured indicator over big
tables of the other apps, and the published update page.

For each database (a fresh var/bench-plans.sqlite3; `groundswell_bench_plans` on the
PostgreSQL server of DATABASE_URL, dropped and created again; no other database is touched) it
  1. migrates and seeds, in a subprocess: BENCH_PLANS_ORGANISATIONS member organisations
     (10,000; 1,000 with BENCH_QUICK=1), as many recommendations with three timeline entries
     each, BENCH_PLANS_ARTICLES analysed news articles (1,000,000; 20,000 quick), 400 events
     with check-ins, and an action plan with one indicator for every measured query;
  2. drafts that quarter's update REPEATS times, timing wall and CPU time of the process;
     as the baseline in the same run, one COUNT(*) over all the articles (a full pass over
     the biggest table), so the ratio says how many such passes a draft costs;
  3. requests the published update page REPEATS×10 times in process (Django's test client,
     so its CPU time is measurable), and the small /plans/ front page as its baseline;
  4. prints the table. Targets: drafting < 2 s; update page p95 < 100 ms.

    python -m bench.sections.plans --all
"""

import datetime
import random
import statistics
import sys
import time

from bench import harness

SQLITE_FILE = "bench-plans.sqlite3"
BENCH_DATABASE = "groundswell_bench_plans"
SEED = 14
REPEATS = 5
DRAFT_TARGET_S = 2.0
PAGE_TARGET_MS = 100


def organisation_count() -> int:
    return 1000 if harness.quick() else harness.env_int("BENCH_PLANS_ORGANISATIONS", 10_000)


def article_count() -> int:
    return 20_000 if harness.quick() else harness.env_int("BENCH_PLANS_ARTICLES", 1_000_000)


def _moment(day):
    from django.utils import timezone

    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def seed(count: int) -> dict:
    from django.utils import timezone

    from events.models import Event, Registration
    from influence.models import Recommendation, StatusChange, TargetBody
    from media.models import Article, Outlet
    from members.models import Membership, Network, Organisation
    from plans.models import ActionPlan, Indicator, IndicatorKind, Strategy
    from plans.services import measures, periods

    rng = random.Random(SEED)
    started = time.perf_counter()
    today = timezone.localdate()
    year = periods.plan_year_of(today) - 1
    span = (datetime.date(year - 1, 4, 1), today)
    days = (span[1] - span[0]).days

    def day():
        return span[0] + datetime.timedelta(days=rng.randrange(days))

    network = Network.objects.create(name="Bench Alliance", slug="bench")
    Organisation.objects.bulk_create(
        Organisation(name=f"Org {n}", slug=f"org-{n}", lived_experience_led=n % 6 == 0,
                     by_and_for=n % 7 == 0)
        for n in range(count)
    )  # fmt: skip
    orgs = list(Organisation.objects.values_list("pk", flat=True))
    Membership.objects.bulk_create(
        Membership(organisation_id=pk, network=network, joined_on=day()) for pk in orgs
    )
    target = TargetBody.objects.create(name="Bench Department", slug="bench-dept",
                                       kind="department")  # fmt: skip
    Recommendation.objects.bulk_create(
        Recommendation(title=f"Rec {n}", slug=f"rec-{n}", text="Do it.", first_made_on=day())
        for n in range(count)
    )
    recs = list(Recommendation.objects.values_list("pk", "first_made_on"))
    Recommendation.networks.through.objects.bulk_create(
        Recommendation.networks.through(recommendation_id=pk, network_id=network.pk)
        for pk, _ in recs
    )
    entries = []
    for pk, made in recs:
        raised = made + datetime.timedelta(days=rng.randint(1, 30))
        answered = raised + datetime.timedelta(days=rng.randint(10, 200))
        for status, when in (("raised", raised), ("acknowledged", answered),
                             (rng.choice(["accepted", "rejected", "considering"]),
                              answered + datetime.timedelta(days=30))):  # fmt: skip
            entries.append(StatusChange(recommendation_id=pk, target=target, status=status,
                                        happened_on=when, recorded_at=_moment(when)))  # fmt: skip
    StatusChange.objects.bulk_create(entries, batch_size=5000)
    outlet = Outlet.objects.create(name="Bench News", slug="bench-news", kind="national")
    batch = []
    for n in range(article_count()):
        published = _moment(day())
        batch.append(Article(
            outlet=outlet, url=f"https://news.example/{n}", title=f"Story {n}",
            published_at=published, analysed_at=published, content_hash=f"{n:064d}",
            headline_labels=int(rng.random() < 0.2), body_labels=int(rng.random() < 0.3),
        ))  # fmt: skip
        if len(batch) == 10_000:
            Article.objects.bulk_create(batch)
            batch = []
    Article.objects.bulk_create(batch)
    for n in range(400):
        starts = _moment(day())
        event = Event.objects.create(
            kind="forum", title=f"Forum {n}", slug=f"forum-{n}", summary="A forum.",
            starts_at=starts, ends_at=starts + datetime.timedelta(hours=2), capacity=50,
            status="finished",
        )  # fmt: skip
        event.networks.add(network)
        Registration.objects.bulk_create(
            Registration(event=event, name=f"P {i}", email=f"p{n}-{i}@example.org",
                         organisation_id=rng.choice(orgs), status="attended",
                         checked_in_at=starts)
            for i in range(20)
        )  # fmt: skip
    strategy = Strategy.objects.create(network=network, title="Bench strategy", slug="bench",
                                       starts_year=year - 1, ends_year=year + 2)  # fmt: skip
    plan = ActionPlan.objects.create(network=network, strategy=strategy, year=year,
                                     status="published", published_at=timezone.now())  # fmt: skip
    for order, measure in enumerate(measures.all_measures(), start=1):
        Indicator.objects.create(plan=plan, order=order, title=measure.title,
                                 kind=IndicatorKind.MEASURED, measure=measure.key,
                                 unit=measure.unit, target=10)  # fmt: skip
    harness.analyse_after_bulk_load(sqlite_too=True)
    return {"organisations": count, "recommendations": len(recs),
            "articles": Article.objects.count(), "plan": plan.pk,
            "indicators": plan.indicators.count(),
            "seed_seconds": round(time.perf_counter() - started, 1)}  # fmt: skip


def _cpu_and_wall(function, repeats):
    walls, cpus = [], []
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        function()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return walls, cpus


def measure_in_process(report: dict) -> dict:
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from media.models import Article
    from plans.models import ActionPlan, Audience
    from plans.services import reports

    plan = ActionPlan.objects.get(pk=report["plan"])
    drafted = {}

    def draft():
        drafted["report"] = reports.draft(None, plan, 4)

    def full_scan():
        Article.objects.all().count()

    draft()  # warm up
    walls, cpus = _cpu_and_wall(draft, REPEATS)
    base_walls, base_cpus = _cpu_and_wall(full_scan, REPEATS)
    report_row = drafted["report"]
    reports.publish(None, report_row, Audience.PUBLIC)
    client = Client(HTTP_HOST=harness.HOST)
    page = reverse("plans:report", args=[report_row.pk])
    index = reverse("plans:index")
    for path in (page, index):
        if client.get(path).status_code != 200:
            raise RuntimeError(f"{path} did not answer 200")
    page_walls, page_cpus = _cpu_and_wall(lambda: client.get(page), REPEATS * 10)
    index_walls, _ = _cpu_and_wall(lambda: client.get(index), REPEATS * 10)
    return {
        "vendor": connection.vendor,
        "draft_wall": statistics.median(walls), "draft_cpu": statistics.median(cpus),
        "scan_wall": statistics.median(base_walls), "scan_cpu": statistics.median(base_cpus),
        "page_p50": 1000 * harness.percentile(page_walls, 0.5),
        "page_p95": 1000 * harness.percentile(page_walls, 0.95),
        "page_cpu": 1000 * statistics.median(page_cpus),
        "index_p95": 1000 * harness.percentile(index_walls, 0.95),
    }  # fmt: skip


def prepare(count: int) -> dict:
    harness.setup_django()
    report = {"prepare_seconds": round(harness.migrate(), 1), **seed(count)}
    return {**report, **measure_in_process(report)}


def print_table(name: str, r: dict) -> list[str]:
    print(f"\nPlans, {name}: {r['organisations']:,} organisations, {r['recommendations']:,} "
          f"recommendations, {r['articles']:,} articles, {r['indicators']} measured indicators "
          f"(seeded in {r['seed_seconds']} s)")  # fmt: skip
    harness.print_header(f"{'measure':<44} {'value':>12}  {'target':<10} result")
    rows = [
        ("draft a quarterly update, wall (median)", f"{r['draft_wall']:.2f} s",
         f"< {DRAFT_TARGET_S} s", r["draft_wall"] < DRAFT_TARGET_S),
        ("draft, CPU of this process", f"{r['draft_cpu']:.2f} s", "", True),
        ("baseline: COUNT(*) of all articles, wall", f"{r['scan_wall'] * 1000:.0f} ms", "", True),
        ("ratio draft / baseline (wall)", f"{r['draft_wall'] / max(r['scan_wall'], 1e-6):.1f}×",
         "", True),
        ("published update page p50", f"{r['page_p50']:.0f} ms", "", True),
        ("published update page p95", f"{r['page_p95']:.0f} ms", f"< {PAGE_TARGET_MS} ms",
         r["page_p95"] < PAGE_TARGET_MS),
        ("update page CPU (median)", f"{r['page_cpu']:.0f} ms", "", True),
        ("baseline: /plans/ front page p95", f"{r['index_p95']:.0f} ms", "", True),
        ("ratio update page / front page (p95)",
         f"{r['page_p95'] / max(r['index_p95'], 1e-6):.1f}×", "", True),
    ]  # fmt: skip
    return harness.print_verdicts("Plans", name, rows, label_width=44, value_width=12)


def run(name: str, database_url: str) -> list[str]:
    count = organisation_count()
    env = harness.child_env(database_url)
    print(f"[{name}] plans: migrating and seeding {count:,} organisations...", flush=True)
    report = harness.json_from_module(
        "bench.sections.plans", ["--prepare", f"--organisations={count}"], env
    )
    return print_table(name, report)


def run_all(configured_url: str) -> list[str]:
    return harness.on_each_database("plans", configured_url, SQLITE_FILE, BENCH_DATABASE, run)


def main(argv=None) -> int:
    return harness.section_main(
        __doc__, "organisations", organisation_count(), prepare, run_all, argv=argv
    )


if __name__ == "__main__":
    sys.exit(main())
