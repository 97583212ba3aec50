"""The media dashboard: figures from MonthlyFigure, comparisons, charts, bad input."""

import csv
import datetime
import io

import pytest
from django.urls import reverse

from core.tests.factories import StaffFactory, UserFactory
from media.dashboard import Selection, build_dashboard
from media.models import MonthlyFigure
from media.tests.factories import CollectionFactory, OutletFactory
from taxonomy.models import Term

pytestmark = pytest.mark.django_db
URL = reverse("media:dashboard")


def figure(outlet, month, part=None, include_syndicated=False, **counts):
    values = {
        "articles": 10,
        "words": 5000,
        "articles_with_label": 4,
        "labels": 6,
        "sensational_words": 2,
        "articles_people_first": 3,
        "articles_thematic": 5,
        "articles_lived_experience": 1,
        "voices": {"police_official": 6, "lived_experience": 2},
        "score_total": 550.0,
        **counts,
    }
    return MonthlyFigure.objects.create(
        outlet=outlet, month=month, part=part, include_syndicated=include_syndicated, **values
    )


@pytest.fixture
def world():
    national = CollectionFactory(name="UK national press", slug="national")
    local = CollectionFactory(name="Local papers", slug="local")
    courier = OutletFactory(name="Daily Courier", slug="courier", collections=[national])
    gazette = OutletFactory(name="Town Gazette", slug="gazette", collections=[local])
    prisons = Term.objects.parts().get(slug="prisons")
    jan, feb = datetime.date(2025, 1, 1), datetime.date(2025, 2, 1)
    figure(courier, jan)
    figure(courier, feb, articles=20, words=10000, articles_with_label=2, labels=2)
    figure(
        gazette,
        jan,
        articles=5,
        words=2000,
        articles_with_label=0,
        labels=0,
        articles_lived_experience=4,
        voices={"lived_experience": 5},
    )
    figure(courier, jan, part=prisons, articles=4, articles_with_label=3)
    # Copies counted in: more articles, never read unless asked for.
    figure(courier, jan, include_syndicated=True, articles=30)
    # Last year, for comparisons.
    figure(courier, datetime.date(2024, 1, 1), articles=10, articles_with_label=8)
    return {
        "national": national,
        "local": local,
        "courier": courier,
        "gazette": gazette,
        "prisons": prisons,
    }


@pytest.fixture
def staff_client(client):
    client.force_login(StaffFactory())
    return client


def test_figures_are_summed_from_monthly_rows(world):
    board = build_dashboard(
        Selection(start=datetime.date(2025, 1, 1), end=datetime.date(2025, 2, 1))
    )
    assert board.totals.articles == 35
    assert board.totals.articles_with_label == 6
    assert board.totals.rates["label_share"] == round(100 * 6 / 35, 1)
    assert board.totals.rates["labels_per_1000"] == round(1000 * 8 / 17000, 2)
    assert board.totals.voices == {"police_official": 12, "lived_experience": 9}
    assert [g.label for g in board.by_month] == ["Jan 2025", "Feb 2025"]
    assert [g.figures.articles for g in board.by_month] == [15, 20]
    assert [g.label for g in board.by_outlet] == ["Daily Courier", "Town Gazette"]
    assert [(g.label, g.figures.articles) for g in board.by_part] == [("Prisons", 4)]


def test_syndicated_copies_and_collections_and_parts_narrow_the_selection(world):
    jan = datetime.date(2025, 1, 1)
    with_copies = build_dashboard(Selection(start=jan, end=jan, include_syndicated=True))
    assert with_copies.totals.articles == 30
    local = build_dashboard(Selection(start=jan, end=jan, collection=world["local"]))
    assert local.totals.articles == 5
    prisons = build_dashboard(Selection(start=jan, end=jan, part=world["prisons"]))
    assert prisons.totals.articles == 4


def test_a_month_without_articles_has_no_rates_rather_than_zero(world):
    board = build_dashboard(
        Selection(start=datetime.date(2025, 3, 1), end=datetime.date(2025, 3, 1))
    )
    assert board.totals.articles == 0
    assert board.totals.rates["label_share"] is None


