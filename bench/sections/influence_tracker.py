"""The recommendations section: the tracker and recommendation pages at 10,000 recommendations.

For each database (a fresh var/bench-influence.sqlite3; `groundswell_bench_influence` on the
PostgreSQL server of DATABASE_URL, dropped and created again; no other database is touched)
it
  1. migrates and seeds BENCH_RECOMMENDATIONS recommendations (10,000; 1,000 with
     BENCH_QUICK=1) with ten timeline entries each on average (100,000), spread over 1-3 of
     40 target bodies, tagged, sourced and 90% published, all with bulk_create;
  2. serves the site with the bench's gunicorn (bench/http_load.py) and measures the
     tracker with two filters (a target and a status) and recommendation pages, as a
     visitor gets them and rendered every time (as a signed-in person gets them);
  3. prints p50/p95/req/s. Target: p95 < 80 ms for both pages on both databases.

Query counts are not timed here: influence/tests/test_staff_bench_query_counts.py checks
that they stay the same however many recommendations there are.

    python -m bench.sections.influence_tracker --all      # this section alone
    python -m bench.sections.influence_tracker --prepare --recommendations 1000
"""

import random
import sys
import time
from datetime import date, timedelta

from bench import harness
from bench.http_load import CONCURRENCY, REQUESTS, SECONDS, WORKERS, Endpoint, Server, measure
from bench.http_load import print_table as print_endpoint_table

SQLITE_FILE = "bench-influence.sqlite3"
BENCH_DATABASE = "groundswell_bench_influence"
SEED = 20240404
P95_TARGET_MS = 80
STATUS_PATHS = [
    # (status, weight of a timeline moving on to it): most stall at raised/acknowledged.
    ["proposed", "raised"],
    ["acknowledged", "considering"],
    ["accepted", "partial", "implemented", "rejected"],
]
TARGETS = [
    ("Ministry of Justice", "department"),
    ("HM Prison and Probation Service", "agency"),
    ("Home Office", "department"),
    ("Department of Health and Social Care", "department"),
    ("Department for Education", "department"),
    ("Cabinet Office", "department"),
    ("Crown Prosecution Service", "agency"),
    ("Youth Justice Board", "agency"),
    ("Welsh Government", "devolved"),
    ("Justice Committee", "committee"),
    ("HM Inspectorate of Prisons", "inspectorate"),
    ("HM Inspectorate of Probation", "inspectorate"),
    ("Sentencing Council", "agency"),
    ("Parole Board", "agency"),
    ("Legal Aid Agency", "agency"),
    ("Home Affairs Committee", "committee"),
    ("Public Accounts Committee", "committee"),
    ("Department for Work and Pensions", "department"),
    ("Ministry of Housing, Communities and Local Government", "department"),
    ("NHS England", "agency"),
] + [(f"Police force {n}", "police") for n in range(1, 21)]
WORDS = (  # noqa: SIM905 (a phrase list reads better as prose)
    "end short prison sentences fund housing advice before release move drug policy to "
    "health refer victims to restorative justice set digital standards in prisons reform "
    "criminal records raise the age of criminal responsibility invest in diversion for young "
    "adults expand women's centres ban strip searches of children improve resettlement"
).split()


def recommendation_count() -> int:
    return harness.env_int("BENCH_RECOMMENDATIONS", 1_000 if harness.quick() else 10_000)


# --- Seeding (runs in a subprocess with the bench database as DATABASE_URL) -----------------


