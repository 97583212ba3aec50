"""Selection uses the awards app's rules: panel make-up, conflicts and recusal, score checks
and the weighted, normalised ranking."""

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse

from core.tests.factories import UserFactory
from members.tests.factories import OrganisationFactory
from programmes.models import PanelScore
from programmes.services import selection
from programmes.tests.factories import ApplicationFactory, CohortFactory, PanelSeatFactory

pytestmark = pytest.mark.django_db


def test_panel_warnings_are_the_awards_rules():
    cohort = CohortFactory(programme__quorum=2)
    PanelSeatFactory(cohort=cohort, lived_experience=False)
    found = selection.warnings(cohort)
    assert "The panel has 1 judge; it needs at least 2." in found
    assert "No judge on the panel has lived experience of the justice system." in found


def test_a_judge_from_the_applicants_organisation_is_recused_and_gets_a_404(client):
    organisation = OrganisationFactory(name="Open Doors")
    cohort = CohortFactory()
    application = ApplicationFactory(cohort=cohort, organisation=organisation)
    judge = UserFactory()
    selection.add_seat(None, cohort, judge, organisation=organisation)
    with pytest.raises(Http404):
        selection.application_for(judge, application.pk)
    client.force_login(judge)
    url = reverse("programmes:judge_application", args=[application.pk])
    assert client.get(url).status_code == 404


def test_scores_out_of_range_or_not_numbers_change_nothing(client):
    seat = PanelSeatFactory()
    application = ApplicationFactory(cohort=seat.cohort)
    criterion = seat.cohort.programme.criteria.first()
    with pytest.raises(ValidationError):
        selection.save_scores(seat.judge, seat, application, {criterion.pk: 11})
    client.force_login(seat.judge)
    url = reverse("programmes:judge_application", args=[application.pk])
    for bad in ("eleven", "-3", "99999999", "<b>"):
        assert client.post(url, {f"score_{criterion.pk}": bad}).status_code == 400
    assert not PanelScore.objects.exists()


def test_a_declared_interest_recuses_at_once():
    seat = PanelSeatFactory()
    application = ApplicationFactory(cohort=seat.cohort)
    with pytest.raises(ValidationError):
        selection.declare(seat.judge, seat, application, "  ")
    selection.declare(seat.judge, seat, application, "She is my cousin.")
    assert not selection.scoreable(seat).filter(pk=application.pk).exists()


def test_ranking_is_weighted_and_recused_scores_do_not_count():
    seat = PanelSeatFactory(cohort__programme__normalise_scores=False)
    strong, weak = (ApplicationFactory(cohort=seat.cohort) for _ in range(2))
    motivation, potential = seat.cohort.programme.criteria.all()  # weights 2 and 1
    selection.save_scores(seat.judge, seat, strong, {motivation.pk: 9, potential.pk: 3})
    selection.save_scores(seat.judge, seat, weak, {motivation.pk: 3, potential.pk: 9})
    rows = selection.ranked(seat.cohort)
    assert [r.application for r in rows] == [strong, weak]
    assert rows[0].raw == pytest.approx((2 * 9 + 3) / 3)
    selection.declare(seat.judge, seat, strong, "I know them.")
    rows = {r.application: r for r in selection.ranked(seat.cohort)}
    assert strong not in rows or rows[strong].raw is None
