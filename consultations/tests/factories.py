"""Factories for the consultations tests (shared by the evidence and the submission tests).

Defaults make a usable world: a consultation open for evidence with a deadline a month away,
a submitted contribution whose contributor agreed to be named, and quotes cut from the
start of their source text so their offsets always match.
"""

import datetime

import factory
from django.utils import timezone

from consultations.models import (
    Answer,
    Attribution,
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
from core.tests.factories import StaffFactory, UserFactory
from influence.tests.factories import TargetBodyFactory
from members.tests.factories import OrganisationFactory


def _in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


class ConsultationFactory(factory.django.DjangoModelFactory):
    """ConsultationFactory(networks=[network]) invites those networks."""

    class Meta:
        model = Consultation
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Call for evidence on resettlement {n}")
    slug = factory.Sequence(lambda n: f"call-for-evidence-on-resettlement-{n}")
    asking_body = factory.SubFactory(TargetBodyFactory)
    description = "The committee wants to hear what helps people settle after prison."
    deadline = factory.LazyFunction(lambda: _in_days(45))
    internal_deadline = factory.LazyFunction(lambda: _in_days(30))
    status = ConsultationStatus.OPEN
    opened_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def networks(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.networks.set(extracted)


class QuestionPartFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuestionPart

    consultation = factory.SubFactory(ConsultationFactory)
    title = factory.Sequence(lambda n: f"Part {n}: Leaving custody")
    position = factory.Sequence(lambda n: n)


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    part = factory.SubFactory(QuestionPartFactory)
    consultation = factory.SelfAttribute("part.consultation")
    number = factory.Sequence(lambda n: n + 1)
    text = "What helps people find a settled home in their first week out of prison?"
    guidance = "Examples from your own service help us most."


class ContributionFactory(factory.django.DjangoModelFactory):
    """A submitted contribution whose organisation agreed to be named."""

    class Meta:
        model = Contribution

    consultation = factory.SubFactory(ConsultationFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    author = factory.SubFactory(UserFactory)
    status = Contribution.Status.SUBMITTED
    submitted_at = factory.LazyFunction(timezone.now)
    attribution = Attribution.NAMED
    consent_given_at = factory.LazyFunction(timezone.now)


class AnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Answer

    contribution = factory.SubFactory(ContributionFactory)
    question = factory.SubFactory(
        QuestionFactory,
        part__consultation=factory.SelfAttribute("...contribution.consultation"),
    )
    text = (
        "Our clients leave prison on a Friday afternoon and the council office is already "
        "closed, so many of them sleep rough for the weekend."
    )


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    consultation = factory.SubFactory(ConsultationFactory)
    kind = Session.Kind.ROUNDTABLE
    title = factory.Sequence(lambda n: f"Roundtable with frontline staff {n}")
    held_on = factory.LazyFunction(lambda: _in_days(-7))
    facilitator = "Policy team"
    notes = "Held online; eight people joined."
    recorded_by = factory.SubFactory(StaffFactory)


class SpeakerFactory(factory.django.DjangoModelFactory):
    """An anonymous speaker who approved a description of themselves."""

    class Meta:
        model = Speaker

    session = factory.SubFactory(SessionFactory)
    kind = Speaker.Kind.ANONYMOUS
    approved_description = "a young adult with lived experience"
    attribution = Attribution.DESCRIBED
    consent_given_at = factory.LazyFunction(timezone.now)


class PassageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Passage

    speaker = factory.SubFactory(SpeakerFactory)
    session = factory.SelfAttribute("speaker.session")
    text = (
        "Nobody told me where my probation appointment was until the day before, and I had "
        "no phone credit to ring them."
    )
    position = factory.Sequence(lambda n: n)


class QuoteFactory(factory.django.DjangoModelFactory):
    """A quote of the first `length` characters of an answer (default) or a passage.

    QuoteFactory(passage=passage) quotes a passage instead; QuoteFactory(length=40) quotes less.
    """

    class Meta:
        model = Quote
        exclude = ["source", "length"]

    passage = None
    answer = factory.Maybe("passage", None, factory.SubFactory(AnswerFactory))
    source = factory.LazyAttribute(lambda o: o.passage or o.answer)
    length = None
    consultation = factory.LazyAttribute(
        lambda o: o.source.session.consultation if o.passage else o.source.contribution.consultation
    )
    start = 0
    end = factory.LazyAttribute(lambda o: o.length or len(o.source.text))
    text = factory.LazyAttribute(lambda o: o.source.text[o.start : o.end])
    is_redaction_reviewed = True


class RedactionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Redaction

    quote = factory.SubFactory(QuoteFactory)
    start = 0
    end = 4
    category = Redaction.Category.NAME
    marker = "[name]"
    status = Redaction.Status.ACCEPTED


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    consultation = factory.SubFactory(ConsultationFactory)
    name = factory.Sequence(lambda n: f"Housing on release {n}")
    description = "Where people sleep on their first nights out of prison."


class CodingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Coding

    quote = factory.SubFactory(QuoteFactory)
    theme = factory.SubFactory(
        ThemeFactory, consultation=factory.SelfAttribute("..quote.consultation")
    )
    coder = factory.SubFactory(StaffFactory)
