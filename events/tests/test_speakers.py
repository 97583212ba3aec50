"""Staff add an event's speakers, shown on its page in order, and remove them; bad input
changes nothing."""

import pytest
from django.urls import reverse

from core.models import AuditEntry
from core.tests.factories import StaffFactory, UserFactory
from events.models import Speaker
from events.tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def test_staff_add_speakers_in_order_and_remove_one(client):
    event, other = EventFactory(), EventFactory()
    stranger = Speaker.objects.create(event=other, name="Elsewhere")
    client.force_login(StaffFactory())
    url = reverse("events:staff_speakers", args=[event.slug])
    client.post(url, {"name": "Dr Ama Owusu", "role": "Chief Inspector of Probation"})
    client.post(url, {"name": "  Lee   Grant ", "role": "<script>x</script>"})
    assert list(event.speakers.values_list("name", flat=True)) == ["Dr Ama Owusu", "Lee Grant"]
    page = client.get(event.get_absolute_url()).text
    assert page.index("Dr Ama Owusu") < page.index("Lee Grant") and "<script>x" not in page

    assert client.post(url, {"name": "   "}).status_code == 200  # refused with a message
    client.post(url, {"remove": stranger.pk})  # another event's speaker: nothing changes
    client.post(url, {"remove": "nonsense"})
    assert Speaker.objects.count() == 3
    client.post(url, {"remove": event.speakers.get(name="Lee Grant").pk})
    assert list(event.speakers.values_list("name", flat=True)) == ["Dr Ama Owusu"]
    assert AuditEntry.objects.filter(content_type__model="speaker").count() == 3


def test_only_staff_change_speakers(client):
    event = EventFactory()
    client.force_login(UserFactory())
    url = reverse("events:staff_speakers", args=[event.slug])
    assert client.post(url, {"name": "Someone"}).status_code == 403
    assert not Speaker.objects.exists()
