"""The language guide is versioned: a change is a new version, and the old one is kept."""

import json

import pytest
from django.core.exceptions import ValidationError

from core.tests.factories import StaffFactory
from glossary.models import GuideEntry, GuideVersion
from glossary.services import guide_cache
from glossary.services.checker import check_text
from glossary.services.compiled_guide import GUIDE_DATA, shipped_current_guide
from glossary.services.guide import (
    EntryChange,
    OfficialNameChange,
    current_version,
    history,
    publish_change,
)
from glossary.services.guide_cache import get_compiled_guide
from glossary.services.guide_changes import shipped_change_sets
from glossary.tests.checker_fixtures import fresh_checker_cache  # noqa: F401

pytestmark = pytest.mark.django_db


def test_version_one_is_loaded_from_the_data_file():
    data = json.loads(GUIDE_DATA.read_text(encoding="utf-8"))
    version = GuideVersion.objects.get(number=1)
    assert version.reason == data["reason"]
    assert version.entries.count() == len(data["entries"]) >= 30
    assert version.official_names.count() == len(data["official_names"]) >= 20


def test_the_shipped_changes_are_published_as_later_versions():
    """glossary/data/guide_changes.json: severities and the slang labels the media notes
    listed, each change a version of its own, as the compiled shipped guide has them."""
    number, entries, names = shipped_current_guide()
    version = current_version()
    assert version.number == number == 1 + len(shipped_change_sets()) >= 2
    keys = set(version.entries.values_list("key", flat=True))
    assert {"lag", "crim", "fiend", "pervert", "sicko", "tearaway", "lout", "knifeman"} <= keys
    assert keys == {entry["key"] for entry in entries}
    assert version.entries.get(key="prisoner").severity == "care"
    assert version.entries.get(key="inmate").severity == "stigmatising"
    assert set(version.official_names.values_list("name", flat=True)) == set(names)


def test_every_entry_is_complete():
    data = json.loads(GUIDE_DATA.read_text(encoding="utf-8"))
    keys = [entry["key"] for entry in data["entries"]]
    assert len(keys) == len(set(keys))
    for entry in data["entries"]:
        assert 1 <= len(entry["preferred"]) <= 3, entry["key"]
        assert entry["reason"].endswith("."), entry["key"]
        assert entry["category"] in GuideEntry.Category.values


def test_every_guide_wording_and_variant_is_found_by_the_checker():
    data = json.loads(GUIDE_DATA.read_text(encoding="utf-8"))
    for entry in data["entries"]:
        for phrase in [entry["wording"], *entry["variants"]]:
            terms = [f.term for f in check_text(f"They called them the {phrase}.").findings]
            assert entry["wording"] in terms, phrase


def test_every_official_name_is_exempt():
    data = json.loads(GUIDE_DATA.read_text(encoding="utf-8"))
    for name in data["official_names"]:
        kinds = {f.kind for f in check_text(f"They wrote to {name} today.").findings}
        assert "stigmatising" not in kinds, name
        assert "official_name" in kinds, name


def test_a_change_makes_a_new_version_and_keeps_the_old_one():
    staff = StaffFactory()
    old = current_version()
    shipped = old.number
    new = publish_change(
        staff,
        "Members asked us to suggest 'person with lived experience' too.",
        EntryChange(
            key="offender",
            preferred=[
                "person with lived experience of the justice system",
                "person with a conviction",
            ],
        ),
    )
    assert new.number == shipped + 1
    assert new.created_by == staff
    assert new.created_at is not None
    assert new.reason.startswith("Members asked")
    assert current_version() == new
    assert new.entries.count() == old.entries.count()
    assert new.official_names.count() == old.official_names.count()
    old_entry = old.entries.get(key="offender")
    new_entry = new.entries.get(key="offender")
    assert "person with a conviction" in old_entry.preferred
    assert (
        new_entry.preferred.splitlines()[0] == "person with lived experience of the justice system"
    )
    assert new_entry.reason == old_entry.reason


def test_entries_can_be_added_and_removed_and_official_names_changed():
    publish_change(
        None,
        "Add 'wrongun', drop 'crime wave', add an official name.",
        EntryChange(
            key="wrongun",
            wording="wrongun",
            preferred=["person with a conviction"],
            reason="Slang that labels people.",
            category="dehumanising",
        ),
        EntryChange(key="crime-wave", remove=True),
        OfficialNameChange(add=["Offender Learning Fund"], remove=["Offender Health"]),
    )
    version = current_version()
    keys = set(version.entries.values_list("key", flat=True))
    assert "wrongun" in keys
    assert "crime-wave" not in keys
    names = set(version.official_names.values_list("name", flat=True))
    assert "Offender Learning Fund" in names
    assert "Offender Health" not in names
    (latest, *_, first) = history()
    assert latest.added == ["wrongun"]
    assert latest.removed == ["crime wave"]
    assert latest.names_added == ["Offender Learning Fund"]
    assert latest.names_removed == ["Offender Health"]
    assert first.version.number == 1


