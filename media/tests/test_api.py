"""The media monitor's read API: staff tokens only, the pages' filters and figures."""

import datetime

import pytest
from django.utils import timezone

from core.models import ApiToken
from core.tests.factories import AdminFactory, JudgeFactory, StaffFactory, UserFactory
from media.models import MonthlyFigure
from media.tests.factories import ArticleFactory, CollectionFactory, OutletFactory

pytestmark = pytest.mark.django_db
API = "/api/v1/media"


def bearer(user) -> dict:
    _token, key = ApiToken.issue(user, "tests")
    return {"Authorization": f"Bearer {key}"}


@pytest.fixture
def world():
    national = CollectionFactory(name="UK national press", slug="national")
    courier = OutletFactory(name="Daily Courier", slug="courier", collections=[national])
    first = ArticleFactory(
        outlet=courier,
        title="Offender walks free",
        published_at=timezone.make_aware(datetime.datetime(2025, 1, 10, 9)),
        headline_labels=1,
        analysis={"headline": {"findings": []}, "score": {"total": 35}},
        score=35.0,
    )
    second = ArticleFactory(
        outlet=courier,
        title="Housing scheme opens",
        text="A short excerpt…",
        is_excerpt=True,
        published_at=timezone.make_aware(datetime.datetime(2025, 2, 10, 9)),
    )
    MonthlyFigure.objects.create(
        outlet=courier,
        month=datetime.date(2025, 1, 1),
        include_syndicated=False,
        articles=4,
        words=2000,
        articles_with_label=1,
        labels=2,
        voices={"police_official": 3},
        score_total=200,
    )
    return {"first": first, "second": second, "courier": courier}


@pytest.fixture
def staff_headers():
    return bearer(StaffFactory())


@pytest.mark.parametrize("path", ["/articles", "/outlets", "/aggregates", "/articles/{pk}"])
def test_reads_need_a_staff_or_admin_token(client, world, path):
    path = API + path.format(pk=world["first"].pk)
    assert client.get(path).status_code == 401
    assert client.get(path, headers={"Authorization": "Bearer nonsense"}).status_code == 401
    for make in (UserFactory, JudgeFactory):
        assert client.get(path, headers=bearer(make())).status_code == 403
    for make in (StaffFactory, AdminFactory):
        assert client.get(path, headers=bearer(make())).status_code == 200


def test_article_list_filters_and_pages(client, world, staff_headers):
    body = client.get(f"{API}/articles", {"label": "yes"}, headers=staff_headers).json()
    assert body["count"] == 1
    assert body["results"][0]["title"] == "Offender walks free"
    assert body["results"][0]["outlet"] == "courier"
    page = client.get(f"{API}/articles", {"limit": 1}, headers=staff_headers).json()
    assert page["count"] == 2 and len(page["results"]) == 1
    assert "offset=1" in page["next"]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"outlet": "nope"}, "outlet"),
        ({"start": "2025-13"}, "start"),
        ({"limit": 1000}, "limit"),
        ({"offset": -1}, "offset"),
        ({"q": "x" * 500}, "q"),
        ({"voice": "aliens"}, "voice"),
    ],
)
def test_bad_filters_are_422_with_the_field(client, world, staff_headers, params, field):
    response = client.get(f"{API}/articles", params, headers=staff_headers)
    assert response.status_code == 422
    assert field in response.json()["errors"]


def test_one_article_gives_its_analysis_and_only_the_excerpt_kept(client, world, staff_headers):
    body = client.get(f"{API}/articles/{world['first'].pk}", headers=staff_headers).json()
    assert body["analysis"]["score"] == {"total": 35}
    excerpt = client.get(f"{API}/articles/{world['second'].pk}", headers=staff_headers).json()
    assert excerpt["is_excerpt"] is True and excerpt["text"] == "A short excerpt…"
    missing = client.get(f"{API}/articles/999999", headers=staff_headers)
    assert missing.status_code == 404


def test_outlets(client, world, staff_headers):
    body = client.get(f"{API}/outlets", headers=staff_headers).json()
    assert body == [
        {
            "slug": "courier",
            "name": "Daily Courier",
            "kind": "national",
            "website": "https://www.courier.example/",
            "collections": ["national"],
            "is_active": True,
            "articles": 2,
        }
    ]


def test_aggregates_are_the_dashboards_figures(client, world, staff_headers):
    body = client.get(
        f"{API}/aggregates", {"start": "2025-01", "end": "2025-02"}, headers=staff_headers
    ).json()
    assert body["totals"]["counts"]["articles"] == 4
    assert body["totals"]["rates"]["label_share"] == 25.0
    assert body["totals"]["rates"]["labels_per_1000"] == 1.0
    assert body["totals"]["voices"] == {"police_official": 3}
    assert [m["label"] for m in body["by_month"]] == ["Jan 2025", "Feb 2025"]
    assert body["by_month"][1]["rates"]["label_share"] is None
    assert body["by_outlet"][0]["key"] == "courier"
    bad = client.get(f"{API}/aggregates", {"collection": "nope"}, headers=staff_headers)
    assert bad.status_code == 422 and "collection" in bad.json()["errors"]


def test_an_excerpts_analysis_shows_no_text_from_beyond_it(client, world, staff_headers):
    article = world["second"]
    article.analysis = {
        "voices": [{"quote": "Words from further down the page", "speaker": "Dee"}],
        "context": {"thematic": True, "reasons": [{"cue": "figures", "sentence": "Later text."}]},
    }
    article.save()
    body = client.get(f"{API}/articles/{article.pk}", headers=staff_headers).json()
    assert body["analysis"]["voices"][0]["quote"] == ""
    assert body["analysis"]["context"]["reasons"][0]["sentence"] == ""
    assert "further down" not in str(body)
