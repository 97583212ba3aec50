"""The staff dashboard: status over time as at each period's end, stale recommendations,
follow-ups and recent changes, for a small timeline whose answers are known."""

import datetime
from collections import Counter

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.tests.factories import StaffFactory
from influence.models import Status
from influence.services import dashboard
from influence.tests.factories import RecommendationFactory, TargetBodyFactory, add_entry

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def timeline():
    """Two recommendations, two targets; one entry is corrected.

    A / moj: raised 2021-03-01, acknowledged 2022-02-01, accepted 2023-06-30
    A / ho:  raised 2022-12-31
    B / moj: raised 2021-05-01, rejected 2022-08-01 -- corrected (same day) to considering
    """
    moj = TargetBodyFactory(name="Ministry of Justice", slug="moj")
    home = TargetBodyFactory(name="Home Office", slug="ho")
    a = RecommendationFactory(slug="a", title="A", targets=[moj, home])
    b = RecommendationFactory(slug="b", title="B", targets=[moj])
    add_entry(a, moj, Status.RAISED, D(2021, 3, 1))
    add_entry(a, moj, Status.ACKNOWLEDGED, D(2022, 2, 1))
    add_entry(a, moj, Status.ACCEPTED, D(2023, 6, 30))
    add_entry(a, home, Status.RAISED, D(2022, 12, 31))
    add_entry(b, moj, Status.RAISED, D(2021, 5, 1))
    replacement = add_entry(b, moj, Status.CONSIDERING, D(2022, 8, 1))
    add_entry(b, moj, Status.REJECTED, D(2022, 8, 1), corrected_by=replacement)
    return {"a": a, "b": b, "moj": moj, "home": home}


def test_status_as_at_each_date(timeline):
    counts = dashboard.status_counts_as_at(
        [
            D(2020, 12, 31),
            D(2021, 3, 1),
            D(2021, 12, 31),
            D(2022, 12, 30),
            D(2022, 12, 31),
            D(2023, 12, 31),
        ]
    )
    assert counts[0] == Counter()
    assert counts[1] == Counter({Status.RAISED: 1})  # on the day counts
    assert counts[2] == Counter({Status.RAISED: 2})
    # The corrected "rejected" never counts; its replacement does.
    assert counts[3] == Counter({Status.ACKNOWLEDGED: 1, Status.CONSIDERING: 1})
    assert counts[4] == Counter({Status.ACKNOWLEDGED: 1, Status.CONSIDERING: 1, Status.RAISED: 1})
    assert counts[5] == Counter({Status.ACCEPTED: 1, Status.CONSIDERING: 1, Status.RAISED: 1})


def test_merged_duplicates_are_not_counted_twice(timeline):
    duplicate = RecommendationFactory(slug="dup", targets=[timeline["moj"]])
    add_entry(duplicate, timeline["moj"], Status.RAISED, D(2021, 1, 1))
    duplicate.merged_into = timeline["a"]
    duplicate.save()
    assert dashboard.status_counts_as_at([D(2021, 1, 31)]) == [Counter()]


def test_year_and_quarter_periods():
    today = D(2024, 5, 15)
    years = dashboard.period_ends(today, "year", D(2021, 7, 1))
    assert years == [
        ("2021", D(2021, 12, 31)),
        ("2022", D(2022, 12, 31)),
        ("2023", D(2023, 12, 31)),
        ("2024", today),
    ]
    quarters = dashboard.period_ends(today, "quarter", None)
    assert len(quarters) == 12
    assert quarters[-1] == ("Q2 2024", today)
    assert quarters[-2] == ("Q1 2024", D(2024, 3, 31))
    assert quarters[0] == ("Q3 2021", D(2021, 9, 30))


def test_dashboard_numbers(timeline, monkeypatch):
    monkeypatch.setattr(dashboard.timezone, "localdate", lambda: D(2024, 3, 1))
    a, b = timeline["a"], timeline["b"]
    a.follow_up_on, a.follow_up_note = D(2024, 4, 15), "Ask for the implementation plan"
    a.save()
    b.follow_up_on = D(2024, 2, 1)
    b.save()
    never = RecommendationFactory(slug="never", title="Never updated", targets=[])
    never.first_made_on = D(2020, 1, 1)
    never.save()
    client = Client()
    client.force_login(StaffFactory())
    response = client.get(reverse("influence:staff_dashboard"))
    assert response.status_code == 200
    context = response.context
    table = {label: (counts, total) for label, counts, total in context["chart"]["table"]}
    assert list(table) == ["2021", "2022", "2023", "2024"]
    order = [s.key for s in dashboard.STATUS_SERIES]
    as_2022 = dict(zip(order, table["2022"][0], strict=True))
    assert as_2022[Status.ACKNOWLEDGED] == 1
    assert as_2022[Status.CONSIDERING] == 1
    assert as_2022[Status.RAISED] == 1
    assert as_2022[Status.REJECTED] == 0
    assert table["2024"][1] == 3
    # B's last uncorrected entry is 1 Aug 2022: over a year before 1 March 2024; A's is
    # June 2023, within the year. "Never" was first made in 2020 with no entries at all.
    assert context["stale_count"] == 2
    assert {r.slug for r in context["stale"]} == {"b", "never"}
    assert [r.slug for r in context["overdue"]] == ["b"]
    assert [r.slug for r in context["upcoming"]] == ["a"]
    assert len(context["recent_changes"]) == 7
    content = response.content.decode()
    assert "Ask for the implementation plan" in content
    assert '<table class="chart-data">' in content and "<caption>" in content


def test_dashboard_queries_do_not_grow_with_recommendations(timeline):
    client = Client()
    client.force_login(StaffFactory())
    url = reverse("influence:staff_dashboard")
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    for n in range(15):
        r = RecommendationFactory(slug=f"more-{n}", targets=[timeline["moj"]])
        add_entry(r, timeline["moj"], Status.RAISED, D(2020, 1, 1))
        r.follow_up_on = D(2020, 1, 1)
        r.save()
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    assert len(large) == len(small)
