import factory

from members.tests.factories import NetworkFactory
from plans.models import (
    ActionPlan,
    Activity,
    Aim,
    Indicator,
    IndicatorKind,
    Objective,
    Statement,
    Strategy,
    Survey,
    Unit,
)


class StrategyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Strategy

    network = factory.SubFactory(NetworkFactory)
    title = factory.Sequence(lambda n: f"Strategy {n}")
    slug = factory.Sequence(lambda n: f"strategy-{n}")
    starts_year = 2024
    ends_year = 2028
    vision = "A justice system that is fair and effective."


class AimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Aim

    strategy = factory.SubFactory(StrategyFactory)
    title = factory.Sequence(lambda n: f"Aim {n}")


class ObjectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Objective

    aim = factory.SubFactory(AimFactory)
    title = factory.Sequence(lambda n: f"Objective {n}")


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionPlan

    strategy = factory.SubFactory(StrategyFactory)
    network = factory.SelfAttribute("strategy.network")
    year = 2026


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    plan = factory.SubFactory(PlanFactory)
    title = factory.Sequence(lambda n: f"Activity {n}")
    owner = "Policy team"
    quarters = "1,2"


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    plan = factory.SubFactory(PlanFactory)
    title = factory.Sequence(lambda n: f"Indicator {n}")
    kind = IndicatorKind.REPORTED
    definition = "Counted by the team from its records."
    unit = Unit.COUNT
    target = 10


class MeasuredIndicatorFactory(IndicatorFactory):
    kind = IndicatorKind.MEASURED
    measure = "member_organisations"
    definition = ""


class SurveyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Survey
        skip_postgeneration_save = True

    network = factory.SubFactory(NetworkFactory)
    year = 2026
    title = "Members' survey 2026"

    @factory.post_generation
    def statements(self, create, extracted, **kwargs):
        if create:
            for order, text in enumerate(extracted or [
                "The alliance helps inform our policy work.",
                "The alliance helps us meet and learn from others.",
            ], start=1):  # fmt: skip
                Statement.objects.create(survey=self, order=order, text=text)
