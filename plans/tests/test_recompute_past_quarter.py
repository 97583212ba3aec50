"""Measured indicators recomputed for a past quarter use the records as they stood then."""

import datetime

import pytest
from django.utils import timezone

from influence.models import Status, StatusChange
from influence.tests.factories import RecommendationFactory, TargetBodyFactory
from members.models import Membership, MembershipStatus
from members.tests.factories import NetworkFactory, OrganisationFactory
from plans.models import IndicatorValue
from plans.services import indicators, measures, periods
from plans.tests.factories import MeasuredIndicatorFactory, PlanFactory, StrategyFactory

pytestmark = pytest.mark.django_db


def moment(day: datetime.date):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def test_member_count_for_a_past_quarter_leaves_out_later_joiners():
    network = NetworkFactory()
    for joined in ("2025-05-01", "2025-06-30", "2025-07-01"):
        org = OrganisationFactory()
        Membership.objects.create(organisation=org, network=network, joined_on=joined,
                                  status=MembershipStatus.ACTIVE)  # fmt: skip
    q1 = periods.quarter(2025, 1)
    assert measures.compute("member_organisations", network, q1) == 2
    assert measures.compute("member_organisations", network, periods.quarter(2025, 2)) == 3
    assert measures.compute("new_members", network, q1) == 2


def test_accepted_recommendations_use_entries_recorded_by_the_quarter_end():
    network = NetworkFactory()
    target = TargetBodyFactory()
    recommendation = RecommendationFactory(targets=[target])
    recommendation.networks.add(network)
    # Accepted in May 2025 but only recorded in August: Q1 did not know it yet.
    StatusChange.objects.create(
        recommendation=recommendation, target=target, status=Status.RAISED,
        happened_on=datetime.date(2025, 4, 2), recorded_at=moment(datetime.date(2025, 4, 2)),
    )  # fmt: skip
    StatusChange.objects.create(
        recommendation=recommendation, target=target, status=Status.ACCEPTED,
        happened_on=datetime.date(2025, 5, 2), recorded_at=moment(datetime.date(2025, 8, 1)),
    )  # fmt: skip
    assert measures.compute("recommendations_accepted", network, periods.quarter(2025, 1)) == 0
    assert measures.compute("recommendations_accepted", network, periods.quarter(2025, 2)) == 1
    # Median days to respond: raised 2 April, responded 2 May → 30 days, in Q1's records?
    # No: the response was recorded in Q2, so Q1 has no figure and Q2 counts responses in Q2.
    assert measures.compute("median_days_to_respond", network, periods.quarter(2025, 1)) is None


def test_refreshing_a_past_quarter_stores_its_end_date_and_keeps_the_note():
    network = NetworkFactory()
    plan = PlanFactory(strategy=StrategyFactory(network=network), network=network, year=2025)
    indicator = MeasuredIndicatorFactory(plan=plan)
    org = OrganisationFactory()
    Membership.objects.create(organisation=org, network=network, joined_on="2025-04-10")
    row = indicators.refresh(indicator, 1)
    assert (row.value, row.as_at) == (1, datetime.date(2025, 6, 30))
    indicators.annotate(None, row, "One new member in the first quarter.")
    Membership.objects.create(organisation=OrganisationFactory(), network=network,
                              joined_on="2025-09-01")  # fmt: skip
    again = indicators.refresh(indicator, 1)
    assert again.value == 1
    assert IndicatorValue.objects.get(pk=row.pk).annotation.startswith("One new member")
    assert indicators.refresh(indicator, 2).value == 2


def test_every_measure_computes_on_an_empty_database():
    network = NetworkFactory()
    for measure in measures.all_measures():
        value = measures.compute(measure.key, network, periods.quarter(2025, 1))
        assert value is None or value >= 0, measure.key
    assert len(measures.all_measures()) >= 15
