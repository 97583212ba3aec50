"""Every organisation in the members directory is an official name to the checker.

The names are compiled with the guide, and the compiled guide is refreshed when the
directory changes. Only names containing guide wording matter: other names are never
reported at all."""

import pytest

from glossary.services.checker import check_text
from glossary.tests.checker_fixtures import fresh_checker_cache  # noqa: F401
from members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

TEXT = "Thanks to the Ex-Offenders Running Club and Nacro for their evidence."


def kinds_and_texts(text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in check_text(text).findings if f.kind != "jargon"]


def test_a_member_organisations_name_is_an_official_name():
    assert kinds_and_texts(TEXT) == [("stigmatising", "Ex-Offenders")]
    OrganisationFactory(name="Ex-Offenders Running Club (Leeds)", slug="running-club")
    OrganisationFactory(name="Nacro", slug="nacro")
    assert kinds_and_texts(TEXT) == [("official_name", "Ex-Offenders Running Club")]


def test_a_renamed_or_removed_organisation_stops_being_exempt():
    club = OrganisationFactory(name="Ex-Offenders Running Club", slug="running-club")
    assert kinds_and_texts(TEXT)[0][0] == "official_name"
    club.name = "Second Chance Running Club"
    club.save()
    assert kinds_and_texts(TEXT) == [("stigmatising", "Ex-Offenders")]
    club.name = "Ex-Offenders Running Club"
    club.save()
    assert kinds_and_texts(TEXT)[0][0] == "official_name"
    club.delete()
    assert kinds_and_texts(TEXT) == [("stigmatising", "Ex-Offenders")]


def test_outside_the_name_the_wording_is_still_found():
    OrganisationFactory(name="Ex-Offenders Running Club", slug="running-club")
    assert kinds_and_texts("The Ex-Offenders Running Club helps ex-offenders.") == [
        ("official_name", "Ex-Offenders Running Club"),
        ("stigmatising", "ex-offenders"),
    ]
