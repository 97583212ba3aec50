"""A nominator's and a nominated person's data: exported in words, erased safely twice."""

import pytest

from awards.models import Consent, NomineeKind
from awards.personal_data import erase_nominations, export_nominations
from awards.tests.factories import NominationFactory
from core.registries.personal_data import DataSubject

pytestmark = pytest.mark.django_db


def test_nominators_words_and_a_nominated_person_are_exported_and_erased():
    nomination = NominationFactory(
        nominee_kind=NomineeKind.PERSON, nominee_name="Pat Person",
        nominee_email="pat@example.org", consent=Consent.GIVEN, shortlisted=True,
        nominator__email="ada@example.org",
    )  # fmt: skip
    ada = DataSubject.for_contact("ada@example.org")
    pat = DataSubject.for_contact("pat@example.org")
    assert export_nominations(ada)["award nominations you made"][0]["nominee"] == "Pat Person"
    assert export_nominations(pat)["award nominations of you"][0]["name"] == "Pat Person"
    assert erase_nominations(ada) == 1
    assert erase_nominations(pat) == 1
    nomination.refresh_from_db()
    nominator = nomination.nominators.get()
    assert nominator.email.endswith("@invalid") and nominator.statement == "(erased)"
    assert nomination.nominee_email == "" and not nomination.shortlisted
    assert nomination.nominee_name != "Pat Person"
    assert erase_nominations(ada) == 0 and erase_nominations(pat) == 0
