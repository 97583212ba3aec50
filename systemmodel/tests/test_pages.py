"""The scenario page, its CSVs, saving, the saved scenario's permanent page, compare,
publishing and the how-it-works page."""

import csv
import io

import pytest
from django.urls import reverse

from core.tests.factories import StaffFactory, UserFactory
from systemmodel.models import Scenario
from systemmodel.tests.factories import ScenarioFactory

pytestmark = pytest.mark.django_db
PAGE = reverse("systemmodel:scenario_page")


def test_scenario_page_works_without_javascript_and_shows_every_headline(client):
    page = client.get(
        PAGE, {"short_sentence_presumption": "6", "diversion": "0.1"}
    ).content.decode()
    assert "<form" in page and 'name="release_point"' in page
    for label in ("People in prison", "Probation caseload", "Proven reoffences", "Cost of prison"):
        assert label in page
    assert page.count('role="img"') >= 7
    assert "fewer people in prison after 3 years" in page


def test_htmx_request_gets_only_the_results(client):
    response = client.get(PAGE, {"diversion": "0.2"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert body.lstrip().startswith("{% load") is False
    assert 'id="model-results"' in body and "<html" not in body


def test_changing_a_lever_changes_the_table(client):
    today = client.get(PAGE).content.decode()
    changed = client.get(PAGE, {"release_point": "0.4"}).content.decode()
    assert today != changed


@pytest.mark.parametrize(
    "bad", [{"release_point": "2"}, {"short_sentence_presumption": "3"}, {"diversion": "lots"}]
)
def test_bad_levers_show_a_message_and_todays_practice(client, bad):
    page = client.get(PAGE, bad).content.decode()
    assert "There is a problem" in page
    assert "these results show today" in page


def test_csv_has_a_row_per_month_and_escapes_nothing_it_should_not(client):
    response = client.get(
        reverse("systemmodel:results_csv", args=["prison_population"]), {"diversion": "0.1"}
    )
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][0] == "month" and len(rows) == 121
    assert response["Content-Disposition"].startswith("attachment")


def test_csv_refuses_bad_levers_and_unknown_series(client):
    assert (
        client.get(
            reverse("systemmodel:results_csv", args=["prison_population"]), {"release_point": "9"}
        ).status_code
        == 400
    )
    assert client.get(reverse("systemmodel:results_csv", args=["nonsense"])).status_code == 404


def test_saving_needs_an_account_and_gives_a_permanent_address(client):
    data = {"title": "Half the remands", "description": "", "remand_to_bail": "0.5"}
    assert client.post(reverse("systemmodel:save"), data).status_code == 302
    assert not Scenario.objects.exists()
    user = UserFactory()
    client.force_login(user)
    response = client.post(reverse("systemmodel:save"), data)
    scenario = Scenario.objects.get()
    assert response["Location"] == scenario.get_absolute_url()
    assert scenario.levers == {"remand_to_bail": 0.5} and scenario.created_by == user
    assert client.get(scenario.get_absolute_url()).status_code == 200


def test_saving_with_bad_input_changes_nothing(client):
    client.force_login(UserFactory())
    response = client.post(reverse("systemmodel:save"), {"title": "", "release_point": "5"})
    assert response.status_code == 400 and not Scenario.objects.exists()


def test_drafts_are_private_to_their_author_and_staff(client):
    draft = ScenarioFactory(is_published=False)
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(UserFactory())
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(draft.created_by)
    assert client.get(draft.get_absolute_url()).status_code == 200
    client.force_login(StaffFactory())
    assert client.get(draft.get_absolute_url()).status_code == 200


def test_compare_two_scenarios_side_by_side(client):
    first = ScenarioFactory(title="Presumption", levers={"short_sentence_presumption": 6})
    second = ScenarioFactory(title="Diversion", levers={"diversion": 0.3})
    page = client.get(
        reverse("systemmodel:compare"), {"s": [first.slug, second.slug]}
    ).content.decode()
    assert "Presumption" in page and "Diversion" in page and "Today&#x27;s practice" in page
    assert page.count('role="img"') >= 7


@pytest.mark.parametrize("count", [1, 5])
def test_compare_needs_two_to_four(client, count):
    slugs = [ScenarioFactory().slug for _ in range(count)]
    response = client.get(reverse("systemmodel:compare"), {"s": slugs})
    assert response.status_code == 400
    assert "between two and four" in response.content.decode()


def test_how_it_works_has_diagram_sources_validation_and_limits(client):
    page = client.get(reverse("systemmodel:how_it_works")).content.decode()
    assert "Stocks and flows of the model" in page
    assert "Offender management statistics quarterly" in page
    assert "No published figure found" in page
    assert "What the model cannot do" in page and "30 June 2024" in page


def test_the_limits_read_at_grade_nine_or_below():
    """The project's readability measure (textstat, as the dictionary's tests use it)."""
    import textstat

    from systemmodel.services.explaining import LIMITS

    assert textstat.flesch_kincaid_grade(" ".join(LIMITS)) <= 9
