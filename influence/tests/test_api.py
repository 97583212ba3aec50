"""Recommendations, timelines and targets in the JSON API: public reads, staff writes."""

import datetime
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.models import ApiToken, AuditEntry
from core.tests.factories import AdminFactory, JudgeFactory, StaffFactory, UserFactory
from influence.models import Recommendation, Status, StatusChange
from influence.services import timeline
from influence.tests.factories import RecommendationFactory, TargetBodyFactory, add_entry
from library.tests.factories import ResourceFactory
from taxonomy.models import Term

pytestmark = pytest.mark.django_db

API = "/api/v1"
D = datetime.date


def bearer(user) -> dict:
    _token, key = ApiToken.issue(user, "tests")
    return {"Authorization": f"Bearer {key}"}


def post_json(client, url, data, headers=None):
    body = data if isinstance(data, str) else json.dumps(data)
    return client.post(url, body, content_type="application/json", headers=headers or {})


@pytest.fixture
def world():
    moj = TargetBodyFactory(name="Ministry of Justice", slug="moj")
    home = TargetBodyFactory(name="Home Office", slug="home-office")
    short = RecommendationFactory(
        title="Fewer short sentences",
        targets=[moj, home],
        published=True,
        first_made_on=D(2019, 1, 1),
    )
    short.parts.add(Term.objects.get(slug="prisons"))
    add_entry(short, moj, Status.RAISED, D(2019, 2, 1))
    add_entry(short, moj, Status.ACKNOWLEDGED, D(2019, 3, 3))
    wrong = add_entry(short, home, Status.REJECTED, D(2019, 5, 1))
    right = add_entry(short, home, Status.CONSIDERING, D(2019, 5, 1))
    wrong.corrected_by = right
    wrong.save()
    homes = RecommendationFactory(
        title="Homes on release", targets=[moj], published=True, first_made_on=D(2021, 1, 1)
    )
    add_entry(homes, moj, Status.RAISED, D(2021, 2, 1))
    RecommendationFactory(title="Unpublished", slug="unpublished", targets=[moj])
    return {"moj": moj, "home": home, "short": short, "homes": homes}


@pytest.fixture
def staff_headers():
    return bearer(StaffFactory())


# --- Reading --------------------------------------------------------------------------------


def test_list_shows_published_recommendations_with_current_statuses(client, world):
    response = client.get(f"{API}/recommendations")
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 2 and data["next"] is None and data["previous"] is None
    assert [r["title"] for r in data["results"]] == ["Homes on release", "Fewer short sentences"]
    short = data["results"][1]
    assert {(c["target"], c["status"]) for c in short["current_statuses"]} == {
        ("moj", "acknowledged"),
        ("home-office", "considering"),
    }
    assert short["parts"] == ["prisons"]
    assert short["url"].endswith(world["short"].get_absolute_url())


@pytest.mark.parametrize(
    ("params", "titles"),
    [
        ("status=considering", ["Fewer short sentences"]),
        ("target=moj&status=raised", ["Homes on release"]),
        ("target=home-office", ["Fewer short sentences"]),
        ("part=prisons", ["Fewer short sentences"]),
        ("year=2021", ["Homes on release"]),
        ("q=release", ["Homes on release"]),
        ("sort=title", ["Fewer short sentences", "Homes on release"]),
    ],
)
def test_list_filters_like_the_tracker(client, world, params, titles):
    data = client.get(f"{API}/recommendations?{params}").json()
    assert [r["title"] for r in data["results"]] == titles


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ("status=finished", "status"),
        ("target=nobody", "target"),
        ("part=nothing", "part"),
        ("limit=0", "limit"),
        ("limit=1000", "limit"),
        ("offset=-1", "offset"),
        ("year=12", "year"),
        ("sort=evil", "sort"),
        (f"q={'x' * 500}", "q"),
        ("q=%00", "q"),
    ],
)
def test_bad_filters_are_422_naming_the_field(client, world, params, field):
    response = client.get(f"{API}/recommendations?{params}")
    assert response.status_code == 422
    assert field in response.json()["errors"]


