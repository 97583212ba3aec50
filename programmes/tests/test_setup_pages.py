"""Setting a programme up on staff's own pages: each form saves what it should, refuses bad
input with a clear message and saves nothing, shows hostile text as text, and lets staff
pick only their own networks, programmes and cohorts."""

import datetime

import pytest
from django.urls import reverse

from core.tests.factories import StaffFactory, UserFactory
from events.models import Event
from members.tests.factories import NetworkFactory, OrganisationFactory
from programmes.models import Cohort, Criterion, Mentor, Module, PartnerOffer, Programme
from programmes.tests import factories

pytestmark = pytest.mark.django_db
HOSTILE = '<script>alert("x")</script> & Co'


@pytest.fixture
def staff(client):
    network = NetworkFactory()
    user = StaffFactory()
    network.staff.add(user)
    client.force_login(user)
    return user, network


def _programme_data(network, **changes):
    return {
        "network": network.pk, "name": "Leading Change", "summary": "A year of paid training.",
        "eligibility": "Anyone with lived experience.", "score_max": 10, "quorum": 2,
        "normalise_scores": "on", "needs_lived_experience_judge": "on", **changes,
    }  # fmt: skip


def test_staff_make_a_programme_in_their_own_network_only(client, staff):
    _user, network = staff
    response = client.post(reverse("programmes:setup_programme_create"), _programme_data(network))
    programme = Programme.objects.get()
    assert response.status_code == 302 and programme.slug == "leading-change"
    assert programme.network == network
    elsewhere = NetworkFactory()
    refused = client.post(
        reverse("programmes:setup_programme_create"), _programme_data(elsewhere, name="Other")
    )
    assert refused.status_code == 400
    assert "Select a valid choice" in refused.content.decode()
    assert Programme.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"quorum": 0}, "At least one panel member must score each application."),
        ({"score_max": -3}, "The highest score must be at least 1."),
        ({"name": "   "}, "Enter the programme&#x27;s name."),
        ({"name": "staff"}, None),  # a reserved word gets a slug that hides no page
    ],
)
def test_bad_programme_input_is_refused_with_a_message(client, staff, changes, message):
    _user, network = staff
    response = client.post(
        reverse("programmes:setup_programme_create"), _programme_data(network, **changes)
    )
    if message is None:
        assert Programme.objects.get().slug == "staff-programme"
        return
    assert response.status_code == 400 and message in response.content.decode()
    assert not Programme.objects.exists()


def _cohort_data(**changes):
    today = datetime.date.today()
    return {
        "name": "Cohort 4", "starts_on": today + datetime.timedelta(days=60),
        "ends_on": today + datetime.timedelta(days=400), "places": 12, "location": "Leeds",
        "applications_close": today + datetime.timedelta(days=30), **changes,
    }  # fmt: skip


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"ends_on": datetime.date.today()}, "The cohort must end on or after the day it starts."),
        ({"places": 0}, "A cohort needs at least 1 place."),
        ({"places": -4}, "A cohort needs at least 1 place."),
        ({"places": "many"}, "A cohort needs at least 1 place."),
        ({"applications_close": datetime.date.today() + datetime.timedelta(days=90)},
         "Applications must close before it starts."),
    ],
)  # fmt: skip
def test_bad_cohort_input_is_refused_and_nothing_saved(client, staff, changes, message):
    programme = factories.ProgrammeFactory(network=staff[1])
    url = reverse("programmes:setup_cohort_create", args=[programme.slug])
    response = client.post(url, _cohort_data(**changes))
    assert response.status_code == 400 and message in response.content.decode()
    assert not Cohort.objects.exists()


def test_a_cohort_is_made_with_a_slug_and_hostile_text_shows_as_text(client, staff):
    programme = factories.ProgrammeFactory(network=staff[1])
    client.post(
        reverse("programmes:setup_cohort_create", args=[programme.slug]),
        _cohort_data(name=HOSTILE, location=HOSTILE),
    )
    cohort = Cohort.objects.get()
    assert cohort.slug == "scriptalertxscript-co" and cohort.location == HOSTILE
    page = client.get(reverse("programmes:staff_index")).content.decode()
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page


def test_a_cohort_cannot_have_fewer_places_than_are_taken(client, staff):
    cohort = factories.CohortFactory(programme__network=staff[1], places=3)
    factories.ApplicationFactory.create_batch(2, cohort=cohort, status="accepted")
    url = reverse("programmes:setup_cohort", args=[cohort.pk])
    response = client.post(url, _cohort_data(places=1))
    assert response.status_code == 400
    assert "2 places are already offered or taken" in response.content.decode()
    cohort.refresh_from_db()
    assert cohort.places == 3


