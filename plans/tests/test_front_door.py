"""/plans/ is the front door: each network's strategy and plan with its CSV, its published
reports each with a CSV beside it, and each Equality Impact Report with its CSV and PDF."""

import pytest
from django.urls import reverse
from django.utils import timezone

from core.tests.factories import StaffFactory
from equality.models import Group
from equality.services import reports as equality_reports
from equality.tests.factories import ExerciseFactory
from equality.tests.test_report import add_answers
from plans.models import Audience, PlanStatus
from plans.services import reports
from plans.tests.factories import ActivityFactory, PlanFactory, StrategyFactory

pytestmark = pytest.mark.django_db


def test_front_door_lists_every_report_with_its_csv(client):
    strategy = StrategyFactory()
    plan = PlanFactory(strategy=strategy, network=strategy.network,
                       status=PlanStatus.PUBLISHED, published_at=timezone.now())  # fmt: skip
    ActivityFactory(plan=plan)
    update = reports.publish(None, reports.draft(None, plan, 1), Audience.PUBLIC)
    for year in (2025, 2026):
        add_answers(ExerciseFactory(group=Group.STAFF, year=year), 12, ethnicity="white_1")
        equality_reports.publish(year, StaffFactory())
    page = client.get(reverse("plans:index")).content.decode()
    assert reverse("plans:plan_csv", args=[strategy.network.slug, plan.year]) in page
    assert reverse("plans:report_csv", args=[update.pk]) in page
    for year in (2025, 2026):
        assert reverse("equality:report", args=[year]) in page
        assert reverse("equality:report_csv", args=[year]) in page
        assert reverse("equality:report_pdf", args=[year]) in page
    assert page.index("Equality Impact Report 2026") < page.index("Equality Impact Report 2025")


def test_front_door_says_when_no_equality_report_is_published(client):
    page = client.get(reverse("plans:index")).content.decode()
    assert "No Equality Impact Report is published yet." in page
