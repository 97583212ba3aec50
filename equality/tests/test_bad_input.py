"""Bad input gets a clear message and changes nothing."""

import pytest
from django.urls import reverse

from core.tests.factories import StaffFactory, UserFactory
from equality.models import Exercise, PublishedReport, Response
from equality.services import monitoring, reports
from equality.tests.factories import ExerciseFactory, answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def person_client(client):
    client.force_login(UserFactory())
    return client


def post(client, exercise, data):
    return client.post(reverse("equality:answer", args=[exercise.slug]), data)


def test_without_consent_nothing_is_kept(person_client):
    exercise = ExerciseFactory()
    page = post(person_client, exercise, answers()).content.decode()
    assert "Tick the box to agree" in page
    assert not Response.objects.exists()


def test_an_unanswered_question_asks_for_prefer_not_to_say(person_client):
    exercise = ExerciseFactory()
    data = {**answers(), "consent": "on"}
    del data["religion"]
    page = post(person_client, exercise, data).content.decode()
    assert "Choose an answer about religion, or &#x27;Prefer not to say&#x27;." in page
    assert not Response.objects.exists()


@pytest.mark.parametrize(
    "value", ["<script>alert(1)</script>", "x" * 10_000, "'; DROP TABLE equality_response;--", ""]
)
def test_a_hostile_or_unknown_answer_is_refused(person_client, value):
    exercise = ExerciseFactory()
    page = post(person_client, exercise, {**answers(ethnicity=value), "consent": "on"})
    assert page.status_code == 200
    assert "<script>alert(1)</script>" not in page.content.decode()
    assert not Response.objects.exists()


def test_a_closed_form_takes_no_answers(person_client):
    exercise = ExerciseFactory(is_open=False)
    assert post(person_client, exercise, {**answers(), "consent": "on"}).status_code == 403
    assert not Response.objects.exists()


def test_the_staff_form_is_not_for_members(person_client):
    from equality.models import Group

    exercise = ExerciseFactory(group=Group.STAFF)
    assert post(person_client, exercise, {**answers(), "consent": "on"}).status_code == 403


def test_staff_cannot_open_a_duplicate_or_out_of_range_form(client):
    client.force_login(StaffFactory())
    url = reverse("equality:staff_index")
    client.post(url, {"group": "trustees", "year": "2026", "title": "Trustees 2026"})
    assert Exercise.objects.count() == 1
    page = client.post(url, {"group": "trustees", "year": "2026", "title": "Again"}).content
    assert b"already a trustees exercise for 2026" in page
    page = client.post(url, {"group": "trustees", "year": "99999", "title": "Far"}).content
    assert b"between 2000 and 2100" in page
    page = client.post(url, {"group": "nobody", "year": "2026", "title": "Odd"}).content
    assert b"Select a valid choice" in page
    assert Exercise.objects.count() == 1


def test_a_year_is_published_once_and_never_empty(client):
    staff = StaffFactory()
    client.force_login(staff)
    client.post(reverse("equality:staff_publish", args=[2026]))
    assert not PublishedReport.objects.exists()  # nobody has answered
    exercise = ExerciseFactory(year=2026)
    monitoring.save_answers(UserFactory(), exercise, answers())
    client.post(reverse("equality:staff_publish", args=[2026]))
    first = PublishedReport.objects.get()
    monitoring.save_answers(UserFactory(), exercise, answers())
    response = client.post(reverse("equality:staff_publish", args=[2026]), follow=True)
    assert b"published already" in response.content
    assert PublishedReport.objects.get().figures == first.figures
    with pytest.raises(reports.AlreadyPublished):
        reports.publish(2026, staff)


def test_too_many_answers_in_an_hour_are_refused(person_client, settings):
    exercise = ExerciseFactory()
    for _ in range(20):
        post(person_client, exercise, {**answers(), "consent": "on"})
    page = post(person_client, exercise, {**answers(sex="male"), "consent": "on"})
    assert b"Too many tries" in page.content
    assert Response.objects.get().sex == "prefer_not"
