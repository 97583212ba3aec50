"""The consultations section: theme summary, suggestions and exports at 50,000 quotes.

For each database (a fresh var/bench-consultations.sqlite3; `groundswell_bench_consultations`
on the PostgreSQL server of DATABASE_URL, dropped and created again; no other database is
touched) it
  1. migrates and seeds, in a subprocess, one consultation with BENCH_CONTRIBUTIONS
     contributions (5,000; 500 with BENCH_QUICK=1) of five answers each and two quotes per
     answer (50,000 quotes), nine in ten coded into a codebook of 20 themes, all with
     bulk_create; and a 40-page submission (narrative, quotes and recommendations);
  2. times, in that subprocess, theme suggestions for the uncoded quotes (5,000;
     consultations.evidence.services.suggestions.suggest_themes) and the DOCX and PDF exports
     of the submission
     (document built from the database included);
  3. serves the site with the bench's gunicorn (bench/http_load.py) and requests the staff
     theme summary page signed in as staff, one request at a time (it is a staff page: a
     handful of people use it, so latency matters more than throughput);
  4. prints the table. Targets: summary p95 < 200 ms, suggestions < 10 s, DOCX < 3 s,
     PDF < 10 s, on both databases.

    python -m bench.sections.consultations --all      # this section alone
    python -m bench.sections.consultations --prepare --contributions 500
"""

import random
import sys
import time

from bench import harness
from bench.http_load import Server, fetch

SQLITE_FILE = "bench-consultations.sqlite3"
BENCH_DATABASE = "groundswell_bench_consultations"
SEED = 20250101
SUMMARY_REQUESTS = 60
TARGETS = {  # what is measured -> the most it may take
    "summary_p95_ms": 200,
    "suggest_seconds": 10,
    "docx_seconds": 3,
    "pdf_seconds": 10,
}
THEME_WORDS = {
    "Housing on release": "housing hostel tenancy homeless landlord deposit council bed",
    "Short sentences": "short sentence weeks custody churn remand magistrates weeks",
    "Youth services": "youth club centre workers estate evenings closed trusted",
    "School exclusion": "school excluded exclusion pupil referral teachers classroom",
    "Mental health": "mental health trauma counselling anxiety therapy waiting camhs",
    "Racial disparity": "racial disparity black ethnicity bias stop search policing",
    "Employment": "job employer work interview disclosure record wages",
    "Probation": "probation officer caseload appointment supervision recall licence",
    "Women": "women mothers children centre care refuge pregnant",
    "Family contact": "family visits children partner phone calls contact",
    "Education in prison": "education learning courses reading qualification classes",
    "Time out of cell": "locked cell regime hours association gym library",
    "Funding": "funding grant contract commissioning bids budget money",
    "Language": "language offender stigma media words labels headlines",
    "Lived experience": "lived experience peer mentor advisory voice paid panel",
    "Young adults": "young adults eighteen maturity transition adult wing",
    "Drugs and alcohol": "drugs alcohol treatment addiction detox recovery clean",
    "Neurodiversity": "neurodivergent autism adhd dyslexia screening adjustments",
    "Debt and benefits": "debt benefits universal credit bank account id payment",
    "Policing": "police arrest custody suite officers station charge",
}
COMMON = (  # noqa: SIM905 (a phrase reads better as prose than as a list of words)
    "the people we support often tell us that nothing changes when they ask for help "
    "and every service seems to close just when it starts to make a difference"
).split()


def contribution_count() -> int:
    return harness.env_int("BENCH_CONTRIBUTIONS", 500 if harness.quick() else 5_000)


def _sentence(rng: random.Random, theme: str) -> str:
    words = rng.sample(THEME_WORDS[theme].split(), 5) + rng.sample(COMMON, 9)
    rng.shuffle(words)
    return " ".join(words).capitalize() + "."


# --- Seeding (in the subprocess) ------------------------------------------------------------


