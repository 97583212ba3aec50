"""The annual impact report rolls up the year's published quarters and goes to the library."""

import pytest

from library.models import ResourceStatus
from plans.models import Audience
from plans.services import reports
from plans.tests.factories import IndicatorFactory, PlanFactory

pytestmark = pytest.mark.django_db


def test_annual_report_rolls_up_quarters_and_is_published_to_the_library():
    plan = PlanFactory(year=2024)
    IndicatorFactory(plan=plan, title="Policy makers met")
    for quarter in (1, 2):
        update = reports.draft(None, plan, quarter)
        update.summary = f"Quarter {quarter} went well."
        update.save()
        reports.publish(None, update, Audience.PUBLIC)
    annual = reports.draft(None, plan, None)
    assert [q["quarter"] for q in annual.content["quarters"]] == [1, 2]
    assert "Quarter 1 went well." in annual.summary
    assert len(annual.content["indicators"][0]["values"]) == 4
    with pytest.raises(reports.ReportRefused):
        reports.publish_to_library(None, annual)  # not published yet
    reports.publish(None, annual, Audience.PUBLIC)
    resource = reports.publish_to_library(None, annual)
    assert resource.status == ResourceStatus.PUBLISHED
    assert "Policy makers met" in resource.body
    assert list(resource.networks.all()) == [plan.network]
