"""The checker on text nobody on the team wrote: the seed documents in ../shared/seeds/.

Every finding there was read by hand. Most guide wording in them is not a fault: member
organisations' own names ("Prisoners' Advice Service"), "criminal" as an adjective inside a
named form of exploitation, words inside single-quoted speech or a linked title, and words
being discussed ("not using the terms offender and ex-offender"). What is left as
stigmatising is the few real uses listed here; "prisoners" in the alliance's own words is
"use with care".

Set GROUNDSWELL_SEEDS to the seeds folder to run this from a working copy elsewhere.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings

from glossary.services.checker import check_text
from glossary.tests.checker_fixtures import fresh_checker_cache  # noqa: F401
from members.demo import read_data
from members.tests.factories import OrganisationFactory

SEEDS = Path(
    os.environ.get("GROUNDSWELL_SEEDS") or Path(settings.BASE_DIR).parent / "shared" / "seeds"
)

# (seed file, the words found, the words around them): the only stigmatising findings.
REAL_STIGMATISING_FINDINGS = [
    # The alliance's own blog uses the acronym the guide asks writers to spell out.
    ("001_6e844783cbfa5169.txt", "BAME", "impact young BAME individuals"),
    # The review's own question labels people by their offence.
    ("002_e5c695738bcc042d.txt", "offenders", "do some convicted offenders go on"),
]

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed documents are not on this machine"),
]


def seed_texts() -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))}


@pytest.fixture
def directory():
    """The demo's members directory: the real member organisations the seeds name."""
    for number, row in enumerate(read_data("organisations.json")["organisations"]):
        OrganisationFactory(name=row["name"], slug=f"seed-member-{number}")


def findings_of(kind: str, severity: str | None = None) -> list[tuple[str, str, str]]:
    found = []
    for name, text in seed_texts().items():
        for finding in check_text(text).findings:
            if finding.kind == kind and (severity is None or finding.severity == severity):
                around = " ".join(text[finding.start - 25 : finding.end + 20].split())
                found.append((name, finding.text, around))
    return found


def test_only_the_real_stigmatising_wording_is_found(directory):
    found = findings_of("stigmatising", "stigmatising")
    assert [(name, text) for name, text, _ in found] == [
        (name, text) for name, text, _ in REAL_STIGMATISING_FINDINGS
    ], found
    for (_, _, around), (_, _, expected) in zip(found, REAL_STIGMATISING_FINDINGS, strict=True):
        assert expected in around


def test_the_false_alarms_are_reported_as_what_they_are(directory):
    names = {text for _, text, _ in findings_of("official_name")}
    assert {"Prisoners' Advice Service", "Prisoners' Education Trust"} <= names
    assert "Bucks Association for the Care of Offenders" in names
    discussed = {text for _, text, _ in findings_of("discussed")}
    assert {"offender", "ex-offender", "BAME"} <= discussed
    quoted = [around for _, _, around in findings_of("quotation")]
    assert any("Are prisoners being left behind?" in around for around in quoted)
    # "Child Criminal and sexual exploitation": an adjective, not a finding at all.
    assert not any(text.lower() == "criminal" for _, text, _ in findings_of("stigmatising"))


def test_use_with_care_stays_rare():
    care = findings_of("stigmatising", "care")
    assert len(care) <= 3, care