def seed(count: int, entries_per_recommendation: int = 10) -> dict:
    from django.db import transaction
    from django.utils import timezone
    from django.utils.text import slugify

    from influence.models import Evidence, Recommendation, StatusChange, TargetBody
    from library.models import Resource, ResourceKind, ResourceStatus
    from members.models import Network
    from taxonomy.models import Term, Vocabulary

    started = time.perf_counter()
    rng = random.Random(SEED)
    networks = [
        Network.objects.get_or_create(slug=slug, defaults={"name": name, "short_name": short})[0]
        for name, short, slug in [
            ("Alliance for Justice Reform", "AJR", "alliance-for-justice-reform"),
            ("Youth Justice Alliance", "YJA", "youth-justice-alliance"),
        ]
    ]
    targets = TargetBody.objects.bulk_create(
        [TargetBody(name=name, slug=slugify(name), kind=kind) for name, kind in TARGETS]
    )
    resources = Resource.objects.bulk_create(
        [
            Resource(
                title=f"Briefing {n}: {' '.join(rng.sample(WORDS, 5))}",
                slug=f"bench-briefing-{n}",
                kind=ResourceKind.BRIEFING,
                status=ResourceStatus.PUBLISHED,
                published_on=date(2012, 1, 1) + timedelta(days=rng.randint(0, 4000)),
            )
            for n in range(500)
        ]
    )
    terms = {v: list(Term.objects.filter(vocabulary=v)) for v in Vocabulary.values}
    today = timezone.localdate()
    recorded = timezone.now()
    through = {
        name: getattr(Recommendation, name).through
        for name in ("targets", "networks", "sources", "parts", "themes", "places")
    }
    term_field = {"parts": Vocabulary.PART, "themes": Vocabulary.THEME, "places": Vocabulary.PLACE}
    entries_total = 0
    batch_size = 1000
    for start in range(0, count, batch_size):
        batch = []
        for n in range(start, min(count, start + batch_size)):
            first_made = date(2012, 1, 1) + timedelta(days=rng.randint(0, 4400))
            title = " ".join(rng.sample(WORDS, 6)).capitalize()
            batch.append(
                Recommendation(
                    title=title[:200],
                    slug=f"bench-recommendation-{n}",
                    text=f"{title}. " * 8,
                    rationale="Evidence from members shows it works. " * 4,
                    first_made_on=first_made,
                    is_published=rng.random() < 0.9,
                    follow_up_on=today + timedelta(days=rng.randint(-90, 365))
                    if rng.random() < 0.2
                    else None,
                )
            )
        with transaction.atomic():
            created = Recommendation.objects.bulk_create(batch)
            links = {name: [] for name in through}
            entries, evidence = [], []
            for recommendation in created:
                chosen = rng.sample(targets, rng.choice([1, 1, 2, 2, 3]))
                for target in chosen:
                    links["targets"].append(
                        through["targets"](
                            recommendation_id=recommendation.pk, targetbody_id=target.pk
                        )
                    )
                for network in rng.sample(networks, rng.randint(1, 2)):
                    links["networks"].append(
                        through["networks"](
                            recommendation_id=recommendation.pk, network_id=network.pk
                        )
                    )
                for resource in rng.sample(resources, rng.randint(1, 2)):
                    links["sources"].append(
                        through["sources"](
                            recommendation_id=recommendation.pk, resource_id=resource.pk
                        )
                    )
                for name, vocabulary in term_field.items():
                    for term in rng.sample(terms[vocabulary], rng.randint(1, 2)):
                        links[name].append(
                            through[name](recommendation_id=recommendation.pk, term_id=term.pk)
                        )
                evidence.append(
                    Evidence(
                        recommendation_id=recommendation.pk,
                        resource=rng.choice(resources),
                        page=str(rng.randint(1, 80)),
                        quote="Most people given short sentences reoffend within a year.",
                    )
                )
                # About ten entries per recommendation, shared among its targets, in date
                # order per target, moving forward through the statuses.
                remaining = max(1, int(rng.gauss(entries_per_recommendation, 2)))
                day = recommendation.first_made_on
                span = max(1, (today - day).days)
                for index in range(remaining):
                    target = chosen[index % len(chosen)]
                    stage = min(2, index * 3 // remaining)
                    day = min(
                        today, day + timedelta(days=rng.randint(1, max(2, span // remaining)))
                    )
                    entries.append(
                        StatusChange(
                            recommendation_id=recommendation.pk,
                            target_id=target.pk,
                            status=rng.choice(STATUS_PATHS[stage]),
                            happened_on=day,
                            note="Raised at a meeting; the reply is on file.",
                            evidence_url="https://www.gov.uk/government/publications/response",
                            recorded_at=recorded,
                        )
                    )
            for name, rows in links.items():
                through[name].objects.bulk_create(rows)
            Evidence.objects.bulk_create(evidence)
            StatusChange.objects.bulk_create(entries, batch_size=5000)
            entries_total += len(entries)
    harness.analyse_after_bulk_load(sqlite_too=True)
    return {
        "recommendations": count,
        "entries": entries_total,
        "targets": len(targets),
        "seconds": round(time.perf_counter() - started, 1),
    }


def sample_paths() -> dict:
    """The paths to measure: a busy target and a common status; pages of published ones."""
    from django.db.models import Count

    from influence.models import Recommendation, TargetBody

    target = (
        TargetBody.objects.annotate(n=Count("recommendations"))
        .order_by("-n")
        .values_list("slug", flat=True)[0]
    )
    slugs = list(
        Recommendation.objects.filter(is_published=True)
        .order_by("?")
        .values_list("slug", flat=True)[:50]
    )
    return {
        "tracker": [f"/recommendations/?target={target}&status=raised"],
        "recommendation": [f"/recommendations/{slug}/" for slug in slugs],
    }


def prepare(count: int) -> dict:
    harness.setup_django()
    prepare_seconds = round(harness.migrate(), 1)
    report = seed(count)
    return {"prepare_seconds": prepare_seconds, **report, "paths": sample_paths()}


# --- Measuring (in bench/run.py's process) ------------------------------------------------


def run(name: str, database_url: str) -> list[str]:
    """Seed, serve, measure and print one database's table; returns the targets missed."""
    count = recommendation_count()
    env = harness.child_env(database_url)
    print(f"[{name}] recommendations: migrating and seeding {count:,}...", flush=True)
    report = harness.json_from_module(
        "bench.sections.influence_tracker", ["--prepare", f"--recommendations={count}"], env
    )
    print(
        f"[{name}] seeded {report['recommendations']:,} recommendations and "
        f"{report['entries']:,} timeline entries in {report['seconds']} s "
        f"(migrated in {report['prepare_seconds']} s)",
        flush=True,
    )
    paths = report["paths"]
    planned = [
        Endpoint("healthz (floor)", ["/healthz"], throughput_target=False),
        Endpoint("tracker (2 filters)", paths["tracker"], P95_TARGET_MS),
        Endpoint("recommendation", paths["recommendation"], P95_TARGET_MS),
        Endpoint(
            "tracker, rendered",
            paths["tracker"],
            P95_TARGET_MS,
            throughput_target=False,
            rendered_every_time=True,
        ),
        Endpoint(
            "recommendation, rend.",
            paths["recommendation"],
            P95_TARGET_MS,
            throughput_target=False,
            rendered_every_time=True,
        ),
    ]
    server = Server(env, harness.VAR / f"bench-gunicorn-influence-{name.lower()}.log")
    try:
        server.start()
        print(
            f"[{name}] gunicorn: {WORKERS} workers; {REQUESTS} requests or "
            f"{SECONDS} s per endpoint, concurrency {CONCURRENCY}; "
            f"tracker: {paths['tracker'][0]}",
            flush=True,
        )
        results = [measure(server.port, endpoint) for endpoint in planned]
    finally:
        server.stop()
    return print_endpoint_table(f"Recommendations, {name}", results)


def run_all(configured_url: str) -> list[str]:
    return harness.on_each_database(
        "recommendations", configured_url, SQLITE_FILE, BENCH_DATABASE, run
    )


def main(argv=None) -> int:
    return harness.section_main(
        __doc__, "recommendations", recommendation_count(), prepare, run_all, argv=argv
    )


if __name__ == "__main__":
    sys.exit(main())
