"""The demo consultation for `manage.py load_demo`, from consultations/data/.

One finished consultation (a Justice Committee inquiry: online answers from demo member
organisations, three roundtables, coded and redacted quotes, a submission sent, published
and fed back to contributors) and one consultation open for members to try. Every sentence
in the data was written for the demo. It goes through the same services staff use, so the
consent rules hold for it as for real data. It loads only when no consultation exists, so
running it again changes nothing.
"""

import json
import re
from datetime import timedelta
from functools import cache
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from consultations.consent import publishable_quotes
from consultations.feedback import services as feedback
from consultations.models import (
    Answer,
    Coding,
    Consultation,
    ConsultationStatus,
    Contribution,
    Passage,
    Question,
    QuestionPart,
    Quote,
    Redaction,
    Session,
    Speaker,
    Theme,
)
from consultations.submission.services import builder, publishing, versions
from core.roles import Role
from influence.models import Recommendation, TargetBody
from members.models import Network, Organisation

DATA_DIR = Path(__file__).resolve().parent / "data"
ANSWERS_PER_QUESTION = 13  # the rest of each question's statements were said at a roundtable
UNREVIEWED_EVERY = 17  # a few quotes are left for staff to review, as in real work


@cache
def demo_data(name: str) -> dict:
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


def _asking_body(name: str, kind: str) -> TargetBody:
    body, _created = TargetBody.objects.get_or_create(
        name=name, defaults={"slug": slugify(name)[:200], "kind": kind}
    )
    return body


def _create_consultation(entry: dict, status: str, deadline, internal_deadline) -> Consultation:
    consultation = Consultation.objects.create(
        title=entry["title"],
        slug=entry["slug"],
        asking_body=_asking_body(entry["asking_body"], entry["asking_body_kind"]),
        description=entry["description"],
        deadline=deadline,
        internal_deadline=internal_deadline,
        status=status,
        opened_at=timezone.now() - timedelta(days=90),
    )
    consultation.networks.set(Network.objects.filter(slug__in=entry["networks"]))
    for position, part_entry in enumerate(entry["parts"], start=1):
        part = QuestionPart.objects.create(
            consultation=consultation, title=part_entry["title"], position=position
        )
        for question in part_entry["questions"]:
            Question.objects.create(consultation=consultation, part=part, **question)
    return consultation


def _consent(entry: dict, now) -> dict:
    return {
        "attribution": entry["attribution"],
        "approved_description": entry.get("description", ""),
        "wants_feedback": entry.get("wants_feedback", False),
        "consent_given_at": now - timedelta(days=70),
        "consent_withdrawn_at": now - timedelta(days=20) if entry.get("withdrawn") else None,
    }


def _contributions(consultation, now) -> list[Contribution]:
    """Submitted contributions from the demo organisations that exist (others are skipped)."""
    organisations = {o.name: o for o in Organisation.objects.all()}
    contributions = []
    for entry in demo_data("consultation.json")["contributions"]:
        organisation = organisations.get(entry["organisation"])
        if organisation is None:
            continue
        author = get_user_model().objects.filter(person__organisations=organisation)
        author = author.order_by("pk").first()
        email = "" if author else f"evidence@{organisation.slug}.example.org"
        contributions.append(
            Contribution.objects.create(
                consultation=consultation,
                organisation=organisation,
                author=author,
                status=Contribution.Status.SUBMITTED,
                submitted_at=now - timedelta(days=65),
                feedback_email=email if entry.get("wants_feedback") else "",
                **_consent(entry, now),
            )
        )
    return contributions


def _sessions(consultation, now, staff) -> list[tuple[Session, list[Speaker], list[int]]]:
    organisations = {o.name: o for o in Organisation.objects.all()}
    sessions = []
    for entry in demo_data("consultation.json")["sessions"]:
        session = Session.objects.create(
            consultation=consultation,
            title=entry["title"],
            held_on=timezone.localdate() - timedelta(days=entry["days_ago"]),
            facilitator=entry["facilitator"],
            notes="Held in person; notes typed up by the facilitator the same day.",
            recorded_by=staff,
        )
        speakers = []
        for speaker in entry["speakers"]:
            organisation = organisations.get(speaker.get("organisation", ""))
            speakers.append(
                Speaker.objects.create(
                    session=session,
                    kind=speaker["kind"],
                    name=speaker.get("name", ""),
                    organisation=organisation,
                    feedback_email=speaker.get("email", ""),
                    **_consent(speaker, now),
                )
            )
        session.organisations_present.set({s.organisation for s in speakers if s.organisation})
        sessions.append((session, speakers, entry["questions"]))
    return sessions


def _quote(source, text: str, statement: str, consultation, staff, count: int) -> Quote:
    start = text.index(statement)
    quote = Quote.objects.create(
        consultation=consultation,
        answer=source if isinstance(source, Answer) else None,
        passage=source if isinstance(source, Passage) else None,
        start=start,
        end=start + len(statement),
        text=statement,
        is_redaction_reviewed=count % UNREVIEWED_EVERY != 0,
        created_by=staff,
    )
    for word, category, marker in demo_data("evidence.json")["redactions"]:
        for match in re.finditer(re.escape(word), statement):
            Redaction.objects.create(
                quote=quote,
                start=match.start(),
                end=match.end(),
                category=category,
                marker=marker,
                status=Redaction.Status.ACCEPTED,
                reason="Could identify the speaker.",
                decided_by=staff,
            )
    return quote


