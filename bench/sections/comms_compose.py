"""The member-updates section: drafting an update from a month of changes.

For each database (a fresh var/bench-comms-compose.sqlite3; `groundswell_bench_comms_compose`
on the PostgreSQL server of DATABASE_URL, dropped and created again; no other database is
touched) it, in a subprocess,
  1. migrates and seeds five years of records for the "what changed" registry
     (core/registries/changes.py) over two networks, tagged with the taxonomy:
     BENCH_UPDATE_RESOURCES library resources (50,000; 5,000 with BENCH_QUICK=1), a tenth as
     many recommendations with five timeline entries each, a twentieth as many events, a
     hundredth as many consultations, award cycles, and 60 months of media figures for 100
     outlets by part of the system;
  2. drafts an issue of a members' list (one network, three topics) from one month of
     changes, five times (each draft deleted after), measuring wall and CPU time of the
     process; and, as the baseline in the same run, reads the same month's records the naive
     way (each row's networks and topics asked for row by row);
  3. prints the table. Target: a draft in under 1 s (wall, best of five).

    python -m bench.sections.comms_compose --all                  # this section alone
    python -m bench.sections.comms_compose --prepare --resources 5000
"""

import datetime
import random
import sys
import time

from bench import harness

SQLITE_FILE = "bench-comms-compose.sqlite3"
BENCH_DATABASE = "groundswell_bench_comms_compose"
SEED = 1606
DRAFT_TARGET_S = 1.0
ROUNDS = 5
YEARS = 5


def resource_count() -> int:
    return harness.env_int("BENCH_UPDATE_RESOURCES", 5_000 if harness.quick() else 50_000)


def _spread(rng, start: datetime.date, days: int) -> datetime.date:
    return start + datetime.timedelta(days=rng.randint(0, days))


def _tag(model, relation, pairs, batch=5000):
    """Bulk-create many-to-many rows [(row pk, other pk)]."""
    descriptor = getattr(model, relation)
    through = descriptor.through
    source = descriptor.field.m2m_field_name() + "_id"
    target = descriptor.field.m2m_reverse_field_name() + "_id"
    through.objects.bulk_create(
        [through(**{source: a, target: b}) for a, b in pairs], batch_size=batch,
        ignore_conflicts=True,
    )  # fmt: skip


