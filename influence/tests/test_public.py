"""The public tracker, recommendation, target pages, CSV export, topic and profile sections."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.tests.factories import AdminFactory, JudgeFactory, StaffFactory, UserFactory
from influence.models import Evidence, InfluenceActivity, Status
from influence.services import status as status_changes
from influence.tests.factories import RecommendationFactory, TargetBodyFactory, add_entry
from library.models import ResourceStatus
from library.tests.factories import ResourceFactory
from members.tests.factories import NetworkFactory, OrganisationFactory
from taxonomy.models import Term

pytestmark = pytest.mark.django_db

D = datetime.date
TRACKER = "/recommendations/"


@pytest.fixture
def world():
    moj = TargetBodyFactory(name="Ministry of Justice", slug="ministry-of-justice")
    home = TargetBodyFactory(name="Home Office", slug="home-office", kind="department")
    network = NetworkFactory(slug="cja", name="Criminal Justice Alliance")
    prisons = Term.objects.get(slug="prisons")
    housing = Term.objects.get(slug="housing")
    short = RecommendationFactory(
        title="A presumption against short sentences",
        text="Courts should use community orders.",
        targets=[moj, home],
        published=True,
        first_made_on=D(2019, 6, 1),
    )
    short.parts.add(prisons)
    short.networks.add(network)
    add_entry(short, moj, Status.RAISED, D(2019, 7, 1))
    add_entry(short, moj, Status.REJECTED, D(2020, 9, 1), note="Not taken forward.")
    add_entry(short, home, Status.RAISED, D(2019, 7, 1))
    add_entry(short, home, Status.ACCEPTED, D(2020, 1, 1))
    homes = RecommendationFactory(
        title="Housing on release",
        text="Nobody leaves prison homeless.",
        targets=[moj],
        published=True,
        first_made_on=D(2021, 2, 1),
    )
    homes.themes.add(housing)
    add_entry(homes, moj, Status.RAISED, D(2021, 3, 1))
    add_entry(homes, moj, Status.ACCEPTED, D(2021, 4, 1))
    hidden = RecommendationFactory(title="Draft ask", targets=[moj])
    add_entry(hidden, moj, Status.REJECTED, D(2021, 3, 1))
    return {"moj": moj, "home": home, "short": short, "homes": homes, "hidden": hidden}


def titles(response):
    return [row.recommendation.title for row in response.context["result"].rows]


def facet(response, name):
    return {
        option["value"]: option["count"]
        for f in response.context["result"].facets
        if f.name == name
        for option in f.options
    }


def test_the_tracker_lists_published_recommendations_with_status_per_target(client, world):
    response = client.get(TRACKER)
    assert response.status_code == 200
    assert titles(response) == ["Housing on release", "A presumption against short sentences"]
    page = response.content.decode()
    assert "Draft ask" not in page
    assert "Rejected" in page and "Accepted in principle" in page
    assert 'href="/recommendations/"' in page  # the nav link
    counts = facet(response, "status")
    assert counts["accepted"] == 2 and counts["rejected"] == 1 and counts["raised"] == 0
    assert facet(response, "year") == {"2021": 1, "2019": 1}


def test_filters_combine_and_status_means_the_status_with_that_target(client, world):
    response = client.get(TRACKER, {"target": "ministry-of-justice", "status": "rejected"})
    assert titles(response) == ["A presumption against short sentences"]
    response = client.get(TRACKER, {"target": "home-office", "status": "rejected"})
    assert titles(response) == []
    response = client.get(TRACKER, {"target": "ministry-of-justice"})
    assert facet(response, "status")["accepted"] == 1  # only the Ministry's own answers
    response = client.get(TRACKER, {"part": "prisons", "year": "2019", "network": "cja"})
    assert titles(response) == ["A presumption against short sentences"]
    response = client.get(TRACKER, {"theme": "housing"})
    assert titles(response) == ["Housing on release"]
    # A facet counts what choosing it would give, the other filters kept.
    assert facet(response, "year") == {"2021": 1}


def test_search_looks_in_title_and_text(client, world):
    assert titles(client.get(TRACKER, {"q": "community"})) == [
        "A presumption against short sentences"
    ]
    assert titles(client.get(TRACKER, {"q": "HOUSING release"})) == ["Housing on release"]
    assert titles(client.get(TRACKER, {"q": "draft"})) == []


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 5000},
        {"q": "' OR 1=1 --"},
        {"q": "<script>alert(1)</script>"},
        {"q": "a\x00b"},
        {"status": "nonsense"},
        {"target": "../../etc/passwd"},
        {"year": "99999999999999999999"},
        {"year": "-1"},
        {"page": "999999"},
        {"page": "abc"},
        {"sort": "; DROP TABLE"},
        {"part": "\x00"},
    ],
)
def test_hostile_input_is_ignored_safely(client, world, params):
    response = client.get(TRACKER, params)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert len(response.context["result"].query.text) <= 200


def test_unknown_filters_are_reported_not_errors(client, world):
    response = client.get(TRACKER, {"status": "nonsense", "target": "nobody"})
    assert set(response.context["result"].query.ignored) == {"status", "target"}
    assert "not recognised" in response.content.decode()
    assert len(titles(response)) == 2


def test_htmx_gets_only_the_results_and_plain_links_work(client, world):
    response = client.get(TRACKER, {"status": "rejected"}, HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert '<div id="tracker-body"' in page and "<html" not in page
    assert 'hx-swap-oob="true"' in page
    plain = client.get(TRACKER, {"status": "rejected"}).content.decode()
    assert "<html" in plain
    # Plain links: choosing another filter keeps this one; the selected one removes itself.
    assert 'href="?status=rejected&amp;target=ministry-of-justice"' in plain
    assert '<a href="?" hx-get="?" aria-current="true">Rejected' in plain


def test_tracker_query_count_does_not_grow_with_the_page(client, world):
    client.get(TRACKER)  # warm up anything loaded once per process
    with CaptureQueriesContext(connection) as few:
        client.get(TRACKER, {"target": "ministry-of-justice", "status": "accepted"})
    moj = world["moj"]
    for n in range(12):
        r = RecommendationFactory(targets=[moj, world["home"]], published=True)
        r.parts.add(Term.objects.get(slug="prisons"))
        add_entry(r, moj, Status.RAISED, D(2022, 1, n + 1))
        add_entry(r, moj, Status.ACCEPTED, D(2022, 2, n + 1))
        add_entry(r, world["home"], Status.RAISED, D(2022, 1, n + 1))
    with CaptureQueriesContext(connection) as many:
        response = client.get(TRACKER, {"target": "ministry-of-justice", "status": "accepted"})
    assert len(response.context["result"].rows) == 13
    assert len(many) == len(few)


def test_the_csv_export_has_the_filtered_tracker(client, world):
    evil = RecommendationFactory(
        title='=HYPERLINK("http://example.com")', targets=[world["moj"]], published=True
    )
    add_entry(evil, world["moj"], Status.RAISED, D(2022, 1, 1))
    response = client.get("/recommendations/export.csv", {"target": "ministry-of-justice"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    by_title = {row["title"]: row for row in rows}
    assert set(by_title) == {
        "A presumption against short sentences",
        "Housing on release",
        '\'=HYPERLINK("http://example.com")',
    }
    short = by_title["A presumption against short sentences"]
    assert "Ministry of Justice: Rejected (2020-09-01)" in short["current status by target"]
    assert short["furthest status"] == "Accepted in principle"
    assert short["url"].endswith("/recommendations/" + world["short"].slug + "/")
    only = client.get("/recommendations/export.csv", {"status": "rejected", "q": "short"})
    text = b"".join(only.streaming_content).decode("utf-8-sig")
    assert len(list(csv.DictReader(io.StringIO(text)))) == 1


def test_the_recommendation_page_shows_the_whole_timeline(client, world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    short, moj = world["short"], world["moj"]
    staff = StaffFactory()
    wrong = status_changes.record_status_change(
        staff, short, moj, Status.IMPLEMENTED, D(2021, 1, 5), evidence_url="https://gov.uk/x"
    )
    status_changes.correct_status_change(
        staff, wrong, status=Status.CONSIDERING, note="It was a review."
    )
    resource = ResourceFactory(title="Short sentences, long shadows")
    Evidence.objects.create(recommendation=short, resource=resource, page="4", quote="Most return.")
    draft = ResourceFactory(title="Unpublished draft", status=ResourceStatus.DRAFT)
    Evidence.objects.create(recommendation=short, resource=draft)
    short.sources.add(resource, draft)
    page = client.get(short.get_absolute_url()).content.decode()
    assert "Not taken forward." in page
    assert "<del>" in page and "corrected on" in page
    assert "It was a review." in page and "https://gov.uk/x" in page
    assert "Short sentences, long shadows" in page and "page 4" in page and "Most return." in page
    assert "Unpublished draft" not in page
    assert "Ministry of Justice" in page and "Home Office" in page


def test_recommendation_page_query_count_is_constant(client, world):
    short, moj = world["short"], world["moj"]
    client.get(short.get_absolute_url())
    with CaptureQueriesContext(connection) as few:
        client.get(short.get_absolute_url())
    for n in range(8):
        add_entry(short, moj, Status.CONSIDERING, D(2021, 1, n + 1), note=f"Step {n}")
        target = TargetBodyFactory()
        short.targets.add(target)
        add_entry(short, target, Status.RAISED, D(2021, 1, 1))
        Evidence.objects.create(recommendation=short, resource=ResourceFactory())
        short.sources.add(ResourceFactory())
        later = RecommendationFactory(published=True)
        later.repeats = short
        later.save()
    with CaptureQueriesContext(connection) as many:
        response = client.get(short.get_absolute_url())
    assert response.status_code == 200
    assert len(many) == len(few)


def test_recommendation_page_reads_everything_in_seven_queries(
    client, world, django_assert_num_queries
):
    """The recommendation, the names it lists, the recommendations around it, its timeline,
    sources and evidence (influence/services/recommendation_page.py): the benchmark's page;
    and one more for other apps' sections (the whole-system model's published scenarios)."""
    short = world["short"]
    later = RecommendationFactory(published=True, repeats=short)
    short.related.add(RecommendationFactory(title="A related ask", published=True))
    Evidence.objects.create(recommendation=short, resource=ResourceFactory(title="Proof"))
    with django_assert_num_queries(7):
        page = client.get(short.get_absolute_url()).content.decode()
    assert later.title in page and "A related ask" in page and "Proof" in page
    assert "Prisons" in page and "Criminal Justice Alliance" in page


@pytest.mark.parametrize(
    ("factory", "expected"),
    [
        (None, 404),
        (UserFactory, 404),
        (JudgeFactory, 404),
        (StaffFactory, 200),
        (AdminFactory, 200),
    ],
)
def test_unpublished_recommendations_are_for_staff_only(world, factory, expected):
    client = Client()
    if factory is not None:
        client.force_login(factory())
    response = client.get(world["hidden"].get_absolute_url())
    assert response.status_code == expected
    if expected == 200:
        assert "Not published" in response.content.decode()


@pytest.mark.parametrize("factory", [None, UserFactory, JudgeFactory, StaffFactory, AdminFactory])
def test_public_pages_are_public_to_every_role(world, factory):
    client = Client()
    if factory is not None:
        client.force_login(factory())
    for url in [
        TRACKER,
        world["short"].get_absolute_url(),
        world["moj"].get_absolute_url(),
        reverse("influence:targets"),
        reverse("influence:export"),
        reverse("influence:feed_rss"),
    ]:
        assert client.get(url).status_code == 200, url
    assert client.get("/recommendations/targets/nobody/").status_code == 404


def test_the_target_page_shows_what_was_asked_and_response_times(client, world):
    response = client.get(world["moj"].get_absolute_url())
    page = response.content.decode()
    assert "A presumption against short sentences" in page and "Housing on release" in page
    assert "Draft ask" not in page
    # Raised 1 July 2019, rejected 1 Sep 2020 (428 days); raised 1 Mar, accepted 1 Apr 2021 (31).
    assert response.context["median_days"] == (428 + 31) / 2
    assert "230 days from being raised" in page
    index = client.get(reverse("influence:targets")).content.decode()
    assert "Ministry of Justice</a>: 2 recommendations" in index


def test_topic_pages_gain_their_recommendations(client, world):
    page = client.get("/topics/prisons/").content.decode()
    assert "A presumption against short sentences" in page
    assert "?part=prisons" in page
    assert "Housing on release" not in page
    assert "Draft ask" not in client.get("/topics/housing/").content.decode()


def test_organisation_profiles_gain_their_recommendations(client, world):
    organisation = OrganisationFactory(networks=[NetworkFactory()])
    activity = InfluenceActivity.objects.create(
        kind="meeting", happened_on=D(2020, 1, 1), title="Met the minister"
    )
    activity.recommendations.add(world["short"], world["hidden"])
    activity.organisations.add(organisation)
    report = ResourceFactory()
    report.author_organisations.add(organisation)
    Evidence.objects.create(recommendation=world["homes"], resource=report)
    page = client.get(organisation.get_absolute_url()).content.decode()
    assert "A presumption against short sentences" in page
    assert "Housing on release" in page
    assert "Draft ask" not in page
    other = OrganisationFactory(networks=[NetworkFactory()])
    assert (
        "organisation-recommendations-heading"
        not in client.get(other.get_absolute_url()).content.decode()
    )