def test_pagination_links(client, world):
    data = client.get(f"{API}/recommendations?limit=1").json()
    assert data["count"] == 2 and len(data["results"]) == 1
    assert "offset=1" in data["next"]
    second = client.get(data["next"]).json()
    assert second["next"] is None and "offset=0" in second["previous"]


def test_detail_and_timeline_include_corrected_entries(client, world):
    slug = world["short"].slug
    data = client.get(f"{API}/recommendations/{slug}").json()
    assert data["title"] == "Fewer short sentences"
    assert len(data["timeline"]) == 4
    corrected = [e for e in data["timeline"] if e["corrected"]]
    assert len(corrected) == 1 and corrected[0]["status"] == "rejected"
    assert corrected[0]["corrected_by"] is not None
    timeline = client.get(f"{API}/recommendations/{slug}/timeline").json()
    assert [e["id"] for e in timeline] == [e["id"] for e in data["timeline"]]


def test_unpublished_and_unknown_recommendations_are_404(client, world):
    for url in ["/recommendations/unpublished", "/recommendations/nothing/timeline"]:
        response = client.get(f"{API}{url}")
        assert response.status_code == 404
        assert "detail" in response.json()


def test_targets_list_and_detail(client, world):
    data = client.get(f"{API}/targets").json()
    by_slug = {t["slug"]: t for t in data}
    assert by_slug["moj"]["recommendations"] == 2
    assert by_slug["moj"]["median_response_days"] == 30
    assert by_slug["home-office"]["median_response_days"] is None
    one = client.get(f"{API}/targets/moj").json()
    assert one["name"] == "Ministry of Justice" and one["kind"] == "department"
    assert client.get(f"{API}/targets/nobody").status_code == 404


def test_list_query_count_does_not_grow(client, world):
    client.get(f"{API}/recommendations")
    with CaptureQueriesContext(connection) as few:
        client.get(f"{API}/recommendations")
    for _ in range(10):
        r = RecommendationFactory(targets=[world["moj"]], published=True)
        add_entry(r, world["moj"], Status.RAISED, D(2022, 1, 1))
    with CaptureQueriesContext(connection) as many:
        assert client.get(f"{API}/recommendations").json()["count"] == 12
    assert len(many) == len(few)


# --- Writing --------------------------------------------------------------------------------


def test_writes_need_a_staff_token(client, world):
    url = f"{API}/recommendations/{world['short'].slug}/status"
    payload = {"target": "moj", "status": "accepted", "happened_on": "2024-01-01"}
    response = post_json(client, url, payload)
    assert response.status_code == 401 and "detail" in response.json()
    assert post_json(client, url, payload, {"Authorization": "Bearer nope"}).status_code == 401
    for factory in (UserFactory, JudgeFactory):
        response = post_json(client, url, payload, bearer(factory()))
        assert response.status_code == 403
    response = post_json(client, f"{API}/recommendations", {"title": "x"}, bearer(UserFactory()))
    assert response.status_code == 403
    assert StatusChange.objects.count() == 5


def test_staff_record_a_status_change(client, world, staff_headers):
    url = f"{API}/recommendations/{world['short'].slug}/status"
    payload = {
        "target": "moj",
        "status": "accepted",
        "happened_on": "2024-01-01",
        "note": "Announced in the white paper.",
        "evidence_url": "https://www.gov.uk/paper",
    }
    response = post_json(client, url, payload, staff_headers)
    assert response.status_code == 201
    data = response.json()
    assert data["status"] == "accepted" and data["target"] == "moj" and not data["corrected"]
    current = timeline.current_statuses(world["short"])
    assert current[world["moj"]].pk == data["id"]
    assert AuditEntry.objects.filter(object_id=str(data["id"])).exists()


