"""The demo plans: both networks, a plan of 30+ activities, 15+ indicators mostly measured,
four quarterly updates and an annual report, and a survey with answers."""

import pytest

from members.demo import load_demo
from plans.demo import load_demo_plans
from plans.models import ActionPlan, IndicatorKind, Report, SurveyResponse

pytestmark = pytest.mark.django_db


def test_demo_plans_load_once():
    load_demo()
    assert load_demo_plans() > 0
    assert ActionPlan.objects.values("network").distinct().count() == 2
    biggest = max(ActionPlan.objects.all(), key=lambda p: p.activities.count())
    assert biggest.activities.count() >= 30
    indicators = biggest.indicators.all()
    assert indicators.count() >= 15
    assert indicators.filter(kind=IndicatorKind.MEASURED).count() > indicators.count() / 2
    last_year = ActionPlan.objects.filter(network=biggest.network).order_by("year").first()
    assert last_year.reports.filter(quarter__isnull=False, status="published").count() == 4
    assert last_year.reports.filter(quarter__isnull=True, status="published").exists()
    assert SurveyResponse.objects.count() > 20
    count = Report.objects.count()
    assert load_demo_plans() == 0
    assert Report.objects.count() == count
