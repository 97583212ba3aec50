"""outcomes.graduates_in_senior_roles(network, as_at): the strategy indicator, as the
follow-up answers stood at a date."""

import datetime

import pytest
from django.utils import timezone

from members.tests.factories import NetworkFactory
from programmes.services import outcomes
from programmes.tests.factories import (
    ApplicationFactory,
    CohortFactory,
    FollowUpFactory,
    ProgrammeFactory,
)

pytestmark = pytest.mark.django_db

D = datetime.date


def moment(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


@pytest.fixture
def network():
    return NetworkFactory()


def _graduate(network, ends_on=None, status="accepted"):
    cohort = CohortFactory(
        programme=ProgrammeFactory(network=network),
        starts_on=D(2024, 9, 1), ends_on=ends_on or D(2025, 3, 31),
        applications_close=D(2024, 8, 1),
    )  # fmt: skip
    return ApplicationFactory(cohort=cohort, status=status)


def _answer(participant, point, day, **answers):
    return FollowUpFactory(
        participant=participant, point=point, due_on=day, answered_at=moment(day), **answers
    )


def test_counts_the_latest_answer_recorded_by_the_date(network):
    person = _graduate(network)
    _answer(person, "end", D(2025, 3, 31), seniority="manager", board_roles=0)
    _answer(person, "6", D(2025, 10, 1), seniority="senior", board_roles=0)
    _answer(person, "12", D(2026, 4, 1), seniority="manager", board_roles=0)
    count = outcomes.graduates_in_senior_roles
    assert count(network, D(2025, 9, 30)) == 0  # the senior answer came later
    assert count(network, D(2025, 10, 1)) == 1  # answered on the day: counts
    assert count(network, D(2026, 3, 31)) == 1
    assert count(network, D(2026, 4, 1)) == 0  # their latest answer by then: not senior


def test_a_board_seat_counts_and_each_graduate_counts_once(network):
    person = _graduate(network)
    _answer(person, "end", D(2025, 4, 1), seniority="senior", board_roles=1)
    _answer(person, "6", D(2025, 10, 1), seniority="entry", board_roles=2)
    assert outcomes.graduates_in_senior_roles(network, D(2026, 1, 1)) == 1


def test_leaves_out_withdrawn_answers_unfinished_cohorts_and_other_networks(network):
    withdrawn = _answer(_graduate(network), "end", D(2025, 4, 1), seniority="senior")
    withdrawn.withdrawn_at = moment(D(2025, 12, 1))
    withdrawn.save()
    still_going = _graduate(network, ends_on=D(2026, 6, 30))
    _answer(still_going, "end", D(2025, 4, 1), seniority="senior")
    _answer(_graduate(NetworkFactory()), "end", D(2025, 4, 1), seniority="senior")
    unanswered = FollowUpFactory(participant=_graduate(network), point="end", due_on=D(2025, 4, 1))
    assert unanswered.answered_at is None
    assert outcomes.graduates_in_senior_roles(network, D(2025, 12, 31)) == 0


def test_plans_measure_uses_it_and_shows_its_definition(network):
    from plans.services import measures, periods

    _answer(_graduate(network), "end", D(2025, 5, 1), seniority="senior")
    measure = measures.get("graduates_in_senior_roles")
    assert measure.definition == outcomes.SENIOR_ROLES_DEFINITION
    # Plan years start in April: Q4 2024/25 ends on 31 March 2025, Q1 2025/26 on 30 June.
    assert measures.compute(measure.key, network, periods.quarter(2024, 4)) == 0
    assert measures.compute(measure.key, network, periods.quarter(2025, 1)) == 1
