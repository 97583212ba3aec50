"""Bad input gets a clear message and changes nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from core.tests.factories import UserFactory
from members.tests.factories import NetworkFactory, OrganisationFactory, member_contact_for
from plans.models import IndicatorValue, SurveyResponse, Unit
from plans.services import indicators, survey
from plans.tests.factories import IndicatorFactory, SurveyFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "unit", "message"),
    [
        ("12", Unit.PERCENT, "measured in number"),
        ("12%", Unit.COUNT, "looks like per cent"),
        ("twelve", Unit.COUNT, "not a number"),
        ("1e400", Unit.COUNT, "too large"),
        ("-3", Unit.COUNT, "negative"),
        ("2.5", Unit.COUNT, "whole number"),
        ("NaN", Unit.COUNT, "too large"),
    ],
)
def test_wrong_unit_or_malformed_values_are_refused(text, unit, message):
    indicator = IndicatorFactory(unit=Unit.COUNT)
    with pytest.raises(indicators.ValueRefused, match=message):
        indicators.record_reported(None, indicator, 1, text, unit,
                                   indicators.Evidence(note="Minutes"))  # fmt: skip
    assert not IndicatorValue.objects.exists()


def test_percentages_above_100_are_refused():
    indicator = IndicatorFactory(unit=Unit.PERCENT)
    with pytest.raises(indicators.ValueRefused, match="more than 100"):
        indicators.record_reported(None, indicator, 1, "140%", Unit.PERCENT,
                                   indicators.Evidence(note="x"))  # fmt: skip


def test_a_reported_value_needs_evidence_and_keeps_the_file():
    indicator = IndicatorFactory(unit=Unit.COUNT)
    with pytest.raises(indicators.ValueRefused, match="evidence"):
        indicators.record_reported(None, indicator, 1, "4", Unit.COUNT, indicators.Evidence())
    upload = SimpleUploadedFile("minutes.txt", b"Four forums were held.")
    row = indicators.record_reported(None, indicator, 1, "4", Unit.COUNT,
                                     indicators.Evidence(upload=upload))  # fmt: skip
    assert row.value == 4 and row.evidence_name == "minutes.txt"


def test_a_quarter_outside_the_plan_is_refused_for_values():
    from plans.services.periods import QuarterOutsidePlan

    indicator = IndicatorFactory()
    with pytest.raises(QuarterOutsidePlan):
        indicators.record_reported(None, indicator, 5, "4", Unit.COUNT,
                                   indicators.Evidence(note="x"))  # fmt: skip


def test_a_second_answer_from_the_same_organisation_is_refused():
    network = NetworkFactory()
    organisation = OrganisationFactory(networks=[network])
    first, second = UserFactory(), UserFactory()
    member_contact_for(organisation, first)
    member_contact_for(organisation, second)
    found = SurveyFactory(network=network)
    answers = {s.pk: "4" for s in found.statements.all()}
    survey.submit(first, found, organisation, answers, "Helpful.")
    with pytest.raises(survey.AnswerRefused, match="already answered"):
        survey.submit(second, found, organisation, answers, "Also helpful.")
    assert SurveyResponse.objects.count() == 1


def test_an_answer_off_the_scale_or_for_another_organisation_is_refused():
    network = NetworkFactory()
    organisation = OrganisationFactory(networks=[network])
    user = UserFactory()
    member_contact_for(organisation, user)
    found = SurveyFactory(network=network)
    with pytest.raises(survey.AnswerRefused, match="Choose how far"):
        survey.submit(user, found, organisation, {s.pk: "9" for s in found.statements.all()}, "")
    other = OrganisationFactory(networks=[network])
    with pytest.raises(survey.AnswerRefused, match="only for a member organisation"):
        survey.submit(user, found, other, {s.pk: "4" for s in found.statements.all()}, "")
    assert not SurveyResponse.objects.exists()


def test_results_give_percentages_with_their_base():
    network = NetworkFactory()
    found = SurveyFactory(network=network)
    for agreement in ("5", "4", "2", "4"):
        organisation = OrganisationFactory(networks=[network])
        user = UserFactory()
        member_contact_for(organisation, user)
        survey.submit(user, found, organisation, {s.pk: agreement for s in found.statements.all()},
                      "")  # fmt: skip
    first = survey.results(found)["statements"][0]
    assert first["base"] == 4 and first["agree_percent"] == 75