def seed(count: int) -> dict:
    from django.utils import timezone

    from awards.models import Cycle, Scheme
    from consultations.models import Consultation, ConsultationStatus
    from events.models import Event, EventKind, EventStatus, Visibility
    from influence.models import Recommendation, Status, StatusChange, TargetBody
    from library.models import Resource, ResourceKind, ResourceStatus
    from media.models import MonthlyFigure, Outlet
    from members.models import Network
    from taxonomy.models import Term, Vocabulary

    rng = random.Random(SEED)
    started = time.perf_counter()
    today = timezone.localdate()
    first_day = today - datetime.timedelta(days=365 * YEARS)
    days = (today - first_day).days
    networks = [Network.objects.create(name=f"Bench network {n}", slug=f"bench-net-{n}")
                for n in range(2)]  # fmt: skip
    net_ids = [n.pk for n in networks]
    terms = {v: list(Term.objects.filter(vocabulary=v).values_list("pk", flat=True))
             for v in Vocabulary.values}  # fmt: skip

    def tags(pks, model, relations):
        _tag(model, "networks", [(pk, rng.choice(net_ids)) for pk in pks])
        for relation, vocabulary in relations:
            _tag(model, relation, [(pk, rng.choice(terms[vocabulary])) for pk in pks])

    # Library.
    Resource.objects.bulk_create([
        Resource(title=f"Bench resource {n}", slug=f"bench-resource-{n}",
                 kind=rng.choice(ResourceKind.values), summary="A benchmark resource.",
                 status=ResourceStatus.PUBLISHED, published_on=_spread(rng, first_day, days))
        for n in range(count)
    ], batch_size=2000)  # fmt: skip
    pks = list(Resource.objects.values_list("pk", flat=True))
    tags(pks, Resource, [("parts", Vocabulary.PART), ("themes", Vocabulary.THEME)])
    # Recommendations and their timelines.
    targets = TargetBody.objects.bulk_create([
        TargetBody(name=f"Bench body {n}", slug=f"bench-body-{n}", kind="department")
        for n in range(20)
    ])  # fmt: skip
    Recommendation.objects.bulk_create([
        Recommendation(title=f"Bench ask {n}", slug=f"bench-ask-{n}", text="Do it.",
                       is_published=True, first_made_on=first_day)
        for n in range(count // 10)
    ], batch_size=2000)  # fmt: skip
    pks = list(Recommendation.objects.values_list("pk", flat=True))
    tags(pks, Recommendation, [("parts", Vocabulary.PART), ("themes", Vocabulary.THEME)])
    recorded = timezone.now()
    StatusChange.objects.bulk_create([
        StatusChange(recommendation_id=pk, target=rng.choice(targets),
                     status=rng.choice(Status.values), happened_on=_spread(rng, first_day, days),
                     note="The department replied in writing.", recorded_at=recorded)
        for pk in pks for _ in range(5)
    ], batch_size=5000)  # fmt: skip
    # Events.
    now = timezone.now()
    events = []
    for n in range(count // 20):
        starts = now - datetime.timedelta(days=rng.randint(-120, days), hours=rng.randint(0, 9))
        events.append(Event(
            kind=rng.choice(EventKind.values), title=f"Bench event {n}", slug=f"bench-event-{n}",
            summary="A benchmark event.", starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=2), capacity=50,
            status=EventStatus.PUBLISHED, visibility=rng.choice([Visibility.PUBLIC,
                                                                 Visibility.MEMBERS]),
        ))  # fmt: skip
    Event.objects.bulk_create(events, batch_size=2000)
    pks = list(Event.objects.values_list("pk", flat=True))
    tags(pks, Event, [("topics", Vocabulary.THEME)])
    # Consultations.
    consultations = []
    for n in range(max(count // 100, 10)):
        opened = now - datetime.timedelta(days=rng.randint(0, days))
        consultations.append(Consultation(
            title=f"Bench consultation {n}", slug=f"bench-consultation-{n}",
            asking_body=rng.choice(targets), status=ConsultationStatus.OPEN, opened_at=opened,
            internal_deadline=opened.date() + datetime.timedelta(days=30),
            deadline=opened.date() + datetime.timedelta(days=45),
        ))  # fmt: skip
    Consultation.objects.bulk_create(consultations)
    pks = list(Consultation.objects.values_list("pk", flat=True))
    tags(pks, Consultation, [("parts", Vocabulary.PART), ("themes", Vocabulary.THEME)])
    # Awards: a cycle a year for each network's scheme.
    for n, network in enumerate(networks):
        scheme = Scheme.objects.create(name=f"Bench awards {n}", slug=f"bench-awards-{n}",
                                       network=network)  # fmt: skip
        for year in range(today.year - YEARS, today.year + 1):
            Cycle.objects.create(
                scheme=scheme, year=year, slug=f"bench-awards-{n}-{year}",
                nominations_open=datetime.date(year, 2, 1),
                nominations_close=datetime.date(year, 4, 1),
                shortlist_announced_on=datetime.date(year, 6, 1),
                winners_published_on=datetime.date(year, 9, 1),
            )  # fmt: skip
    # Media: monthly figures by outlet, all articles and by part.
    outlets = Outlet.objects.bulk_create(
        [Outlet(name=f"Bench outlet {n}", slug=f"bench-outlet-{n}") for n in range(100)]
    )
    figures = []
    month = first_day.replace(day=1)
    while month <= today:
        for outlet in outlets:
            for part in [None, *terms[Vocabulary.PART]]:
                articles = rng.randint(5, 60)
                figures.append(MonthlyFigure(
                    outlet=outlet, month=month, part_id=part, include_syndicated=False,
                    articles=articles, articles_with_label=rng.randint(0, articles),
                ))  # fmt: skip
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    MonthlyFigure.objects.bulk_create(figures, batch_size=5000)
    harness.analyse_after_bulk_load(sqlite_too=True)
    return {
        "resources": count,
        "status_changes": StatusChange.objects.count(),
        "events": len(events),
        "monthly_figures": len(figures),
        "seed_seconds": round(time.perf_counter() - started, 1),
        "network": networks[0].pk,
        "topics": [
            terms[Vocabulary.PART][0],
            terms[Vocabulary.THEME][0],
            terms[Vocabulary.THEME][1],
        ],  # fmt: skip
    }


def naive_month(since, until, network, topics) -> int:
    """The baseline: the same month's records read the obvious way, each row's networks and
    topics asked for one row at a time (what a first version of a newsletter builder does)."""
    from events.models import Event, EventStatus
    from influence.models import StatusChange
    from library.models import Resource, ResourceStatus

    kept = 0
    for resource in Resource.objects.filter(
        status=ResourceStatus.PUBLISHED, published_on__gte=since, published_on__lt=until
    ):
        nets = {n.pk for n in resource.networks.all()}
        about = {t.pk for t in resource.parts.all()} | {t.pk for t in resource.themes.all()}
        kept += bool((not nets or network in nets) and about & topics)
    for change in StatusChange.objects.filter(happened_on__gte=since, happened_on__lt=until):
        recommendation = change.recommendation
        nets = {n.pk for n in recommendation.networks.all()}
        about = {t.pk for t in recommendation.parts.all()} | {
            t.pk for t in recommendation.themes.all()
        }
        kept += bool(network in nets and about & topics and change.target.name)
    upcoming = Event.objects.filter(
        status=EventStatus.PUBLISHED,
        starts_at__date__gte=until,
        starts_at__date__lt=until + datetime.timedelta(days=42),
    )
    for event in upcoming:
        nets = {n.pk for n in event.networks.all()}
        kept += bool((not nets or network in nets) and {t.pk for t in event.topics.all()} & topics)
    return kept  # fmt: skip


def measure(report: dict) -> dict:
    from django.db import connection

    from comms.models import Audience, MailingList
    from comms.updates import drafting
    from core.lib.months import add_months

    network, topics = report["network"], set(report["topics"])
    mailing_list = MailingList.objects.create(
        name="Bench member update", slug="bench-update", audience=Audience.MEMBERS
    )
    mailing_list.networks.set([network])
    mailing_list.topics.set(topics)
    until = datetime.date.today().replace(day=1)
    since = add_months(until, -1)
    walls, cpus, items = [], [], 0
    for _ in range(ROUNDS):
        wall, cpu = time.perf_counter(), time.process_time()
        issue = drafting.draft_issue(mailing_list, until=until)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
        # The next round drafts the same month: the list's first issue again.
        issue.mailing_list.update_issues.filter(pk=issue.pk).update(period_start=since)
        items = issue.items.count()
        issue.delete()
    base_walls, base_cpus = [], []
    for _ in range(ROUNDS):
        wall, cpu = time.perf_counter(), time.process_time()
        naive_month(since, until, network, topics)
        base_walls.append(time.perf_counter() - wall)
        base_cpus.append(time.process_time() - cpu)
    return {
        "engine": connection.vendor,
        "draft_items": items,
        "draft_wall": min(walls), "draft_cpu": min(cpus),
        "draft_wall_p50": sorted(walls)[len(walls) // 2],
        "naive_wall": min(base_walls), "naive_cpu": min(base_cpus),
    }  # fmt: skip


def prepare(count: int) -> dict:
    harness.setup_django()
    report = {"prepare_seconds": round(harness.migrate(static=False), 1), **seed(count)}
    report.update(measure(report))
    return report


def print_table(name: str, report: dict) -> list[str]:
    print(
        f"\nMember updates, {name}: {report['resources']:,} resources, "
        f"{report['status_changes']:,} status changes, {report['events']:,} events, "
        f"{report['monthly_figures']:,} media figures (seeded in {report['seed_seconds']} s)"
    )
    harness.print_header(f"{'measure':<40} {'value':>12}  {'target':<10} result")
    ok = report["draft_wall"] < DRAFT_TARGET_S
    rows = [
        (f"draft a month ({report['draft_items']} items), wall",
         f"{report['draft_wall'] * 1000:.0f} ms", f"< {DRAFT_TARGET_S:.0f} s", ok),
        ("draft a month, CPU of the process", f"{report['draft_cpu'] * 1000:.0f} ms", "", True),
        ("draft a month, wall p50 of 5", f"{report['draft_wall_p50'] * 1000:.0f} ms", "", True),
        ("baseline: naive row-by-row read, wall", f"{report['naive_wall'] * 1000:.0f} ms", "",
         True),
        ("baseline: naive read, CPU", f"{report['naive_cpu'] * 1000:.0f} ms", "", True),
        ("ratio draft / naive (CPU)",
         f"{report['draft_cpu'] / max(report['naive_cpu'], 1e-9):.2f}×", "", True),
    ]  # fmt: skip
    failures = []
    for label, value, target, passed in rows:
        print(f"{label:<40} {value:>12}  {target:<10} {'PASS' if passed else 'FAIL'}")
        if not passed:
            failures.append(f"Member updates {name} {label}: {value} (target {target})")
    return failures


def run(name: str, database_url: str) -> list[str]:
    count = resource_count()
    env = harness.child_env(database_url)
    print(f"[{name}] member updates: migrating and seeding {count:,} resources...", flush=True)
    report = harness.json_from_module(
        "bench.sections.comms_compose", ["--prepare", f"--resources={count}"], env
    )
    return print_table(name, report)


def run_all(configured_url: str) -> list[str]:
    return harness.on_each_database(
        "member updates", configured_url, SQLITE_FILE, BENCH_DATABASE, run
    )


def main(argv=None) -> int:
    return harness.section_main(__doc__, "resources", resource_count(), prepare, run_all,
                                argv=argv)  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
