"""Other apps link to monitoring by one public function; the person's data goes through the
personal-data registry (export and erase); old answers are deleted by the retention rule."""

import datetime

import pytest

from core.registries.personal_data import DataSubject
from core.tests.factories import UserFactory
from equality.models import Exercise, Group, Response
from equality.personal_data import erase_answers, export_answers
from equality.retention import delete_old_answers
from equality.services import monitoring
from equality.tests.factories import ExerciseFactory, answers

pytestmark = pytest.mark.django_db


def test_link_for_makes_one_exercise_per_context_and_year():
    context = UserFactory()  # any model instance stands for a cohort or an event
    first = monitoring.link_for(Group.EVENTS, context, year=2026)
    again = monitoring.link_for(Group.EVENTS, context, year=2026)
    other_year = monitoring.link_for(Group.EVENTS, context, year=2027)
    assert first == again != other_year
    exercise = Exercise.objects.get(year=2026)
    assert exercise.context_key == f"core.user:{context.pk}"
    assert first == f"/plans/equality/answer/{exercise.slug}/"
    assert monitoring.link_for(Group.STAFF, year=2026).startswith("/plans/equality/answer/")


def test_a_person_exports_and_erases_only_their_own_answers():
    exercise = ExerciseFactory(title="Leaders 2026")
    person, other = UserFactory(), UserFactory()
    monitoring.save_answers(person, exercise, answers(disability="a_lot"))
    monitoring.save_answers(other, exercise, answers())
    exported = export_answers(DataSubject.for_user(person))["equality monitoring answers"]
    assert len(exported) == 1 and exported[0]["form"] == "Leaders 2026"
    assert "Yes, a lot" in exported[0].values()
    assert erase_answers(DataSubject.for_user(person)) == 1
    assert erase_answers(DataSubject.for_user(person)) == 0
    assert Response.objects.count() == 1
    assert export_answers(DataSubject(user=None, emails=frozenset({"a@b.c"}))) == {}


def test_answers_go_three_years_after_their_report_year():
    old, recent = ExerciseFactory(year=2021), ExerciseFactory(year=2023)
    monitoring.save_answers(UserFactory(), old, answers())
    monitoring.save_answers(UserFactory(), recent, answers())
    now = datetime.datetime(2026, 12, 6, tzinfo=datetime.UTC)
    assert delete_old_answers(now, dry_run=True) == 1
    assert delete_old_answers(now, dry_run=False) == 1
    assert delete_old_answers(now, dry_run=False) == 0
    assert Response.objects.get().exercise == recent
