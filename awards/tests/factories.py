import datetime

import factory
from django.utils import timezone

from awards.models import (
    Category,
    Criterion,
    Cycle,
    Eligibility,
    Nomination,
    NominationStatus,
    Nominator,
    NomineeKind,
    PanelMember,
    Scheme,
    Score,
)
from core.tests.factories import JudgeFactory


def days_from_today(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


class SchemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Scheme

    name = factory.Sequence(lambda n: f"Justice Awards {n}")
    slug = factory.Sequence(lambda n: f"justice-awards-{n}")
    description = "Celebrating the people and organisations leading the way."


class CycleFactory(factory.django.DjangoModelFactory):
    """A cycle open for nominations today, nothing announced yet."""

    class Meta:
        model = Cycle

    scheme = factory.SubFactory(SchemeFactory)
    year = factory.Sequence(lambda n: 2000 + n)
    slug = factory.LazyAttribute(lambda o: f"{o.scheme.slug}-{o.year}")
    nominations_open = factory.LazyFunction(lambda: days_from_today(-10))
    nominations_close = factory.LazyFunction(lambda: days_from_today(20))


class CategoryFactory(factory.django.DjangoModelFactory):
    """A category with three criteria weighted 40/30/30 and a panel quorum of 2."""

    class Meta:
        model = Category
        skip_postgeneration_save = True

    cycle = factory.SubFactory(CycleFactory)
    name = factory.Sequence(lambda n: f"Outstanding Organisation {n}")
    slug = factory.Sequence(lambda n: f"outstanding-organisation-{n}")
    description = "For an organisation that made a lasting difference this year."
    eligibility = Eligibility.ANY_ORGANISATION
    quorum = 2
    needs_lived_experience_judge = False

    @factory.post_generation
    def criteria(obj, create, extracted, **kwargs):
        if not create:
            return
        for order, (name, weight) in enumerate(
            extracted or [("Impact", 40), ("Innovation", 30), ("Lived experience", 30)]
        ):
            Criterion.objects.create(category=obj, name=name, weight=weight, order=order)


class NominationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Nomination
        skip_postgeneration_save = True

    category = factory.SubFactory(CategoryFactory)
    nominee_kind = NomineeKind.ORGANISATION
    nominee_name = factory.Sequence(lambda n: f"Second Chance Project {n}")
    status = NominationStatus.ELIGIBLE

    @factory.post_generation
    def nominator(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            NominatorFactory(nomination=obj, **kwargs)


class NominatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Nominator

    nomination = factory.SubFactory(NominationFactory, nominator=False)
    name = factory.Faker("name", locale="en_GB")
    email = factory.Sequence(lambda n: f"nominator{n}@example.org")
    statement = "They changed how our town treats people leaving prison."


class PanelMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PanelMember

    category = factory.SubFactory(CategoryFactory)
    judge = factory.SubFactory(JudgeFactory)


def score_all(member: PanelMember, nomination: Nomination, values: list[int]) -> None:
    """Scores for every criterion of the member's category, in criteria order."""
    for criterion, value in zip(member.category.criteria.all(), values, strict=True):
        Score.objects.create(
            panel_member=member, nomination=nomination, criterion=criterion, value=value
        )
