"""The public plan page reads each kind of linked record in one query, however many
activities link to how many records."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.tests.factories import EventFactory
from plans.models import PlanStatus
from plans.services import links, pages
from plans.tests.factories import ActivityFactory, PlanFactory

pytestmark = pytest.mark.django_db


def _queries(plan) -> int:
    with CaptureQueriesContext(connection) as captured:
        rows = pages.plan_rows(plan)
        assert all(row["links"][0]["title"] for row in rows)
    return len(captured)


def test_plan_rows_do_not_query_per_link():
    plan = PlanFactory(status=PlanStatus.PUBLISHED, published_at=timezone.now())
    for _ in range(2):
        links.add(ActivityFactory(plan=plan), EventFactory())
    few = _queries(plan)
    for _ in range(6):
        links.add(ActivityFactory(plan=plan), EventFactory())
    assert _queries(plan) == few
