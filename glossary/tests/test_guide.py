"""The language guide is versioned: a change is a new version, and the old one is kept."""

import json

import pytest
from django.core.exceptions import ValidationError

from core.tests.factories import StaffFactory
from glossary.models import GuideEntry, GuideVersion
from glossary.services import guide_cache
from glossary.services.checker import check_text
from glossary.services.compiled_guide import GUIDE_DATA
from glossary.services.guide import (
    EntryChange,
    OfficialNameChange,
    current_version,
    history,
    publish_change,
)
from glossary.services.guide_cache import get_compiled_guide
from glossary.tests.checker_fixtures import fresh_checker_cache  # noqa: F401

pytestmark = pytest.mark.django_db


def test_version_one_is_loaded_from_the_data_file():
    data = json.loads(GUIDE_DATA.read_text(encoding="utf-8"))
    version = current_version()
    assert version.number == 1
    assert version.reason == data["reason"]
    assert version.entries.count() == len(data["entries"]) >= 30
    assert version.official_names.count() == len(data["official_names"]) >= 20


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
    assert new.number == 2
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
        "Add 'crim', drop 'crime wave', add an official name.",
        EntryChange(
            key="crim",
            wording="crim",
            preferred=["person with a conviction"],
            reason="Slang that labels people.",
            category="dehumanising",
        ),
        EntryChange(key="crime-wave", remove=True),
        OfficialNameChange(add=["Offender Learning Fund"], remove=["Offender Health"]),
    )
    version = current_version()
    keys = set(version.entries.values_list("key", flat=True))
    assert "crim" in keys
    assert "crime-wave" not in keys
    names = set(version.official_names.values_list("name", flat=True))
    assert "Offender Learning Fund" in names
    assert "Offender Health" not in names
    (latest, first) = history()
    assert latest.added == ["crim"]
    assert latest.removed == ["crime wave"]
    assert latest.names_added == ["Offender Learning Fund"]
    assert latest.names_removed == ["Offender Health"]
    assert first.version.number == 1


def test_the_compiled_guide_refreshes_when_a_version_is_published():
    before = get_compiled_guide()
    assert [f.kind for f in check_text("A crim.").findings if f.kind != "jargon"] == []
    publish_change(
        None,
        "Add 'crim'.",
        EntryChange(
            key="crim",
            wording="crim",
            preferred=["person with a conviction"],
            reason="Slang that labels people.",
            category="dehumanising",
        ),
    )
    after = get_compiled_guide()
    assert after is not before
    assert after.version == 2
    result = check_text("A crim.")
    assert [(f.kind, f.term) for f in result.findings] == [("stigmatising", "crim")]
    assert result.summary["guide_version"] == 2


def test_a_change_needs_a_reason_and_must_change_something():
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
    assert GuideVersion.objects.count() == 1


def test_staff_publish_a_change_through_admin(client):
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
    assert version.number == 2
    assert version.created_by == staff
    assert guide_cache.get_compiled_guide().version == 2
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
