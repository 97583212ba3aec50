"""The published report: nothing from 1 to 4 shown or derivable in the page, CSV or PDF,
percentages hidden with counts, references named, year on year from the frozen figures."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils.html import escape

from core.lib.suppression import RULE_STATEMENT, TOTAL, Relation
from core.tests.factories import StaffFactory
from equality.models import Group, PublishedReport, Response
from equality.questions import CONSENT_WORDING, QUESTIONS
from equality.services import reports
from equality.tests.factories import ExerciseFactory

pytestmark = pytest.mark.django_db


def add_answers(exercise, count, **fields):
    for number in range(count):
        data = {q.field: "prefer_not" for q in QUESTIONS}
        data.update(fields)
        Response.objects.create(
            exercise=exercise, token=f"{exercise.pk}-{number}-{sorted(fields.items())}",
            consent_wording=CONSENT_WORDING, consented_at="2026-01-01T00:00Z", **data,
        )  # fmt: skip


@pytest.fixture
def year_of_answers():
    leaders = ExerciseFactory(group=Group.MEMBER_LEADERSHIP, year=2026)
    trustees = ExerciseFactory(group=Group.TRUSTEES, year=2026)
    add_answers(leaders, 30, ethnicity="white_1", sex="female")
    add_answers(leaders, 12, ethnicity="black_2", sex="male")
    add_answers(leaders, 3, ethnicity="asian_3", sex="male")  # small: hidden
    add_answers(trustees, 8, ethnicity="white_1", sex="female")
    add_answers(trustees, 2, ethnicity="mixed_1", sex="male")  # small: hidden
    return leaders, trustees


def assert_nothing_recoverable(figures):
    """Rebuild the report's relations from the figures and check no hidden cell is fixed by
    them and no count 1 to 4 is shown (an independent check through the module's solver)."""
    from core.lib.suppression import solvable_keys

    keys = {tuple(k.split("|")): v for k, v in figures.items()}
    shown_small = [k for k, v in keys.items() if v is not None and 0 < v < 5]
    assert shown_small == []
    hidden = {k for k, v in keys.items() if v is None}
    relations = []
    for table in reports.tables_for_year(2026):
        from core.lib.suppression import cells_and_relations

        relations += cells_and_relations(table)[1]
    assert all(isinstance(r, Relation) for r in relations)
    assert solvable_keys(relations, hidden) == set()


def test_small_counts_and_what_would_give_them_away_are_hidden(year_of_answers):
    report = reports.publish(2026, StaffFactory())
    figures = report.figures
    assert figures["ethnicity|asian|member_leadership"] is None
    assert figures["ethnicity|mixed|trustees"] is None
    assert figures["respondents|Total|trustees"] == 10
    assert (
        figures["ethnicity|white|member_leadership"] is None
        or figures["ethnicity|black|member_leadership"] is None
    )  # a complementary cell in the leaders' column
    assert_nothing_recoverable(figures)


def test_the_page_shows_the_rule_the_references_and_hides_percentages(client, year_of_answers):
    reports.publish(2026, StaffFactory())
    page = client.get(reverse("equality:report", args=[2026])).content.decode()
    assert escape(RULE_STATEMENT) in page
    assert "Census 2021" in page and "Offender management statistics quarterly" in page
    # The trustees' 2 of 10 (20%) is hidden with its percentage; so is the 8 (80%) that
    # would give it away by subtraction from the 10.
    assert "20.0%" not in page and "80.0%" not in page
    context = reports.report_context(PublishedReport.objects.get().figures, 2026)
    figures = [f for section in context["sections"] for row in section.rows for f in row.by_group]
    assert all(f.percent is None for f in figures if f.hidden)
    assert any(f.percent is not None for f in figures if not f.hidden)


def test_the_csv_has_every_figure_of_the_page_and_no_small_number(client, year_of_answers):
    reports.publish(2026, StaffFactory())
    response = client.get(reverse("equality:report_csv", args=[2026]))
    assert response["Content-Disposition"].startswith("attachment")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:5] == ["characteristic", "category", "group", "count", "percent of group"]
    counts = [row[3] for row in rows[1:] if len(row) > 4]
    assert "[c]" in counts
    assert not [c for c in counts if c.isdigit() and 0 < int(c) < 5]
    asian = next(r for r in rows if r[1].startswith("Asian") and r[2].startswith("Member"))
    assert asian[3] == "[c]" and asian[4] == "[c]"


def test_the_pdf_is_a_pdf(client, year_of_answers):
    reports.publish(2026, StaffFactory())
    response = client.get(reverse("equality:report_pdf", args=[2026]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_next_year_keeps_last_years_hidden_figure_hidden_when_unchanged(year_of_answers):
    leaders, trustees = year_of_answers
    reports.publish(2026, StaffFactory())
    # 2027: the same board (unchanged trustee figures), more member leaders.
    next_trustees = ExerciseFactory(group=Group.TRUSTEES, year=2027)
    next_leaders = ExerciseFactory(group=Group.MEMBER_LEADERSHIP, year=2027)
    add_answers(next_trustees, 8, ethnicity="white_1", sex="female")
    add_answers(next_trustees, 2, ethnicity="mixed_1", sex="male")
    add_answers(next_leaders, 40, ethnicity="white_1", sex="female")
    add_answers(next_leaders, 20, ethnicity="asian_3", sex="male")
    last = PublishedReport.objects.get(year=2026)
    hidden_last_year = {k for k, v in last.figures.items() if v is None}
    figures, counts = reports.figures_for_year(2027)
    for key in hidden_last_year:
        if counts.get(key) == last.true_counts[key]:
            assert figures[key] is None, key
    report = reports.publish(2027, StaffFactory())
    context = reports.report_context(report.figures, 2027)
    assert context["last_year"] == 2026
    ethnicity = context["sections"][0]
    # Last year's column is last year's report as published, hidden figures and all.
    asian = next(r for r in ethnicity.rows if r.label.startswith("Asian"))
    assert asian.last_year.hidden
    # Year on year for each group too: the trustees' 2 of 10 Mixed is hidden in both years.
    mixed = next(r for r in ethnicity.rows if r.label.startswith("Mixed"))
    trustees_now, trustees_before = mixed.year_on_year[reports.GROUPS.index(Group.TRUSTEES)]
    assert len(mixed.year_on_year) == len(reports.GROUPS) + 1
    assert trustees_now.hidden and trustees_before.hidden
    white = next(r for r in ethnicity.rows if r.label == "White")
    leaders_now, leaders_before = white.year_on_year[reports.GROUPS.index(Group.MEMBER_LEADERSHIP)]
    assert leaders_before.count == 30  # last year's as published
    assert leaders_now.hidden or leaders_now.count == 40  # may be a complementary cell
    prefer_not = next(r for r in context["sections"][1].rows if r.label == "Prefer not to say")
    assert prefer_not.last_year.count == last.figures["sex|prefer_not|Total"] == 0


def test_staff_preview_equals_what_is_published(client, year_of_answers):
    client.force_login(StaffFactory())
    preview = client.get(reverse("equality:staff_preview", args=[2026])).content.decode()
    client.post(reverse("equality:staff_publish", args=[2026]))
    page = client.get(reverse("equality:report", args=[2026])).content.decode()

    def tables(html):
        return html[html.index('id="rule-heading"') : html.index('id="sources-heading"')]

    assert tables(preview) == tables(page)
    assert TOTAL in page