def seed(count: int) -> dict:
    """The consultation, its evidence and its codebook, with bulk_create throughout."""
    from django.db import transaction
    from django.utils import timezone

    from consultations.models import (
        Answer,
        Coding,
        Consultation,
        ConsultationStatus,
        Contribution,
        Question,
        QuestionPart,
        Quote,
        Theme,
    )
    from core.models import User
    from core.roles import Role
    from influence.models import TargetBody
    from members.models import Organisation

    rng = random.Random(SEED)
    started = time.perf_counter()
    now = timezone.now()
    with transaction.atomic():
        staff = User.objects.create_user(
            email="bench-staff@example.org", password=None, name="Bench staff", role=Role.STAFF
        )
        body = TargetBody.objects.create(name="Justice Committee", slug="jc", kind="committee")
        consultation = Consultation.objects.create(
            title="Benchmark inquiry",
            slug="benchmark-inquiry",
            asking_body=body,
            deadline=timezone.localdate(),
            internal_deadline=timezone.localdate(),
            status=ConsultationStatus.ANALYSING,
        )
        parts = QuestionPart.objects.bulk_create(
            QuestionPart(consultation=consultation, title=f"Part {n}", position=n)
            for n in range(1, 4)
        )
        questions = Question.objects.bulk_create(
            Question(
                consultation=consultation,
                part=parts[(n - 1) * 3 // 8],
                number=n,
                text=f"Question {n}: what do you see in your work?",
            )
            for n in range(1, 9)
        )
        organisations = Organisation.objects.bulk_create(
            Organisation(name=f"Bench org {n}", slug=f"bench-org-{n}", normalised_name=f"org {n}")
            for n in range(count)
        )
        contributions = Contribution.objects.bulk_create(
            Contribution(
                consultation=consultation,
                organisation=organisation,
                status=Contribution.Status.SUBMITTED,
                submitted_at=now,
                # Most anonymous, so the acknowledgements stay a page, as in real submissions.
                attribution="named" if n % 50 == 0 else "member_organisation",
                consent_given_at=now,
            )
            for n, organisation in enumerate(organisations)
        )
        themes = Theme.objects.bulk_create(
            Theme(consultation=consultation, name=name) for name in THEME_WORDS
        )
        for child, parent in zip(themes[-4:], themes[:4], strict=True):
            child.parent = parent
        Theme.objects.bulk_update(themes[-4:], ["parent"])
        answers, spans = [], []
        for contribution in contributions:
            for question in rng.sample(questions, 5):
                chosen = rng.sample(themes, 2)
                first, second = (_sentence(rng, theme.name) for theme in chosen)
                text = f"{first} {second}"
                answers.append(Answer(contribution=contribution, question=question, text=text))
                spans.append((((0, len(first)), (len(first) + 1, len(text))), chosen))
        answers = Answer.objects.bulk_create(answers, batch_size=2000)
        quotes, labels = [], []
        for answer, (offsets, chosen) in zip(answers, spans, strict=True):
            for (start, end), theme in zip(offsets, chosen, strict=True):
                quotes.append(
                    Quote(
                        consultation=consultation,
                        answer=answer,
                        start=start,
                        end=end,
                        text=answer.text[start:end],
                        is_redaction_reviewed=True,
                    )
                )
                labels.append(theme)
        quotes = Quote.objects.bulk_create(quotes, batch_size=2000)
        uncoded = len(quotes) // 10
        Coding.objects.bulk_create(
            (
                Coding(quote=quote, theme=theme, coder=staff)
                for quote, theme in zip(quotes[uncoded:], labels[uncoded:], strict=True)
            ),
            batch_size=2000,
        )
    return {
        "consultation": consultation.pk,
        "staff": staff.pk,
        "contributions": len(contributions),
        "quotes": len(quotes),
        "uncoded": uncoded,
        "seed_seconds": round(time.perf_counter() - started, 1),
    }


NARRATIVE = (
    "Members told us the same thing in many different ways: help arrives too late, stops "
    "too soon and is rarely joined up. {focus} came up again and again, in written answers "
    "and at the roundtables, from large national charities and from small groups run by "
    "people who have been through the system themselves. "
)


def build_long_submission(consultation_id: int, staff_id: int) -> int:
    """Over forty pages: per question eight long paragraphs, sixteen quotes, two recommendations."""
    from consultations.models import Block, Consultation, Quote
    from consultations.submission.services import builder
    from core.models import User

    consultation = Consultation.objects.get(pk=consultation_id)
    staff = User.objects.get(pk=staff_id)
    submission = builder.start_submission(staff, consultation)
    blocks = []
    sections = submission.sections.filter(question__isnull=False).select_related("question")
    for number, section in enumerate(sections):
        quotes = Quote.objects.filter(answer__question=section.question).order_by("pk")
        quotes = quotes[number * 16 : number * 16 + 16]
        for position in range(8):
            text = (NARRATIVE.format(focus=section.heading) * 3).strip()
            blocks.append(Block(section=section, kind="text", text=text, position=position * 3))
            for offset, quote in enumerate(quotes[position * 2 : position * 2 + 2], start=1):
                blocks.append(
                    Block(
                        section=section, kind="quote", quote=quote, position=position * 3 + offset
                    )
                )
    Block.objects.bulk_create(blocks)
    for section in sections[:8]:
        for n in range(2):
            builder.create_recommendation(
                staff,
                section,
                title=f"{section.heading[:60]}: recommendation {n + 1}",
                text="The Government should act on what members told us in this section. " * 3,
                targets=[consultation.asking_body],
                # Alike by construction (one text for all): each is its own ask here.
                different=True,
            )
    return submission.pk


def measure_in_process(report: dict) -> dict:
    """Suggestions and exports, timed where they run: in the app, against this database."""
    import io

    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.urls import reverse
    from pypdf import PdfReader

    from consultations.evidence.services.suggestions import suggest_themes
    from consultations.models import Consultation, Submission
    from consultations.submission.services.document import build_document
    from consultations.submission.services.export_docx import render_docx
    from consultations.submission.services.export_pdf import render_pdf
    from core.models import User

    consultation = Consultation.objects.get(pk=report["consultation"])
    suggestions, suggest_seconds = harness.timed(suggest_themes, consultation)
    submission_id = build_long_submission(consultation.pk, report["staff"])
    submission = Submission.objects.get(pk=submission_id)
    _docx, docx_seconds = harness.timed(lambda: render_docx(build_document(submission)))
    pdf, pdf_seconds = harness.timed(lambda: render_pdf(build_document(submission)))
    staff = User.objects.get(pk=report["staff"])
    session = SessionStore()
    session[SESSION_KEY] = str(staff.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = staff.get_session_auth_hash()
    session.create()
    return {
        "suggested_for": len(suggestions),
        "suggest_seconds": suggest_seconds,
        "docx_seconds": docx_seconds,
        "pdf_seconds": pdf_seconds,
        "pdf_pages": len(PdfReader(io.BytesIO(pdf)).pages),
        "session": session.session_key,
        "summary_path": reverse("consultations:staff_summary", args=[consultation.slug]),
    }


def prepare(count: int) -> dict:
    harness.setup_django()
    report = {"prepare_seconds": round(harness.migrate(), 1), **seed(count)}
    return {**report, **measure_in_process(report)}


# --- Measuring (in bench/run.py's process) ------------------------------------------------


def signed_in_latencies(port: int, path: str, session: str, count: int) -> list[float]:
    """Sequential GETs as the staff member, in milliseconds; any answer but 200 is an error."""
    latencies = []
    for _ in range(count):
        status, seconds = fetch(port, path, session)
        if status != 200:
            raise RuntimeError(f"{path} answered {status}, not 200")
        latencies.append(1000 * seconds)
    return latencies


def print_table(name: str, report: dict) -> list[str]:
    rows = [
        ("theme summary p50", f"{report['summary_p50_ms']:.0f} ms", "", None),
        ("theme summary p95", f"{report['summary_p95_ms']:.0f} ms", "< 200 ms", "summary_p95_ms"),
        (
            f"suggest {report['uncoded']:,} quotes",
            f"{report['suggest_seconds']:.2f} s",
            "< 10 s",
            "suggest_seconds",
        ),
        (
            f"DOCX ({report['pdf_pages']} pages)",
            f"{report['docx_seconds']:.2f} s",
            "< 3 s",
            "docx_seconds",
        ),
        (
            f"PDF ({report['pdf_pages']} pages)",
            f"{report['pdf_seconds']:.2f} s",
            "< 10 s",
            "pdf_seconds",
        ),
    ]
    print(
        f"\nConsultations, {name}: {report['contributions']:,} contributions, "
        f"{report['quotes']:,} quotes (seeded in {report['seed_seconds']} s)"
    )
    harness.print_header(f"{'measure':<26} {'value':>10}  {'target':<10} result")
    failures = []
    for label, value, target, key in rows:
        ok = key is None or report[key] < TARGETS[key]
        print(f"{label:<26} {value:>10}  {target:<10} {'PASS' if ok else 'FAIL'}")
        if not ok:
            failures.append(f"Consultations {name} {label}: {value} (target {target})")
    return failures


def run(name: str, database_url: str) -> list[str]:
    count = contribution_count()
    env = harness.child_env(database_url)
    print(f"[{name}] consultations: migrating and seeding {count:,} contributions...", flush=True)
    report = harness.json_from_module(
        "bench.sections.consultations", ["--prepare", f"--contributions={count}"], env
    )
    server = Server(env, harness.VAR / f"bench-gunicorn-consultations-{name.lower()}.log")
    try:
        server.start()
        signed_in_latencies(server.port, report["summary_path"], report["session"], 5)  # warm
        latencies = signed_in_latencies(
            server.port, report["summary_path"], report["session"], SUMMARY_REQUESTS
        )
    finally:
        server.stop()
    report["summary_p50_ms"] = harness.percentile(latencies, 0.5)
    report["summary_p95_ms"] = harness.percentile(latencies, 0.95)
    return print_table(name, report)


def run_all(configured_url: str) -> list[str]:
    return harness.on_each_database(
        "consultations", configured_url, SQLITE_FILE, BENCH_DATABASE, run
    )


def main(argv=None) -> int:
    return harness.section_main(
        __doc__, "contributions", contribution_count(), prepare, run_all, argv=argv
    )


if __name__ == "__main__":
    sys.exit(main())
