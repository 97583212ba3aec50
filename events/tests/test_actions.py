"""Actions agreed at a policy forum, and an ask of a target body turned into an entry of
the influence log in one step, linked back."""

import pytest
from django.urls import reverse

from core.tests.factories import StaffFactory
from events.models import Action, EventKind
from events.tests.factories import EventFactory
from influence.models import InfluenceActivity
from influence.tests.factories import TargetBodyFactory
from members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def forum():
    event = EventFactory(kind=EventKind.POLICY_FORUM, title="CJA/MoJ policy forum")
    event.co_hosts.set([OrganisationFactory(name="Open Doors Housing")])
    return event


def test_staff_record_an_action_with_its_follow_up(client, forum):
    client.force_login(StaffFactory())
    url = reverse("events:staff_actions", args=[forum.slug])
    client.post(url, {"text": "Share data on recalls", "owner": "MoJ", "follow_up": "Chased."})
    action = Action.objects.get(event=forum)
    assert (action.owner, action.follow_up) == ("MoJ", "Chased.")
    assert "Share data on recalls" in client.get(url).text


def test_an_ask_becomes_an_influence_log_entry_once_and_links_back(client, forum):
    target = TargetBodyFactory(name="Ministry of Justice")
    action = Action.objects.create(event=forum, text="Publish recall data", target=target)
    staff = StaffFactory()
    client.force_login(staff)
    url = reverse("events:staff_action_to_influence", args=[forum.slug, action.pk])
    client.post(url)
    client.post(url)  # twice changes nothing
    activity = InfluenceActivity.objects.get()
    action.refresh_from_db()
    assert action.influence_activity == activity and activity.event_action == action
    assert list(activity.targets.all()) == [target]
    assert activity.organisations.get().name == "Open Doors Housing"
    assert activity.recorded_by == staff and "CJA/MoJ policy forum" in activity.description


def test_an_action_without_a_target_cannot_be_logged(client, forum):
    action = Action.objects.create(event=forum, text="Tidy the notes")
    client.force_login(StaffFactory())
    response = client.post(
        reverse("events:staff_action_to_influence", args=[forum.slug, action.pk]), follow=True
    )
    assert "target body" in response.text
    assert not InfluenceActivity.objects.exists()


def test_an_empty_action_is_refused_with_a_message(client, forum):
    client.force_login(StaffFactory())
    page = client.post(reverse("events:staff_actions", args=[forum.slug]), {"text": ""})
    assert "This field is required" in page.text
    assert not Action.objects.exists()
