"""Topic pages list published plans' activities about records on the topic (an event,
consultation or recommendation on it); a draft plan's activities stay off them."""

import pytest
from django.utils import timezone

from events.tests.factories import EventFactory
from plans.models import PlanStatus
from plans.services import links
from plans.tests.factories import ActivityFactory, PlanFactory
from taxonomy.models import Term

pytestmark = pytest.mark.django_db


def test_a_topic_page_shows_published_activities_linked_to_records_on_it(client):
    part = Term.objects.parts().get(slug="prisons")
    event = EventFactory()
    event.topics.add(part)
    published = PlanFactory(status=PlanStatus.PUBLISHED, published_at=timezone.now())
    draft = PlanFactory()
    links.add(ActivityFactory(plan=published, title="Hold a prisons forum"), event)
    links.add(ActivityFactory(plan=draft, title="Secret draft activity"), event)
    page = client.get("/topics/prisons/", secure=True).content.decode()
    assert "Hold a prisons forum" in page and published.get_absolute_url() in page
    assert "Secret draft activity" not in page
