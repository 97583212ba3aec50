"""Every comparison figure is cited (publication, table, date, address) or, where no checked
figure exists, the report says why in its place; nothing is shown that the data does not
cite."""

import csv
import io

import pytest
from django.urls import reverse

from core.tests.factories import StaffFactory
from equality.models import Group
from equality.questions import QUESTIONS
from equality.services import reports
from equality.services.references import citation, reference_columns, references
from equality.tests.factories import ExerciseFactory
from equality.tests.test_report import add_answers


@pytest.mark.parametrize("reference", [r["key"] for r in reference_columns()])
@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.field)
def test_each_question_is_cited_or_says_why_not(reference, question):
    entry = references()["figures"][reference][question.field]
    values = entry["values"]
    if not values:
        assert entry["missing"].startswith("Not shown:")
        return
    assert set(values) <= {code for code, _ in question.categories()}
    assert sum(values.values()) <= 100.5  # shares of one base, as published
    cited = citation(reference, question.field)
    for field in ("title", "table", "published", "url", "base"):
        assert cited[field], field
    assert cited["url"].startswith("https://")
    assert not cited["checked_in"].endswith(".")  # the page adds the full stop


def test_prison_figures_are_those_of_the_cited_tables():
    prison = references()["figures"]["prison"]
    assert prison["ethnicity"]["values"] == {
        "white": 71.8, "black": 12.1, "asian": 8.0, "mixed": 4.8, "other": 2.0,
    }  # fmt: skip
    assert "31 March 2024" in prison["ethnicity"]["title"]
    # Prisons' "not recorded" is not a choice not to say: never put under Prefer not to say.
    assert not any("prefer_not" in entry["values"] for entry in prison.values())


@pytest.mark.django_db
def test_the_page_and_csv_show_each_citation_and_each_reason(client):
    exercise = ExerciseFactory(group=Group.MEMBER_LEADERSHIP, year=2026)
    add_answers(exercise, 20, ethnicity="white_1", sex="female")
    reports.publish(2026, StaffFactory())
    page = client.get(reverse("equality:report", args=[2026])).content.decode()
    assert "Prison Population by Ethnic Group as of 31 March 2024" in page
    assert "HMPPS Offender Equalities Annual Report 2022-23" in page
    assert "prison statistics use other age bands" in page
    response = client.get(reverse("equality:report_csv", args=[2026]))
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    cited = {row[0]: row[1:] for row in rows if row and ": " in row[0]}
    assert cited["Ethnic group: Prison population of England and Wales"][0].startswith(
        "Offender management statistics quarterly"
    )
    assert cited["Disability: Population of England and Wales (Census 2021)"][0].startswith(
        "Not shown:"
    )
