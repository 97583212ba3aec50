"""This app's parts of shared pages, called directly (the pages are built elsewhere)."""

import pytest
from django.test import RequestFactory

from core.registries import home, navigation, personal_data, search
from core.registries.personal_data import DataSubject
from core.tests.factories import UserFactory
from events.models import Answer, CalendarFeed, Registration
from events.registries import events_on_topic, your_events
from events.services.registration import Applicant, register
from events.tests.factories import EventFactory, InvitationFactory, QuestionFactory
from taxonomy.models import Term

pytestmark = pytest.mark.django_db


def _request(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_home_panel_lists_my_upcoming_events_or_hides():
    user = UserFactory(email="me@example.org")
    assert your_events(_request(user)) is None
    event = EventFactory(title="Spring forum")
    register(event, Applicant("Me", "me@example.org", user=user))
    context = your_events(_request(user))
    assert [r.event.title for r in context["registrations"]] == ["Spring forum"]
    assert "events.your_events" in {p.key for p in home.panels_for(user)}


def test_navigation_and_search_kind():
    from django.contrib.auth.models import AnonymousUser

    entries = {e.key for _group, items in navigation.entries_for(AnonymousUser()) for e in items}
    assert "events" in entries and "events.staff" not in entries
    EventFactory(title="Youth justice roundtable", summary="Evidence for the review.")
    EventFactory(title="Hidden", status="draft")
    kind = next(k for k in search.kinds() if k.key == "events")
    results = kind.search("roundtable youth", AnonymousUser(), 5)
    assert results.total == 1 and results.hits[0].title == "Youth justice roundtable"
    assert kind.search("hidden", AnonymousUser(), 5).total == 0


def test_topic_section_shows_visible_events_on_the_topic():
    from django.contrib.auth.models import AnonymousUser

    term = Term.objects.first()
    event = EventFactory(title="On topic")
    event.topics.add(term)
    EventFactory(title="Members only", visibility="members").topics.add(term)
    context = events_on_topic(_request(AnonymousUser()), term)
    assert [e.title for e in context["events"]] == ["On topic"]


def test_personal_data_export_and_erase_are_safe_twice():
    user = UserFactory(email="me@example.org")
    event = EventFactory()
    question = QuestionFactory(event=event)
    register(event, Applicant("Me", "me@example.org", user=user, answers={question.pk: "Ramp"}))
    InvitationFactory(email="me@example.org")
    CalendarFeed.objects.create(user=user)
    source = next(s for s in personal_data.sources() if s.key == "events.registrations")
    subject = DataSubject.for_user(user)
    exported = source.export(subject)
    assert exported["event registrations"][0]["answers"] == {question.text: "Ramp"}
    assert len(exported["event invitations"]) == 1
    assert source.erase(subject) > 0
    assert source.erase(subject) == 0
    registration = Registration.objects.get()
    assert registration.name == "Erased" and "me@example.org" not in registration.email
    assert not Answer.objects.exists() and not CalendarFeed.objects.exists()
    assert source.export(subject)["event registrations"] == []
