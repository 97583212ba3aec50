"""The outcomes report: aggregates by cohort and follow-up with the base shown, withdrawn
answers left out, and small numbers hidden by the equality report's suppression."""

import pytest
from django.urls import reverse
from django.utils import timezone

from core.lib import suppression
from core.tests.factories import StaffFactory
from programmes.services import outcomes
from programmes.tests.factories import ApplicationFactory, CohortFactory, FollowUpFactory

pytestmark = pytest.mark.django_db


def answered(cohort, paid: bool, **kwargs):
    return FollowUpFactory(
        participant=ApplicationFactory(cohort=cohort, status="accepted"),
        answered_at=timezone.now(), paid_role=paid, in_sector=paid, **kwargs,
    )  # fmt: skip


def test_shares_with_the_base_and_withdrawn_answers_left_out():
    cohort = CohortFactory()
    for n in range(12):
        answered(cohort, paid=n < 6)
    answered(cohort, paid=True, withdrawn_at=timezone.now())
    row = outcomes.report(cohort.programme)["rows"][0]
    assert row.base == 12
    assert (row.cells[0].count, row.cells[0].percent) == (6, 50.0)


def test_small_numbers_are_hidden_and_cannot_be_worked_out():
    cohort = CohortFactory()
    for n in range(10):
        answered(cohort, paid=n < 9, confidence=5)  # nine of ten: the one who is not shows
    report = outcomes.report(cohort.programme)
    paid = report["rows"][0].cells[0]
    assert paid.hidden and paid.percent is None
    assert report["rule"] == suppression.RULE_STATEMENT


def test_a_tiny_cohort_shows_no_number_from_1_to_4(client):
    cohort = CohortFactory()
    for n in range(3):
        answered(cohort, paid=n == 0)
    row = outcomes.report(cohort.programme)["rows"][0]
    assert row.base is None and row.cells[0].hidden
    # The equality report's rule: zero is shown as 0, with no percentage of a hidden base.
    assert all(cell.hidden or (cell.count == 0 and cell.percent is None) for cell in row.cells)
    staff = StaffFactory()
    cohort.programme.network.staff.add(staff)
    client.force_login(staff)
    html = client.get(reverse("programmes:staff_outcomes", args=[cohort.programme.slug]))
    assert "[c]" in html.content.decode()
