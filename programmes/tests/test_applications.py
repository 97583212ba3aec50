"""Applying in plain words, offers, acceptances and the waiting list."""

import pytest
from django.core import mail
from django.urls import reverse

from programmes.models import Application, ApplicationStatus
from programmes.services import applications
from programmes.tests.factories import ApplicationFactory, CohortFactory, days_from_today

pytestmark = pytest.mark.django_db

GOOD = {
    "name": "Jo Applicant", "email": "Jo@Example.org",
    "lived_experience": "I was in care and then in custody at seventeen.",
    "hopes": "To run a peer mentoring service.", "consent": "on",
}  # fmt: skip


def apply_url(cohort):
    return reverse("programmes:apply", args=[cohort.programme.slug, cohort.slug])


def test_the_form_asks_in_plain_words_and_never_for_offences(client):
    cohort = CohortFactory()
    html = client.get(apply_url(cohort)).content.decode()
    assert "in your own words" in html
    assert "offence" in html  # only to say we will not ask
    assert "list of convictions" in html
    assert 'name="offences"' not in html and 'name="convictions"' not in html


def test_an_application_is_saved_and_acknowledged_with_a_personal_link(client):
    cohort = CohortFactory()
    response = client.post(apply_url(cohort), GOOD)
    assert response.status_code == 302
    application = Application.objects.get()
    assert application.email == "jo@example.org"
    assert application.key in mail.outbox[0].body


@pytest.mark.parametrize(
    "change",
    [
        {"name": ""},
        {"email": "not an email"},
        {"lived_experience": ""},
        {"lived_experience": "x" * 3001},
        {"hopes": "y" * 3001},
        {"consent": ""},
    ],
    ids=["no name", "bad email", "empty experience", "huge experience", "huge hopes", "no consent"],
)
def test_bad_input_is_refused_with_a_message_and_saves_nothing(client, change):
    response = client.post(apply_url(CohortFactory()), {**GOOD, **change})
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()
    assert not Application.objects.exists()


def test_hostile_text_is_escaped_on_the_staff_page(client):
    from core.tests.factories import StaffFactory

    cohort = CohortFactory()
    client.post(apply_url(cohort), {**GOOD, "lived_experience": "<script>alert(1)</script>"})
    staff = StaffFactory()
    cohort.programme.network.staff.add(staff)
    client.force_login(staff)
    html = client.get(reverse("programmes:staff_application", args=[Application.objects.get().pk]))
    assert "<script>alert(1)" not in html.content.decode()
    assert "&lt;script&gt;" in html.content.decode()


def test_applying_twice_and_applying_late_are_refused(client):
    cohort = CohortFactory()
    client.post(apply_url(cohort), GOOD)
    again = client.post(apply_url(cohort), GOOD)
    assert again.status_code == 400 and "already applied" in again.content.decode()
    closed = CohortFactory(applications_close=days_from_today(-1))
    late = client.post(apply_url(closed), GOOD)
    assert late.status_code == 400 and not closed.applications.exists()


def test_offers_fill_the_places_then_the_waiting_list_takes_a_declined_place():
    cohort = CohortFactory(places=1)
    first, second = ApplicationFactory(cohort=cohort), ApplicationFactory(cohort=cohort)
    applications.decide(None, first, "offer")
    with pytest.raises(Exception, match="All 1 places"):
        applications.decide(None, second, "offer")
    applications.decide(None, second, "wait")
    second.refresh_from_db()
    assert second.status == ApplicationStatus.WAITING and second.waiting_position == 1
    applications.respond(first, accept=False)
    second.refresh_from_db()
    assert second.status == ApplicationStatus.OFFERED


def test_the_applicant_accepts_through_their_link_and_cannot_answer_twice(client):
    application = ApplicationFactory()
    applications.decide(None, application, "offer")
    url = reverse("programmes:respond", args=[application.key])
    client.post(url, {"answer": "accept"})
    application.refresh_from_db()
    assert application.status == ApplicationStatus.ACCEPTED
    client.post(url, {"answer": "decline"})
    application.refresh_from_db()
    assert application.status == ApplicationStatus.ACCEPTED


def test_the_form_is_rate_limited(client):
    from programmes.views.public import APPLY_LIMIT

    cohort = CohortFactory()
    for n in range(APPLY_LIMIT):
        client.post(apply_url(cohort), {**GOOD, "email": f"p{n}@example.org"})
    response = client.post(apply_url(cohort), {**GOOD, "email": "late@example.org"})
    assert response.status_code == 429
    assert not Application.objects.filter(email="late@example.org").exists()
