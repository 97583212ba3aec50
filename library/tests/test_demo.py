"""The demo library: written for the demo, tagged across the taxonomy, loaded once."""

import re
from pathlib import Path

import pytest

from library.demo import demo_resources, load_demo_resources
from library.models import Resource, ResourceStatus
from members.tests.factories import OrganisationFactory
from taxonomy.models import Term, Vocabulary

pytestmark = pytest.mark.django_db

STIGMATISING = re.compile(
    r"\b(offenders?|ex-offenders?|inmates?|ex-cons?|prisoners?|convicts|criminals|lags|"
    r"juvenile|delinquents?|thugs?|addicts?|junkies|lifers?)\b",
    re.IGNORECASE,
)
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def all_text(entry) -> str:
    return " ".join([entry["title"], entry["summary"], entry["body"]])


def test_there_are_at_least_twenty_resources_with_people_first_language():
    entries = demo_resources()
    assert len(entries) >= 20
    for entry in entries:
        assert not STIGMATISING.search(all_text(entry)), entry["title"]
        assert entry["body"].count("\n\n") >= 2, f"{entry['title']}: a few paragraphs"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed documents are not on this machine")
def test_no_sentence_is_copied_from_the_seeds():
    seed_text = " ".join(
        path.read_text(encoding="utf-8", errors="ignore").lower()
        for path in SEEDS.rglob("*")
        if path.is_file() and path.suffix in {".md", ".txt", ".html", ""}
    )
    seed_text = " ".join(re.findall(r"[a-z0-9']+", seed_text))
    for entry in demo_resources():
        words = re.findall(r"[a-z0-9']+", all_text(entry).lower())
        for start in range(0, max(0, len(words) - 9)):
            run = " ".join(words[start : start + 10])
            assert run not in seed_text, f"{entry['title']}: '{run}' is in the seeds"


def test_loading_tags_across_the_taxonomy_and_finds_the_authors(db):
    names = {name for entry in demo_resources() for name in entry["authors"]}
    for name in names:
        OrganisationFactory(name=name)
    assert load_demo_resources() == len(demo_resources())
    resources = Resource.objects.all()
    assert all(r.status == ResourceStatus.PUBLISHED for r in resources)
    assert all(r.author_organisations.exists() for r in resources)
    for vocabulary, field in [
        (Vocabulary.PART, "resources_in_part"),
        (Vocabulary.THEME, "resources_in_theme"),
        (Vocabulary.POPULATION, "resources_serving"),
        (Vocabulary.PLACE, "resources_in_place"),
    ]:
        used = Term.objects.filter(vocabulary=vocabulary, **{f"{field}__isnull": False})
        assert used.exists(), vocabulary
    assert Term.objects.parts().filter(resources_in_part__isnull=True).count() == 0
    assert Resource.objects.filter(related__isnull=False).exists()
    assert load_demo_resources() == 0  # only into an empty library


def test_the_demo_authors_exist_among_the_demo_members():
    import json

    data = Path(__file__).resolve().parents[2] / "members" / "data" / "organisations.json"
    members = {o["name"] for o in json.loads(data.read_text())["organisations"]}
    for entry in demo_resources():
        for name in entry["authors"] + entry["co_produced_with"]:
            assert name in members, name