def test_criteria_modules_and_offers_are_added_with_plain_refusals(client, staff):
    cohort = factories.CohortFactory(programme__network=staff[1])
    programme = cohort.programme
    url = reverse("programmes:setup_criterion_create", args=[programme.slug])
    refused = client.post(url, {"name": "Drive", "weight": 0, "order": 0})
    assert "The weight must be a whole number, 1 or more." in refused.content.decode()
    client.post(url, {"name": "Drive", "weight": 3, "order": 5})
    assert programme.criteria.filter(name="Drive", weight=3).exists()
    url = reverse("programmes:setup_module_create", args=[cohort.pk])
    assert client.post(url, {"title": " ", "order": 1}).status_code == 400
    client.post(url, {"title": "Influencing policy", "order": 1})
    assert Module.objects.filter(cohort=cohort, title="Influencing policy").exists()
    url = reverse("programmes:setup_offer_create", args=[cohort.pk])
    organisation = OrganisationFactory()
    assert client.post(url, {"organisation": organisation.pk, "kind": "placement",
                             "title": ""}).status_code == 400  # fmt: skip
    client.post(url, {"organisation": organisation.pk, "kind": "placement", "title": HOSTILE})
    assert PartnerOffer.objects.get().title == HOSTILE
    page = client.get(reverse("programmes:staff_offers", args=[cohort.pk])).content.decode()
    assert "<script>alert" not in page


def _session_data(**changes):
    starts = datetime.datetime.now() + datetime.timedelta(days=20)
    return {
        "title": "Who decides?", "starts_at": starts.strftime("%Y-%m-%dT10:00"),
        "ends_at": starts.strftime("%Y-%m-%dT12:00"), "place": "Leeds", **changes,
    }  # fmt: skip


def test_a_session_made_here_is_an_event_and_a_bad_time_makes_nothing(client, staff):
    module = factories.ModuleFactory(cohort__programme__network=staff[1])
    url = reverse("programmes:setup_session_create", args=[module.pk])
    data = _session_data()
    refused = client.post(url, {**data, "ends_at": data["starts_at"]})
    assert refused.status_code == 400
    assert "The session must end after it starts." in refused.content.decode()
    assert not Event.objects.exists()
    client.post(url, data)
    session = module.sessions.get()
    assert session.event.visibility == "invitation" and session.place == "Leeds"
    moved = _session_data(title="Who really decides?", starts_at=data["starts_at"][:11] + "14:00",
                          ends_at=data["starts_at"][:11] + "16:00")  # fmt: skip
    client.post(reverse("programmes:setup_session", args=[session.pk]), moved)
    session.refresh_from_db()
    session.event.refresh_from_db()
    assert session.title == "Who really decides?" and session.event.starts_at.hour in (13, 14)
    assert Event.objects.count() == 1


def test_mentors_belong_to_a_network_and_their_limit_is_at_least_one(client, staff):
    _user, network = staff
    person = UserFactory()
    url = reverse("programmes:setup_mentor_create")
    refused = client.post(url, {"network": network.pk, "max_mentees": 2})
    assert "Choose the mentor&#x27;s account" in refused.content.decode()
    data = {"user": person.pk, "network": network.pk, "max_mentees": 0}
    refused = client.post(url, data)
    assert "A mentor takes at least 1 person at a time." in refused.content.decode()
    assert (
        client.post(url, {**data, "network": NetworkFactory().pk, "max_mentees": 2}).status_code
        == 400
    )
    client.post(url, {**data, "max_mentees": 2})
    mentor = Mentor.objects.get()
    assert mentor.network == network
    again = client.post(url, {**data, "max_mentees": 2})
    assert "is already a mentor" in again.content.decode()
    other = factories.MentorFactory(network=NetworkFactory())
    listing = client.get(reverse("programmes:setup_mentors")).content.decode()
    assert str(mentor) in listing and str(other) not in listing


def test_another_networks_staff_change_nothing_through_the_set_up_pages(client, staff):
    cohort = factories.CohortFactory()  # another network's
    session = factories.ProgrammeSessionFactory(module__cohort=cohort)
    offer = factories.PartnerOfferFactory(cohort=cohort)
    mentor = factories.MentorFactory(network=cohort.programme.network)
    criterion = cohort.programme.criteria.first()
    posts = [
        (reverse("programmes:setup_programme", args=[cohort.programme.slug]), {"name": "Mine"}),
        (reverse("programmes:setup_criterion_create", args=[cohort.programme.slug]),
         {"name": "X", "weight": 1, "order": 0}),
        (reverse("programmes:setup_criterion", args=[criterion.pk]), {"name": "X", "weight": 1}),
        (reverse("programmes:setup_cohort_create", args=[cohort.programme.slug]), _cohort_data()),
        (reverse("programmes:setup_cohort", args=[cohort.pk]), _cohort_data()),
        (reverse("programmes:setup_module_create", args=[cohort.pk]), {"title": "X", "order": 0}),
        (reverse("programmes:setup_module", args=[session.module_id]), {"title": "X", "order": 0}),
        (reverse("programmes:setup_session_create", args=[session.module_id]), _session_data()),
        (reverse("programmes:setup_session", args=[session.pk]), _session_data(title="X")),
        (reverse("programmes:setup_mentor", args=[mentor.pk]), {"max_mentees": 5}),
        (reverse("programmes:setup_offer_create", args=[cohort.pk]), {"title": "X"}),
        (reverse("programmes:setup_offer", args=[offer.pk]), {"title": "X"}),
    ]  # fmt: skip
    counts = lambda: [m.objects.count() for m in (Cohort, Criterion, Module, PartnerOffer, Event)]  # noqa: E731
    before = counts()
    for url, data in posts:
        assert client.post(url, data).status_code == 403, url
    assert counts() == before
    session.refresh_from_db()
    cohort.programme.refresh_from_db()
    assert session.title == "How a bill becomes law" and cohort.programme.name != "Mine"
