import datetime

import factory
from django.utils import timezone

from core.tests.factories import UserFactory
from members.tests.factories import NetworkFactory, OrganisationFactory
from programmes import models


def days_from_today(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Programme
        skip_postgeneration_save = True

    network = factory.SubFactory(NetworkFactory)
    name = factory.Sequence(lambda n: f"Emerging Leaders {n}")
    slug = factory.Sequence(lambda n: f"emerging-leaders-{n}")
    summary = "A year of paid leadership training for people with lived experience."
    eligibility = "Anyone with lived experience of the justice system who lives in England."
    quorum = 1

    @factory.post_generation
    def criteria(obj, create, extracted, **kwargs):
        if not create:
            return
        for order, (name, weight) in enumerate(extracted or [("Motivation", 2), ("Potential", 1)]):
            models.Criterion.objects.create(programme=obj, name=name, weight=weight, order=order)


class CohortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Cohort

    programme = factory.SubFactory(ProgrammeFactory)
    name = factory.Sequence(lambda n: f"Cohort {n}")
    slug = factory.Sequence(lambda n: f"cohort-{n}")
    starts_on = factory.LazyFunction(lambda: days_from_today(60))
    ends_on = factory.LazyFunction(lambda: days_from_today(400))
    places = 3
    location = "Leeds"
    applications_close = factory.LazyFunction(lambda: days_from_today(30))


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Application

    cohort = factory.SubFactory(CohortFactory)
    name = factory.Sequence(lambda n: f"Applicant Person{n}")
    email = factory.Sequence(lambda n: f"applicant{n}@example.org")
    lived_experience = "I spent two years in and out of custody in my twenties."
    hopes = "To lead a peer support service."
    consent_text = "You may keep this."


class PanelSeatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.PanelSeat

    cohort = factory.SubFactory(CohortFactory)
    judge = factory.SubFactory(UserFactory)
    lived_experience = True


class FollowUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.FollowUp

    participant = factory.SubFactory(ApplicationFactory, status="accepted")
    point = models.FollowUpPoint.MONTHS_12
    due_on = factory.LazyFunction(lambda: days_from_today(-1))


class ModuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Module

    cohort = factory.SubFactory(CohortFactory)
    title = "Influencing policy"


class ProgrammeSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.ProgrammeSession

    module = factory.SubFactory(ModuleFactory)
    title = "How a bill becomes law"
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=70))
    place = "Leeds"

    @classmethod
    def _create(cls, model_class, module, starts_at, **fields):
        """Through the service, as staff make one: with its event and the cohort's places."""
        from programmes.services import delivery

        ends_at = starts_at + datetime.timedelta(hours=2)
        return delivery.add_session(
            None, module, {**fields, "starts_at": starts_at, "ends_at": ends_at}
        )


class PartnerOfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.PartnerOffer

    cohort = factory.SubFactory(CohortFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    kind = models.PartnerOffer.Kind.SHADOWING
    title = "Shadow a director for a week"


class MentorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Mentor

    user = factory.SubFactory(UserFactory)
    interests = "housing employment"
    max_mentees = 2


class YouthGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.YouthGroup

    network = factory.SubFactory(NetworkFactory)
    name = factory.Sequence(lambda n: f"Young Advocates {n}")
    slug = factory.Sequence(lambda n: f"young-advocates-{n}")
    description = "Young people with experience of the system, changing it."


class YouthProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.YouthProject

    group = factory.SubFactory(YouthGroupFactory)
    title = factory.Sequence(lambda n: f"Peer research {n}")
    slug = factory.Sequence(lambda n: f"peer-research-{n}")
    summary = "Young people interview their peers about how they are seen."
    starts_on = factory.LazyFunction(lambda: days_from_today(-100))


class YoungPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.YoungPerson

    group = factory.SubFactory(YouthGroupFactory)
    first_name = factory.Sequence(lambda n: f"Youngname{n}")
    last_name = factory.Sequence(lambda n: f"Surname{n}")
    date_of_birth = factory.LazyFunction(lambda: days_from_today(-17 * 366))
    email = factory.Sequence(lambda n: f"young{n}@example.org")


class ProjectConsentFactory(factory.django.DjangoModelFactory):
    """Consent in place by default (own and parent's)."""

    class Meta:
        model = models.ProjectConsent

    project = factory.SubFactory(YouthProjectFactory)
    young_person = factory.SubFactory(
        YoungPersonFactory, group=factory.SelfAttribute("..project.group")
    )
    own_consent_at = factory.LazyFunction(timezone.now)
    own_consent_text = "I say yes."
    parent_name = "A Parent"
    parent_consent_at = factory.LazyFunction(timezone.now)


class YouthSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.YouthSession

    project = factory.SubFactory(YouthProjectFactory)
    title = "Interview training"
    starts_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=3))
    payment = "25.00"


class PaymentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Payment

    session = factory.SubFactory(YouthSessionFactory)
    young_person = factory.SubFactory(YoungPersonFactory)
    amount = "25.00"


class OutputFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Output

    project = factory.SubFactory(YouthProjectFactory)
    title = "How we are seen: a peer research report"
    summary = "What 40 young people told us about stereotypes."


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.DecisionMakerMeeting

    project = factory.SubFactory(YouthProjectFactory)
    with_whom = "The Youth Justice Board's chief executive"
    happened_on = factory.LazyFunction(lambda: days_from_today(-10))
    summary = "We presented our findings and asked for three changes."


class ConcernFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Concern

    group = factory.SubFactory(YouthGroupFactory)
    what_happened = "Something a young person said worried me."
