"""A person gives, sees, changes and deletes their own answers; nobody else can see them,
and nothing stored beside a name leads to them."""

import re

import pytest
from django.urls import reverse

from core.tests.factories import StaffFactory, UserFactory
from equality.models import Response
from equality.questions import CONSENT_WORDING
from equality.tests.factories import ExerciseFactory, answers

pytestmark = pytest.mark.django_db


def post_answers(client, exercise, **overrides):
    return client.post(
        reverse("equality:answer", args=[exercise.slug]), {**answers(**overrides), "consent": "on"}
    )


def test_answers_are_saved_with_consent_and_shown_only_to_their_author(client):
    exercise = ExerciseFactory()
    person, other = UserFactory(), UserFactory()
    client.force_login(person)
    response = post_answers(client, exercise, ethnicity="black_2", care_experience="yes")
    assert response.status_code == 302
    saved = Response.objects.get()
    assert saved.ethnicity == "black_2" and saved.consent_wording == CONSENT_WORDING
    assert saved.consented_at is not None
    page = client.get(reverse("equality:mine")).content.decode()
    assert "Caribbean" in page and exercise.title in page

    client.force_login(other)
    page = client.get(reverse("equality:mine")).content.decode()
    assert "Caribbean" not in page and "have not answered" in page


def test_nothing_stored_links_answers_to_the_account():
    from equality.services import monitoring

    exercise = ExerciseFactory()
    person = UserFactory(email="quiet@example.org", name="Quiet Person")
    response = monitoring.save_answers(person, exercise, answers())
    stored = Response.objects.values().get()
    values = {str(v) for k, v in stored.items() if k not in {"id", "exercise_id"}}
    assert not {str(person.pk), person.email, person.name} & values
    assert response.token != str(person.pk) and len(response.token) == 64
    assert not [f for f in Response._meta.get_fields() if f.is_relation and f.name != "exercise"]


def test_answering_again_changes_the_answers_in_place(client):
    exercise = ExerciseFactory()
    client.force_login(UserFactory())
    post_answers(client, exercise, sex="female")
    form = client.get(reverse("equality:answer", args=[exercise.slug])).content.decode()
    assert re.search(r'value="female"[^>]*checked', form)
    post_answers(client, exercise, sex="male")
    assert list(Response.objects.values_list("sex", flat=True)) == ["male"]


def test_a_person_deletes_their_own_answers_and_no_one_elses(client):
    exercise = ExerciseFactory()
    person, other = UserFactory(), UserFactory()
    client.force_login(other)
    post_answers(client, exercise)
    client.force_login(person)
    post_answers(client, exercise)
    assert Response.objects.count() == 2
    client.post(reverse("equality:delete", args=[exercise.slug]))
    assert Response.objects.count() == 1
    client.post(reverse("equality:delete", args=[exercise.slug]))
    assert Response.objects.count() == 1  # the other person's stay


def test_staff_pages_show_how_many_answered_never_what(client):
    exercise = ExerciseFactory(title="Member leaders 2026")
    client.force_login(UserFactory())
    post_answers(client, exercise, religion="sikh")
    client.force_login(StaffFactory())
    page = client.get(reverse("equality:staff_index")).content.decode()
    assert "Member leaders 2026" in page and "Sikh" not in page
    page = client.get(reverse("equality:staff_preview", args=[2026])).content.decode()
    assert "[c]" in page  # a single answer is hidden everywhere
