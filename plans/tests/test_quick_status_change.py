"""The quick status form on the staff plan page asks for a new reason with each new status:
the old reason is not offered again, so it can neither be saved by mistake under a new
status nor linger beside "on track"."""

import pytest
from django.urls import reverse

from core.tests.factories import StaffFactory
from plans.models import ActivityStatus
from plans.tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def activity(client):
    activity = ActivityFactory(
        status=ActivityStatus.AT_RISK, status_reason="Funding for the venue is late."
    )
    staff = StaffFactory()
    staff.staffed_networks.add(activity.plan.strategy.network)
    client.force_login(staff)
    return activity


def _change(client, activity, status, reason=""):
    return client.post(
        reverse("plans:staff_activity_status", args=[activity.pk]),
        {"status": status, "status_reason": reason},
    )


def test_the_form_starts_empty_with_the_current_reason_shown_beside_it(client, activity):
    page = client.get(reverse("plans:staff_plan", args=[activity.plan_id])).content.decode()
    assert f'id="reason-{activity.pk}" rows="3" placeholder="Why' in page
    assert "></textarea>" in page.split(f'id="reason-{activity.pk}"')[1]
    assert "Funding for the venue is late." in page


def test_back_on_track_without_a_reason_drops_the_old_one(client, activity):
    _change(client, activity, ActivityStatus.ON_TRACK)
    activity.refresh_from_db()
    assert (activity.status, activity.status_reason) == (ActivityStatus.ON_TRACK, "")


def test_off_track_without_a_new_reason_is_refused_and_changes_nothing(client, activity):
    response = _change(client, activity, ActivityStatus.OFF_TRACK)
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.AT_RISK
    assert activity.status_reason == "Funding for the venue is late."
    assert any("why" in str(m).lower() for m in response.wsgi_request._messages)


def test_off_track_with_a_new_reason_saves_it(client, activity):
    _change(client, activity, ActivityStatus.OFF_TRACK, "The venue fell through.")
    activity.refresh_from_db()
    assert (activity.status, activity.status_reason) == (
        ActivityStatus.OFF_TRACK,
        "The venue fell through.",
    )
