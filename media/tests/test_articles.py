"""The article list: filters with counts, full-text search, pagination, CSV, bad input."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from core.tests.factories import StaffFactory
from media.articles import filter_articles, search
from media.models import Article, Voice
from media.tests.factories import ArticleFactory, CollectionFactory, OutletFactory
from taxonomy.models import Term

pytestmark = pytest.mark.django_db
URL = reverse("media:articles")


def when(year, month, day=15):
    return timezone.make_aware(datetime.datetime(year, month, day, 9, 0))


@pytest.fixture
def world():
    national = CollectionFactory(name="UK national press", slug="national")
    courier = OutletFactory(name="Daily Courier", slug="courier", collections=[national])
    gazette = OutletFactory(name="Town Gazette", slug="gazette")
    prisons = Term.objects.parts().get(slug="prisons")
    labelled = ArticleFactory(
        outlet=courier,
        title="Offender walks free from court",
        text="The offender was released on Monday. Police said the case was closed.",
        published_at=when(2025, 1),
        headline_labels=1,
        body_labels=1,
        parts=[prisons],
    )
    Voice.objects.create(article=labelled, category="police_official", speaker="Police")
    thematic = ArticleFactory(
        outlet=gazette,
        title="Housing scheme helps people leaving prison",
        text="Reoffending fell by a quarter, according to research. Prisons are crowded.",
        published_at=when(2025, 2),
        is_thematic=True,
        has_lived_experience_voice=True,
    )
    Voice.objects.create(article=thematic, category="lived_experience", speaker="Dee")
    copy = ArticleFactory(
        outlet=gazette,
        title="Offender walks free (wire copy)",
        text="The offender was released on Monday, the wire reported.",
        published_at=when(2025, 1, 20),
        headline_labels=1,
        is_syndicated_copy=True,
    )
    return {"labelled": labelled, "thematic": thematic, "copy": copy, "prisons": prisons}


@pytest.fixture
def staff_client(client):
    client.force_login(StaffFactory())
    return client


def titles(response) -> list[str]:
    return [a.title for a in response.context["page"].object_list]


def test_lists_every_article_newest_first_with_counts(staff_client, world):
    response = staff_client.get(URL)
    assert response.status_code == 200
    assert titles(response) == [
        world["thematic"].title,
        world["copy"].title,
        world["labelled"].title,
    ]
    counts = response.context["counts"]
    assert (counts.total, counts.with_label, counts.thematic, counts.syndicated_copies) == (
        3,
        2,
        1,
        1,
    )
    assert "3 articles found" in response.content.decode()


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"outlet": "courier"}, ["labelled"]),
        ({"collection": "national"}, ["labelled"]),
        ({"start": "2025-02"}, ["thematic"]),
        ({"end": "2025-01"}, ["copy", "labelled"]),
        ({"part": "prisons"}, ["labelled"]),
        ({"label": "yes"}, ["copy", "labelled"]),
        ({"label": "no"}, ["thematic"]),
        ({"thematic": "yes"}, ["thematic"]),
        ({"thematic": "no"}, ["copy", "labelled"]),
        ({"voice": "lived_experience"}, ["thematic"]),
        ({"syndicated": "exclude"}, ["thematic", "labelled"]),
    ],
)
def test_each_filter(staff_client, world, params, expected):
    response = staff_client.get(URL, params)
    assert titles(response) == [world[name].title for name in expected]
    assert response.context["counts"].total == len(expected)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("offender", ["copy", "labelled"]),
        ("OFFENDER released", ["copy", "labelled"]),
        ("wire", ["copy"]),
        ("research crowded", ["thematic"]),
        ("nothing-like-this", []),
    ],
)
def test_search_finds_every_word_in_title_or_text(staff_client, world, query, expected):
    response = staff_client.get(URL, {"q": query})
    assert titles(response) == [world[name].title for name in expected]


@pytest.mark.parametrize(
    "query",
    [
        "'; DROP TABLE media_article; --",
        '"unclosed phrase',
        "a & | ! ( ) : * <->",
        "<script>alert('x')</script>",
        "%_%",
        "\\",
        "***",
        "ñandú 漢字 🙂",
    ],
)
def test_hostile_search_strings_are_safe(staff_client, world, query):
    response = staff_client.get(URL, {"q": query})
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()
    assert Article.objects.count() == 3


def test_search_with_only_punctuation_finds_nothing():
    assert list(search(Article.objects.all(), "*** ()")) == []


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": "word " * 100}, "at most 200 characters"),
        ({"q": "nul\x00byte"}, "Null characters are not allowed"),
        ({"outlet": "no-such-outlet"}, "Select a valid choice"),
        ({"start": "2025-99"}, "Enter a real month"),
        ({"start": "2025-03", "end": "2025-01"}, "must not be before"),
        ({"label": "maybe"}, "Select a valid choice"),
        ({"voice": "aliens"}, "Select a valid choice"),
    ],
)
def test_bad_filters_get_a_clear_message(staff_client, world, params, message):
    response = staff_client.get(URL, params)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "page" not in response.context or response.context.get("page") is None


@pytest.mark.parametrize("page", ["999999999", "-1", "abc", "1e9", ""])
def test_any_page_number_gives_a_page(staff_client, world, page):
    response = staff_client.get(URL, {"page": page})
    assert response.status_code == 200
    assert response.context["page"].number in (1,)


def test_pagination_keeps_the_filters(staff_client, world):
    for number in range(30):
        ArticleFactory(outlet=world["labelled"].outlet, title=f"Extra offender story {number}")
    response = staff_client.get(URL, {"q": "offender"})
    page = response.content.decode()
    assert "Page 1 of 2" in page
    assert "?q=offender&amp;page=2" in page
    second = staff_client.get(URL, {"q": "offender", "page": "2"})
    assert len(second.context["page"].object_list) == 32 - 25


def test_htmx_gets_only_the_results(staff_client, world):
    response = staff_client.get(URL, {"q": "offender"}, headers={"HX-Request": "true"})
    page = response.content.decode()
    assert "<html" not in page and "2 articles found" in page


def test_filter_service_matches_the_page(world):
    assert filter_articles({"label": "yes", "syndicated": "exclude"}).get() == world["labelled"]


def csv_rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_csv_has_the_same_articles_as_the_page(staff_client, world):
    params = {"label": "yes"}
    page = staff_client.get(URL, params)
    rows = csv_rows(staff_client.get(reverse("media:articles_csv"), params))
    assert [r["title"] for r in rows] == titles(page)
    assert rows[0]["outlet"] == "Town Gazette"
    assert rows[0]["syndicated_copy"] == "yes"


def test_csv_cells_cannot_run_as_formulas(staff_client, world):
    ArticleFactory(title='=HYPERLINK("http://evil.example")', outlet=world["copy"].outlet)
    rows = csv_rows(staff_client.get(reverse("media:articles_csv"), {"q": "HYPERLINK"}))
    assert rows[0]["title"].startswith("'=")


def test_csv_refuses_bad_filters(staff_client, world):
    response = staff_client.get(reverse("media:articles_csv"), {"outlet": "nope"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()


def test_the_list_costs_a_fixed_number_of_queries(
    staff_client, world, django_assert_max_num_queries
):
    for number in range(40):
        ArticleFactory(title=f"Extra offender story {number}", outlet=OutletFactory())
    with django_assert_max_num_queries(12):  # session, user, counts, page, form choices
        staff_client.get(URL, {"q": "offender", "label": "yes"})