def test_page_shows_figures_charts_and_tables(staff_client, world):
    response = staff_client.get(URL, {"start": "2025-01", "end": "2025-02"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Jan 2025 to Feb 2025, all outlets" in page
    assert page.count("<svg") == 5  # shares and per 1,000 words by month, outlets, parts, voices
    assert "Stigmatising labels and sensational words per 1,000 words by month" in page
    assert 'role="img"' in page
    assert "17.1%" in page  # 6 of 35 articles use a label
    assert reverse("media:outlet", args=["courier"]) in page


def test_raw_counts_are_a_toggle(staff_client, world):
    response = staff_client.get(URL, {"start": "2025-01", "end": "2025-02", "show": "counts"})
    page = response.content.decode()
    assert "Number of articles by month" in page
    assert "Share of articles" not in page


def test_comparing_two_periods_shows_both_side_by_side(staff_client, world):
    response = staff_client.get(
        URL,
        {
            "start": "2025-01",
            "end": "2025-01",
            "compare": "period",
            "compare_start": "2024-01",
            "compare_end": "2024-01",
        },
    )
    assert response.status_code == 200
    comparison = response.context["comparison"]
    label_share = next(row for row in comparison if row["key"] == "label_share")
    assert label_share["first"] == round(100 * 4 / 15, 1)
    assert label_share["second"] == 80.0
    assert label_share["change"] == round(80.0 - round(100 * 4 / 15, 1), 2)
    page = response.content.decode()
    assert 'id="comparison-table"' in page
    assert "Jan 2024 to Jan 2024, all outlets" in page


def test_comparing_two_collections(staff_client, world):
    response = staff_client.get(
        URL,
        {
            "start": "2025-01",
            "end": "2025-01",
            "collection": "national",
            "compare": "collection",
            "compare_collection": "local",
        },
    )
    rows = {row["key"]: row for row in response.context["comparison"]}
    assert rows["lived_experience_share"]["first"] == 10.0
    assert rows["lived_experience_share"]["second"] == 80.0


def test_htmx_gets_only_the_results(staff_client, world):
    response = staff_client.get(
        URL, {"start": "2025-01", "end": "2025-02"}, headers={"HX-Request": "true"}
    )
    page = response.content.decode()
    assert "<html" not in page and "<svg" in page


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"start": "2025-13"}, "Enter a real month"),
        ({"start": "last year"}, "Enter a month as year and month"),
        ({"start": "2025-1"}, "Enter a month as year and month"),
        ({"end": "9" * 5000}, "Enter a month as year and month"),
        ({"start": "2025-05", "end": "2025-01"}, "must not be before"),
        ({"start": "1990-01", "end": "2025-01"}, "at most 10 years"),
        ({"collection": "no-such-collection"}, "Select a valid choice"),
        ({"part": "<script>alert(1)</script>"}, "Select a valid choice"),
        ({"show": "everything"}, "Select a valid choice"),
        ({"compare": "period"}, "Choose the first and last month of the other period"),
        ({"start": "2025-01\x00"}, "Enter a month as year and month"),
    ],
)
def test_bad_choices_get_a_clear_message_and_no_figures(staff_client, world, params, message):
    response = staff_client.get(URL, params)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert "<svg" not in page
    assert "<script>alert" not in page


def test_page_costs_a_fixed_number_of_queries(staff_client, world, django_assert_max_num_queries):
    with django_assert_max_num_queries(11):  # session, user, 5 on figures, form choices
        staff_client.get(URL, {"start": "2025-01", "end": "2025-02"})


def csv_rows(response) -> list[dict]:
    body = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(body)))


def test_csv_matches_the_page(staff_client, world):
    params = {"start": "2025-01", "end": "2025-02"}
    page = staff_client.get(URL, params).context
    response = staff_client.get(reverse("media:dashboard_csv"), params)
    assert response["Content-Type"].startswith("text/csv")
    rows = csv_rows(response)
    total = next(r for r in rows if r["breakdown"] == "total")
    assert int(total["articles"]) == page["dashboard"].totals.articles
    assert float(total["label_share"]) == page["dashboard"].totals.rates["label_share"]
    outlets = [r["group"] for r in rows if r["breakdown"] == "outlet"]
    assert outlets == [g.label for g in page["dashboard"].by_outlet]
    months = [(r["group"], int(r["articles"])) for r in rows if r["breakdown"] == "month"]
    assert months == [("Jan 2025", 15), ("Feb 2025", 20)]
    assert int(total["voices_lived_experience"]) == 9


def test_csv_of_a_comparison_has_both_selections(staff_client, world):
    response = staff_client.get(
        reverse("media:dashboard_csv"),
        {
            "start": "2025-01",
            "end": "2025-01",
            "compare": "period",
            "compare_start": "2024-01",
            "compare_end": "2024-01",
        },
    )
    totals = [r for r in csv_rows(response) if r["breakdown"] == "total"]
    assert [int(r["articles"]) for r in totals] == [15, 10]


def test_csv_refuses_bad_choices(staff_client, world):
    response = staff_client.get(reverse("media:dashboard_csv"), {"start": "nope"})
    assert response.status_code == 400
    assert "Enter a month" in response.content.decode()


@pytest.mark.parametrize("name", ["media:dashboard", "media:dashboard_csv"])
def test_only_staff_and_admins(client, name):
    assert client.get(reverse(name)).status_code == 302
    client.force_login(UserFactory())
    assert client.get(reverse(name)).status_code == 403