def _evidence(consultation, contributions, sessions, themes, staff) -> list[Quote]:
    """Answers and passages built from the statements, each statement quoted and coded."""
    questions = {q.number: q for q in consultation.questions.all()}
    speakers_for = {n: speakers for _s, speakers, numbers in sessions for n in numbers}
    session_for = {n: session for session, _sp, numbers in sessions for n in numbers}
    quotes, codings = [], []
    for offset, entry in enumerate(demo_data("evidence.json")["questions"]):
        question = questions[entry["number"]]
        statements = entry["statements"]
        by_contribution: dict[int, list] = {}
        for index, statement in enumerate(statements[:ANSWERS_PER_QUESTION]):
            contribution = contributions[(index + offset * 5) % len(contributions)]
            by_contribution.setdefault(contribution.pk, [contribution]).append(statement)
        sources = []
        for contribution, *said in by_contribution.values():
            text = " ".join(words for _theme, words, *_ in said)
            answer = Answer.objects.create(contribution=contribution, question=question, text=text)
            sources += [(answer, text, statement) for statement in said]
        speakers = speakers_for[entry["number"]]
        for index, statement in enumerate(statements[ANSWERS_PER_QUESTION:]):
            speaker = speakers[(index + offset * 7) % len(speakers)]
            passage = Passage.objects.create(
                session=session_for[entry["number"]],
                speaker=speaker,
                question=question,
                text=statement[1],
                position=offset * 100 + index,
            )
            sources.append((passage, statement[1], statement))
        for source, text, (theme, words, *_rest) in sources:
            quote = _quote(source, text, words, consultation, staff, len(quotes) + 1)
            quotes.append(quote)
            codings.append(Coding(quote=quote, theme=themes[theme], coder=staff))
    Coding.objects.bulk_create(codings)
    return quotes


def _codebook(consultation) -> dict[str, Theme]:
    themes = {}
    for entry in demo_data("consultation.json")["themes"]:
        themes[entry["slug"]] = Theme.objects.create(
            consultation=consultation, name=entry["name"], parent=themes.get(entry.get("parent"))
        )
    return themes


def _build_submission(consultation, staff):
    """The finished submission: narrative, publishable quotes and recommendations."""
    entry = demo_data("consultation.json")["submission"]
    submission = builder.start_submission(staff, consultation)
    builder.update_details(
        staff,
        submission,
        title=entry["title"],
        introduction=entry["introduction"],
        contact_details=entry["contact_details"],
    )
    targets = {t.name: t for t in TargetBody.objects.all()}
    for section in submission.sections.filter(question__isnull=False).select_related("question"):
        number = str(section.question.number)
        builder.add_text(staff, section, entry["narratives"][number])
        usable = publishable_quotes(Quote.objects.filter(consultation=consultation)).filter(
            _said_about(section.question)
        )
        for quote in usable.order_by("pk")[:5]:
            builder.add_quote(staff, section, quote)
        for item in entry["recommendations"].get(number, []):
            try:
                builder.create_recommendation(
                    staff,
                    section,
                    title=item["title"],
                    text=item["text"],
                    targets=[targets[name] for name in item["targets"] if name in targets]
                    or [consultation.asking_body],
                )
            except builder.PossibleRepeat as repeat:
                # The tracker already asks this (e.g. ending Friday releases): the submission
                # links that one, as the builder offers, rather than making a second copy.
                _link_once(staff, section, repeat.matches[0])
        for slug in entry["linked_recommendations"].get(number, []):
            existing = Recommendation.objects.filter(slug=slug, merged_into__isnull=True).first()
            if existing:
                _link_once(staff, section, existing)
        if number == "4":
            versions.save_version(staff, submission, "First full draft, before the roundtables")
    return submission


def _link_once(staff, section, recommendation) -> None:
    """Link `recommendation` unless the submission has it already."""
    if not section.submission.recommendations.filter(pk=recommendation.pk).exists():
        builder.link_recommendation(staff, section, recommendation)


def _said_about(question) -> Q:
    return Q(answer__question=question) | Q(passage__question=question)


def _staff_user():
    """The demo staff login made by members' demo; an unusable-password account otherwise."""
    users = get_user_model().objects
    staff = users.filter(role__in=[Role.STAFF, Role.ADMIN]).order_by("pk").first()
    if staff is None:
        staff = users.create_user(
            email="policy-team@example.org", password=None, name="Policy team", role=Role.STAFF
        )
    return staff


def _demo_organisations_exist() -> bool:
    """The demo evidence comes from the demo directory's organisations; without them (an
    installation with its own members) there is nobody to have contributed."""
    names = [entry["organisation"] for entry in demo_data("consultation.json")["contributions"]]
    return Organisation.objects.filter(name__in=names).exists()


@transaction.atomic
def load_demo_consultation() -> int:
    """Load the demo consultations into an empty app; returns how many (0 if any existed, or
    if the demo organisations are missing)."""
    if Consultation.objects.exists() or not _demo_organisations_exist():
        return 0
    now = timezone.now()
    today = timezone.localdate()
    staff = _staff_user()
    data = demo_data("consultation.json")
    entry = data["consultation"]
    consultation = _create_consultation(
        entry,
        ConsultationStatus.ANALYSING,
        today - timedelta(days=entry["deadline_days_ago"]),
        today - timedelta(days=entry["internal_deadline_days_ago"]),
    )
    contributions = _contributions(consultation, now)
    sessions = _sessions(consultation, now, staff)
    _evidence(consultation, contributions, sessions, _codebook(consultation), staff)
    submission = _build_submission(consultation, staff)
    versions.save_version(staff, submission, "Final version, as sent")
    publishing.mark_as_sent(staff, submission)
    submission.refresh_from_db()
    publishing.publish(staff, submission)
    feedback.send_outcomes(consultation)
    open_entry = data["open_consultation"]
    _create_consultation(
        open_entry,
        ConsultationStatus.OPEN,
        today + timedelta(days=open_entry["deadline_days_ahead"]),
        today + timedelta(days=open_entry["internal_deadline_days_ahead"]),
    )
    return 2
