"""Judging that is fair and seen to be fair: a recused judge cannot see or score the
nomination (even by typing its address), nobody sees another judge's scores before the
panel closes, recused judges' scores never count, and scores stay in range."""

import pytest
from django.urls import reverse
from django.utils import timezone

from awards.models import Conflict, Score
from awards.services import panels, ranking_data
from awards.tests.factories import (
    CategoryFactory,
    NominationFactory,
    PanelMemberFactory,
    score_all,
)
from core.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def panel():
    category = CategoryFactory()
    judges = [PanelMemberFactory(category=category) for _ in range(3)]
    first, second = NominationFactory(category=category), NominationFactory(category=category)
    return category, judges, first, second


def _score_url(nomination):
    return reverse("awards:judge_score", args=[nomination.pk])


def _form(category, value, comment="Clear impact."):
    data = {}
    for criterion in category.criteria.all():
        data[f"score_{criterion.pk}"] = value
        data[f"comment_{criterion.pk}"] = comment
    return data


def test_a_judge_scores_on_their_panel(client, panel):
    category, judges, first, _second = panel
    client.force_login(judges[0].judge)
    response = client.post(_score_url(first), _form(category, 7))
    assert response.status_code == 302
    assert Score.objects.filter(panel_member=judges[0], nomination=first).count() == 3
    assert AuditEntry.objects.filter(content_type__model="score").count() == 3


def test_scores_out_of_range_are_refused_and_nothing_is_saved(client, panel):
    category, judges, first, _second = panel
    client.force_login(judges[0].judge)
    response = client.post(_score_url(first), _form(category, category.score_max + 1))
    assert response.status_code == 400
    assert "Give impact a whole number from 1 to 10." in response.content.decode()
    assert client.post(_score_url(first), _form(category, "seven")).status_code == 400
    assert not Score.objects.exists()


def test_a_declared_conflict_hides_the_nomination_and_blocks_scoring(client, panel):
    category, judges, first, second = panel
    client.force_login(judges[0].judge)
    response = client.post(
        reverse("awards:judge_declare", args=[first.pk]), {"reason": "I chair its board."}
    )
    assert response.status_code == 302
    assert Conflict.objects.get().recused
    assert client.get(_score_url(first)).status_code == 404
    assert client.post(_score_url(first), _form(category, 9)).status_code == 404
    panel_page = client.get(reverse("awards:judge_panel", args=[category.pk])).content.decode()
    assert _score_url(first) not in panel_page and _score_url(second) in panel_page
    assert not Score.objects.filter(nomination=first).exists()


def test_a_recused_judges_earlier_scores_never_count(panel):
    category, judges, first, second = panel
    score_all(judges[0], first, [10, 10, 10])
    score_all(judges[1], first, [4, 4, 4])
    score_all(judges[0], second, [5, 5, 5])
    Conflict.objects.create(panel_member=judges[0], nomination=first, source="declared",
                            reason="Trustee")  # fmt: skip
    result = ranking_data.category_ranking(category)
    row = next(r for r in result.rows if r.nomination_id == first.pk)
    assert row.raw == 4.0 and row.judges == 1
    assert result.ignored_scores == 3
    other = next(r for r in result.rows if r.nomination_id == second.pk)
    assert other.raw == 5.0  # their other scores are unaffected


def test_a_judge_cannot_reach_another_panels_nomination(client, panel):
    _category, judges, _first, _second = panel
    elsewhere = NominationFactory()
    client.force_login(judges[0].judge)
    assert client.get(_score_url(elsewhere)).status_code == 404
    assert (
        client.get(reverse("awards:judge_panel", args=[elsewhere.category_id])).status_code == 404
    )


def test_other_judges_scores_only_after_the_panel_closes(client, panel):
    category, judges, first, _second = panel
    for criterion in category.criteria.all():
        Score.objects.create(panel_member=judges[1], nomination=first, criterion=criterion,
                             value=3, comment="A secret view")  # fmt: skip
    client.force_login(judges[0].judge)
    assert "A secret view" not in client.get(_score_url(first)).content.decode()
    category.panel_closed_at = timezone.now()
    category.save()
    assert "A secret view" in client.get(_score_url(first)).content.decode()
    # Once closed, nobody's scores change.
    assert client.post(_score_url(first), _form(category, 9)).status_code == 400


def test_conflicts_are_detected_from_the_shared_records(panel):
    category, judges, first, _second = panel
    from members.tests.factories import OrganisationFactory

    organisation = OrganisationFactory(name="Open Doors")
    first.organisation = organisation
    first.save()
    judges[0].organisation = organisation
    judges[0].save()
    nominated_by_colleague = NominationFactory(
        category=category, nominator__organisation_name="open doors"
    )
    assert panels.detect_conflicts(category) == 2
    reasons = dict(Conflict.objects.values_list("nomination_id", "reason"))
    assert "judge's organisation" in reasons[first.pk]
    assert "nominated it" in reasons[nominated_by_colleague.pk]
    assert panels.detect_conflicts(category) == 0  # once only
    assert AuditEntry.objects.filter(content_type__model="conflict").count() == 2


def test_staff_override_needs_a_reason_and_restores_the_judge(client, panel):
    category, judges, first, _second = panel
    conflict = Conflict.objects.create(panel_member=judges[0], nomination=first,
                                       source="detected", reason="Same network")  # fmt: skip
    from django.core.exceptions import ValidationError

    from core.tests.factories import StaffFactory

    staff = StaffFactory()
    with pytest.raises(ValidationError):
        panels.set_recusal(staff, conflict, recused=False, reason=" ")
    panels.set_recusal(staff, conflict, recused=False, reason="A distant, historic tie.")
    client.force_login(judges[0].judge)
    assert client.get(_score_url(first)).status_code == 200


def test_panel_warnings_for_quorum_and_make_up():
    from members.tests.factories import OrganisationFactory

    category = CategoryFactory(quorum=3, needs_lived_experience_judge=True)
    organisation = OrganisationFactory()
    members = [PanelMemberFactory(category=category, organisation=organisation) for _ in range(2)]
    warnings = " ".join(panels.warnings(category))
    assert "needs at least 3" in warnings
    assert "lived experience" in warnings
    assert "same organisation" in warnings
    PanelMemberFactory(category=category, lived_experience=True)
    nomination = NominationFactory(category=category)
    Conflict.objects.create(panel_member=members[0], nomination=nomination, source="declared",
                            reason="x")  # fmt: skip
    assert panels.warnings(category) == [
        f"After recusals only 2 judges can score {nomination.nominee_name}; the quorum is 3."
    ]


def test_blind_judging_hides_nominators(client, panel):
    category, judges, first, _second = panel
    nominator = first.nominators.get()
    category.cycle.blind_judging = True
    category.cycle.save()
    client.force_login(judges[0].judge)
    page = client.get(_score_url(first)).content.decode()
    assert nominator.name not in page and "Nominator 1" in page


def test_another_judges_recusal_does_not_hide_a_nomination_staff_let_this_judge_score(
    client, panel
):
    category, judges, first, _second = panel
    Conflict.objects.create(panel_member=judges[0], nomination=first, source="detected",
                            reason="Same network", recused=False,
                            override_reason="A distant tie.")  # fmt: skip
    Conflict.objects.create(panel_member=judges[1], nomination=first, source="declared",
                            reason="Trustee")  # fmt: skip
    client.force_login(judges[0].judge)
    assert client.get(_score_url(first)).status_code == 200