@pytest.mark.parametrize(
    ("payload", "field", "words"),
    [
        ({"happened_on": "2019-02-15"}, "happened_on", "date order"),
        ({"happened_on": "FUTURE"}, "happened_on", "future"),
        ({"status": "finished"}, "status", "Choose one of"),
        ({"target": "nobody"}, "target", "no target body"),
        ({"happened_on": "not a date"}, "happened_on", ""),
        ({"evidence_url": "javascript:alert(1)"}, "evidence_url", "web address"),
        ({"note": "x" * 6000}, "note", ""),
    ],
)
def test_status_rule_breaks_are_422_with_a_clear_message(
    client, world, staff_headers, payload, field, words
):
    body = {"target": "moj", "status": "accepted", "happened_on": "2024-01-01"}
    body.update(payload)
    if body["happened_on"] == "FUTURE":
        body["happened_on"] = (timezone.localdate() + datetime.timedelta(days=2)).isoformat()
    url = f"{API}/recommendations/{world['short'].slug}/status"
    response = post_json(client, url, body, staff_headers)
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert field in errors
    assert words.lower() in " ".join(errors[field]).lower()
    assert StatusChange.objects.count() == 5


def test_status_for_a_body_not_asked_is_422(client, world, staff_headers):
    url = f"{API}/recommendations/{world['homes'].slug}/status"
    body = {"target": "home-office", "status": "raised", "happened_on": "2024-01-01"}
    response = post_json(client, url, body, staff_headers)
    assert response.status_code == 422 and "target" in response.json()["errors"]


def test_status_on_unknown_recommendation_is_404_and_bad_json_400(client, world, staff_headers):
    body = {"target": "moj", "status": "raised", "happened_on": "2024-01-01"}
    response = post_json(client, f"{API}/recommendations/nothing/status", body, staff_headers)
    assert response.status_code == 404
    url = f"{API}/recommendations/{world['short'].slug}/status"
    response = post_json(client, url, "{not json", staff_headers)
    assert response.status_code in (400, 422)
    assert "detail" in response.json()


def test_staff_create_and_publish_a_recommendation(client, world, staff_headers):
    source = ResourceFactory(slug="short-sentences-report")
    payload = {
        "title": "Invest in community sentences",
        "text": "Fund probation properly.",
        "targets": ["moj"],
        "sources": ["short-sentences-report"],
        "parts": ["probation-and-resettlement"],
        "themes": ["housing"],
        "first_made_on": "2024-02-01",
        "repeats": world["short"].slug,
        "publish": True,
    }
    response = post_json(client, f"{API}/recommendations", payload, bearer(AdminFactory()))
    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["slug"] == "invest-in-community-sentences"
    assert data["repeats"] == world["short"].slug
    created = Recommendation.objects.get(slug=data["slug"])
    assert created.is_published and list(created.sources.all()) == [source]
    assert client.get(f"{API}/recommendations/{data['slug']}").status_code == 200
    assert AuditEntry.objects.filter(object_id=str(created.pk)).exists()


def test_publishing_without_a_source_or_target_is_refused(client, world, staff_headers):
    payload = {"title": "No sources here", "text": "Text.", "publish": True}
    response = post_json(client, f"{API}/recommendations", payload, staff_headers)
    assert response.status_code == 422
    assert {"targets", "sources"} <= set(response.json()["errors"])
    assert not Recommendation.objects.filter(title="No sources here").exists()
    # Without publishing it is kept as a draft.
    payload["publish"] = False
    response = post_json(client, f"{API}/recommendations", payload, staff_headers)
    assert response.status_code == 201
    assert not Recommendation.objects.get(title="No sources here").is_published


def test_create_with_unknown_slugs_is_422(client, world, staff_headers):
    payload = {"title": "Unknowns", "text": "x", "targets": ["nobody"], "themes": ["prisons"]}
    response = post_json(client, f"{API}/recommendations", payload, staff_headers)
    assert response.status_code == 422
    assert {"targets", "themes"} <= set(response.json()["errors"])


def test_openapi_documents_the_routes(client):
    paths = client.get(f"{API}/openapi.json").json()["paths"]
    assert "/api/v1/recommendations/{slug}/status" in paths
    assert "/api/v1/targets/{slug}" in paths
