import factory

from equality.models import Exercise, Group
from equality.questions import QUESTIONS


class ExerciseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Exercise

    group = Group.EVENTS
    year = 2026
    title = factory.Sequence(lambda n: f"Member leaders {n}")
    slug = factory.Sequence(lambda n: f"member-leaders-{n}")
    context_key = factory.Sequence(lambda n: f"test:{n}")


def answers(**overrides) -> dict:
    """A full set of answers as the form posts them ("Prefer not to say" unless given)."""
    data = {q.field: "prefer_not" for q in QUESTIONS}
    data.update(overrides)
    return data
