"""The demo tracker: written for the demo, across the taxonomy, loaded once, safely twice."""

import re
from pathlib import Path

import pytest
from django.test import Client

from influence.demo import demo_data, load_demo_recommendations
from influence.models import Recommendation, StatusChange, TargetBody
from influence.services import timeline
from influence.services.recommendations import first_made_problem
from library.demo import demo_resources, load_demo_resources
from members.tests.factories import NetworkFactory, OrganisationFactory
from taxonomy.models import Term

pytestmark = pytest.mark.django_db

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
REQUIRED_TARGETS = {
    "Ministry of Justice",
    "HM Prison and Probation Service",
    "Home Office",
    "Department of Health and Social Care",
    "Department for Education",
    "Cabinet Office",
    "Crown Prosecution Service",
    "Youth Justice Board",
    "Welsh Government",
    "Justice Committee",
    "Home Affairs Committee",
    "HM Inspectorate of Prisons",
    "HM Inspectorate of Probation",
    "Labour Party",
    "Conservative Party",
    "Liberal Democrats",
}


def _words(text):
    return re.findall(r"[a-z0-9']+", text.lower())


def test_the_data_has_forty_recommendations_and_the_bodies_asked_for():
    data = demo_data()
    assert len(data["recommendations"]) >= 40
    names = {t["name"] for t in data["targets"]}
    assert names >= REQUIRED_TARGETS
    assert sum(1 for t in data["targets"] if t["kind"] == "police") >= 3
    library_titles = {r["title"] for r in demo_resources()}
    for entry in data["recommendations"]:
        assert entry["sources"], entry["slug"]
        assert set(entry["sources"]) <= library_titles, entry["slug"]
        assert {e["resource"] for e in entry["evidence"]} <= library_titles, entry["slug"]
    assert sum(1 for e in data["recommendations"] if e.get("repeats")) >= 3
    assert sum(1 for e in data["recommendations"] if e.get("merge_into")) == 1


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed documents are not on this machine")
def test_no_sentence_is_copied_from_the_seeds():
    seed_text = " ".join(
        " ".join(_words(path.read_text(encoding="utf-8", errors="ignore")))
        for path in SEEDS.rglob("*")
        if path.is_file()
    )
    for entry in demo_data()["recommendations"]:
        words = _words(" ".join([entry["title"], entry["text"], entry["rationale"]]))
        for start in range(0, max(0, len(words) - 9)):
            run = " ".join(words[start : start + 10])
            assert run not in seed_text, f"{entry['slug']}: '{run}' is in the seeds"


@pytest.fixture
def demo_library(db):
    NetworkFactory(slug="cja", name="Criminal Justice Alliance")
    NetworkFactory(slug="ayj", name="Alliance for Youth Justice")
    for name in {n for e in demo_resources() for n in e["authors"]}:
        OrganisationFactory(name=name)
    load_demo_resources()


def test_loading_builds_published_timelines_across_the_taxonomy(demo_library):
    count = load_demo_recommendations()
    assert count == len(demo_data()["recommendations"])
    published = Recommendation.objects.filter(is_published=True)
    assert published.count() == count - 1  # the merged duplicate is not published
    merged = Recommendation.objects.get(merged_into__isnull=False)
    assert not merged.status_changes.exists()  # its timeline moved to the one kept
    assert Recommendation.objects.filter(repeats__isnull=False).count() >= 3
    statuses = set(StatusChange.objects.values_list("status", flat=True))
    assert {"implemented", "rejected", "partial", "accepted", "withdrawn"} <= statuses
    assert Term.objects.parts().filter(recommendations_in_part__isnull=True).count() == 0
    assert Term.objects.themes().filter(recommendations_in_theme__isnull=False).count() >= 10
    several = [r for r in published if r.targets.count() > 1]
    assert len(several) >= 20
    stale = [
        r
        for r in published
        if (rows := timeline.current_status_rows([r])[r.pk])
        and max(c.happened_on for c in rows).year < 2025
        and not all(c.status in timeline.FINAL_STATUSES for c in rows)
    ]
    assert stale, "some recommendations have had no update for over a year"
    assert all(r.evidence.exists() or r.sources.exists() for r in published)
    assert TargetBody.objects.filter(name="Ministry of Justice").exists()
    # The whole tracker renders with the demo in place.
    client = Client()
    assert client.get("/recommendations/").status_code == 200
    assert client.get(merged.get_absolute_url()).status_code == 301
    for recommendation in published[:5]:
        assert client.get(recommendation.get_absolute_url()).status_code == 200
    assert load_demo_recommendations() == 0  # only into an empty tracker
    assert Recommendation.objects.count() == count


def test_no_demo_recommendation_is_first_made_before_its_earliest_source(demo_library):
    load_demo_recommendations()
    early = [
        r.slug
        for r in Recommendation.objects.prefetch_related("sources")
        if first_made_problem(r.first_made_on, r.sources.all())
    ]
    assert early == []
