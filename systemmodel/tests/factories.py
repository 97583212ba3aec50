import factory

from core.tests.factories import UserFactory
from systemmodel.models import Scenario


class ScenarioFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Scenario

    title = factory.Sequence(lambda n: f"Scenario {n}")
    slug = factory.Sequence(lambda n: f"scenario-{n}")
    levers = factory.LazyFunction(lambda: {"diversion": 0.2})
    created_by = factory.SubFactory(UserFactory)
    is_published = True
