"""A small consultation with every kind of consent, shared by the submission tests.

Words that must never leave the alliance carry the marker SECRET, so a test can look for it
in any output; publishable words carry PUBLIC.
"""

from dataclasses import dataclass

import pytest
from django.utils import timezone

from consultations.models import Attribution, Block, Consultation, Submission
from consultations.submission.services import builder
from consultations.tests.factories import (
    AnswerFactory,
    CodingFactory,
    ConsultationFactory,
    ContributionFactory,
    PassageFactory,
    QuestionFactory,
    QuestionPartFactory,
    QuoteFactory,
    RedactionFactory,
    SessionFactory,
    SpeakerFactory,
    ThemeFactory,
)
from core.tests.factories import StaffFactory, UserFactory
from influence.tests.factories import TargetBodyFactory
from members.tests.factories import NetworkFactory, OrganisationFactory, member_contact_for

SECRET = "SECRET"
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> **Bold claim**'


@dataclass
class World:
    consultation: Consultation
    submission: Submission
    staff: object
    member: object
    section: object
    named_quote: object
    redacted_quote: object
    hidden_quotes: list
    recommendation: object
    theme: object


def build_world() -> World:
    network = NetworkFactory()
    target = TargetBodyFactory(name="Ministry of Justice")
    consultation = ConsultationFactory(
        title="Call for evidence on resettlement",
        networks=[network],
        asking_body=target,
    )
    part = QuestionPartFactory(consultation=consultation, title="Part 1: Leaving prison")
    q1 = QuestionFactory(part=part, number=1, text="What helps on the day of release?")
    q2 = QuestionFactory(part=part, number=2, text="What gets in the way?")
    staff = StaffFactory()
    member = UserFactory(email="contact@opendoors.example.org")
    open_doors = OrganisationFactory(name="Open Doors Housing", networks=[network])
    member_contact_for(open_doors, member)
    named = ContributionFactory(
        consultation=consultation, organisation=open_doors, author=member, wants_feedback=True
    )
    named_answer = AnswerFactory(
        contribution=named,
        question=q1,
        text="PUBLIC words: a phone and a bed on the first night make all the difference.",
    )
    hidden_contribution = ContributionFactory(
        consultation=consultation,
        attribution=Attribution.NOT_FOR_PUBLICATION,
        organisation=OrganisationFactory(name="Quiet Analysis Trust"),
    )
    hidden_answer = AnswerFactory(
        contribution=hidden_contribution,
        question=q1,
        text="SECRET not for publication: our caseworkers saw people turned away.",
    )
    session = SessionFactory(consultation=consultation, title="Roundtable in Leeds")
    described = SpeakerFactory(
        session=session,
        approved_description="a woman with lived experience",
        wants_feedback=True,
        feedback_email="speaker@example.org",
    )
    redacted_passage = PassageFactory(
        speaker=described, question=q2, text="Jane told me PUBLIC the probation office was shut."
    )
    withdrawn = SpeakerFactory(session=session, consent_withdrawn_at=timezone.now())
    withdrawn_passage = PassageFactory(
        speaker=withdrawn, question=q2, text="SECRET withdrawn: I slept in a car park."
    )
    unreviewed_answer = AnswerFactory(
        contribution=ContributionFactory(consultation=consultation),
        question=q2,
        text="SECRET unreviewed: Mr Smith at HMP Example was rude.",
    )
    named_quote = QuoteFactory(answer=named_answer)
    redacted_quote = QuoteFactory(passage=redacted_passage)
    RedactionFactory(quote=redacted_quote, start=0, end=4, marker="[name]")
    hidden_quotes = [
        QuoteFactory(answer=hidden_answer),
        QuoteFactory(passage=withdrawn_passage),
        QuoteFactory(answer=unreviewed_answer, is_redaction_reviewed=False),
    ]
    theme = ThemeFactory(consultation=consultation, name="Housing on release")
    for quote in [named_quote, redacted_quote, *hidden_quotes]:
        CodingFactory(quote=quote, theme=theme, coder=staff)
    submission = builder.start_submission(staff, consultation)
    section = submission.sections.get(question=q1)
    builder.add_text(staff, section, HOSTILE)
    builder.add_quote(staff, section, named_quote)
    builder.add_quote(staff, submission.sections.get(question=q2), redacted_quote)
    # Words that lost their consent after going in: the blocks stay, every output drops them.
    for quote in hidden_quotes:
        Block.objects.create(section=section, kind=Block.Kind.QUOTE, quote=quote, position=99)
    recommendation_block = builder.create_recommendation(
        staff,
        section,
        title="Open council housing desks on Fridays",
        text="Councils should keep a housing desk open late on release days.",
        targets=[target],
    )
    submission.contact_details = "Policy team\npolicy@example.org"
    submission.introduction = "Our members gave **evidence**."
    submission.save()
    return World(
        consultation=consultation,
        submission=submission,
        staff=staff,
        member=member,
        section=section,
        named_quote=named_quote,
        redacted_quote=redacted_quote,
        hidden_quotes=hidden_quotes,
        recommendation=recommendation_block.recommendation,
        theme=theme,
    )


@pytest.mark.django_db
def test_the_world_has_publishable_and_hidden_quotes():
    world = build_world()
    from consultations.consent import publishable_quotes

    publishable = set(publishable_quotes(world.consultation.quotes.all()))
    assert publishable == {world.named_quote, world.redacted_quote}
    assert world.submission.recommendations.get() == world.recommendation