def test_the_compiled_guide_refreshes_when_a_version_is_published():
    before = get_compiled_guide()
    shipped = before.version
    assert [f.kind for f in check_text("A wrongun.").findings if f.kind != "jargon"] == []
    publish_change(
        None,
        "Add 'wrongun'.",
        EntryChange(
            key="wrongun",
            wording="wrongun",
            preferred=["person with a conviction"],
            reason="Slang that labels people.",
            category="dehumanising",
        ),
    )
    after = get_compiled_guide()
    assert after is not before
    assert after.version == shipped + 1
    result = check_text("A wrongun.")
    assert [(f.kind, f.term) for f in result.findings] == [("stigmatising", "wrongun")]
    assert result.summary["guide_version"] == shipped + 1


def test_a_change_needs_a_reason_and_must_change_something():
    versions = GuideVersion.objects.count()
    with pytest.raises(ValidationError, match="why"):
        publish_change(None, "  ", EntryChange(key="offender", reason="New reason."))
    with pytest.raises(ValidationError, match="as it is"):
        publish_change(None, "Nothing really.", EntryChange(key="offender"))
    with pytest.raises(ValidationError, match="needs"):
        publish_change(None, "Incomplete.", EntryChange(key="brand-new", wording="brand new"))
    with pytest.raises(ValidationError, match="category"):
        publish_change(None, "Bad category.", EntryChange(key="offender", category="rude"))
    with pytest.raises(ValidationError, match="no entry"):
        publish_change(None, "Remove unknown.", EntryChange(key="nope", remove=True))
    with pytest.raises(ValidationError, match="severity"):
        publish_change(None, "Bad severity.", EntryChange(key="offender", severity="mild"))
    assert GuideVersion.objects.count() == versions


def test_staff_publish_a_change_through_admin(client):
    shipped = current_version().number
    staff = StaffFactory(is_staff=True)
    client.force_login(staff)
    response = client.get("/admin/glossary/guideversion/publish/")
    assert response.status_code == 200
    response = client.post(
        "/admin/glossary/guideversion/publish/",
        {
            "reason": "Softer wording for 'prisoner'.",
            "key": "prisoner",
            "preferred": "person in prison\nperson serving a sentence",
        },
    )
    assert response.status_code == 302
    version = current_version()
    assert version.number == shipped + 1
    assert version.created_by == staff
    assert guide_cache.get_compiled_guide().version == shipped + 1
    page = client.get("/dictionary/language-guide/")
    assert "Softer wording for" in page.content.decode()
    assert "Changed: prisoner" in page.content.decode()


def test_published_versions_cannot_be_edited_in_admin(client):
    client.force_login(StaffFactory(is_staff=True))
    version = current_version()
    assert client.get("/admin/glossary/guideversion/add/").status_code == 403
    response = client.post(
        f"/admin/glossary/guideversion/{version.pk}/change/", {"reason": "Rewritten history"}
    )
    assert current_version().reason != "Rewritten history"
    assert response.status_code in (200, 302, 403)


def test_the_guide_page_shows_which_wording_is_use_with_care(client):
    page = client.get("/dictionary/language-guide/").content.decode()
    row = page[page.index('id="entry-prisoner"') :]
    row = row[: row.index("</tr>")]
    assert '<span class="badge severity-care">Use with care</span>' in row
    inmate = page[page.index('id="entry-inmate"') :]
    assert "Use with care" not in inmate[: inmate.index("</tr>")]


def test_staff_change_an_entrys_severity_through_admin(client):
    client.force_login(StaffFactory(is_staff=True))
    response = client.post(
        "/admin/glossary/guideversion/publish/",
        {"reason": "'Addict' is often the person's own word.", "key": "addict", "severity": "care"},
    )
    assert response.status_code == 302
    assert current_version().entries.get(key="addict").severity == "care"
    (finding,) = [f for f in check_text("An addict.").findings if f.kind != "jargon"]
    assert (finding.kind, finding.severity) == ("stigmatising", "care")
    assert finding.reason.startswith("Use with care")
