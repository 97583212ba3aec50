"""The events API: visitors get public events only, filters narrow the list, a bad filter
is refused, and the joining link never appears."""

import pytest

from events.models import EventKind, Visibility
from events.tests.factories import EventFactory
from members.tests.factories import NetworkFactory

pytestmark = pytest.mark.django_db
API = "/api/v1/events"


def test_visitors_get_public_events_only(client):
    EventFactory(title="Open webinar", kind=EventKind.WEBINAR)
    EventFactory(title="Members forum", visibility=Visibility.MEMBERS)
    body = client.get(API).json()
    assert [e["title"] for e in body["results"]] == ["Open webinar"] and body["count"] == 1
    assert "forum-secret" not in client.get(API).text


def test_filters_by_kind_and_network(client):
    network = NetworkFactory(slug="cjn")
    EventFactory(title="CJN webinar", kind=EventKind.WEBINAR, networks=[network])
    EventFactory(title="Other webinar", kind=EventKind.WEBINAR)
    EventFactory(title="CJN training", kind=EventKind.TRAINING, networks=[network])
    body = client.get(API, {"kind": "webinar", "network": "cjn"}).json()
    assert [e["title"] for e in body["results"]] == ["CJN webinar"]


def test_a_bad_filter_is_refused(client):
    response = client.get(API, {"kind": "party"})
    assert response.status_code == 400 and "Unknown kind" in response.json()["detail"]
    assert client.get(API, {"when": "someday"}).status_code == 400


def test_one_event_and_a_hidden_one(client):
    event = EventFactory(title="Open forum")
    hidden = EventFactory(visibility=Visibility.MEMBERS)
    body = client.get(f"{API}/{event.slug}").json()
    assert body["title"] == "Open forum" and body["starts_at"].endswith(("+00:00", "+01:00"))
    assert "joining_link" not in body
    assert client.get(f"{API}/{hidden.slug}").status_code == 404
