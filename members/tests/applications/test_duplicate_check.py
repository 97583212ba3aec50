"""Likely duplicates of existing members and other waiting applications."""

import pytest

from members.services.applications.duplicates import find_duplicates
from members.tests.applications.support import ApplicationFactory
from members.tests.factories import OrganisationFactory


@pytest.mark.django_db
def test_duplicate_check_finds_a_similar_name():
    forward = OrganisationFactory(name="Forward Trust")
    OrganisationFactory(name="Women in Prison")
    application = ApplicationFactory(organisation_name="The Forward Trust")

    report = find_duplicates(application)

    assert [m.record for m in report.organisations] == [forward]
    match = report.organisations[0]
    assert match.name_score == 100
    assert not match.same_number
    assert any(reason.startswith("Similar name: 100 out of 100") for reason in match.reasons)


@pytest.mark.django_db
def test_duplicate_check_finds_the_same_charity_number_whatever_the_name():
    holder = OrganisationFactory(name="Unlock", charity_number="1079046")
    application = ApplicationFactory(
        organisation_name="Completely Different Name", charity_number="1 079 046"
    )

    report = find_duplicates(application)

    assert [m.record for m in report.organisations] == [holder]
    assert report.organisations[0].same_number
    assert report.organisations[0].reasons == ["Same charity number: 1079046"]


@pytest.mark.django_db
def test_duplicate_check_finds_the_same_company_number_first():
    OrganisationFactory(name="Nacro")
    holder = OrganisationFactory(name="Other Name Ltd", company_number="SC123456")
    application = ApplicationFactory(organisation_name="Nacro", company_number="sc123456")

    report = find_duplicates(application)

    assert report.organisations[0].record == holder
    assert report.organisations[0].reasons == ["Same company number: SC123456"]
    assert report.organisations[1].record.name == "Nacro"


@pytest.mark.django_db
def test_duplicate_check_lists_other_waiting_applications_with_similar_names():
    application = ApplicationFactory(organisation_name="The Forward Trust")
    twin = ApplicationFactory(organisation_name="Forward Trust Ltd")
    ApplicationFactory(organisation_name="Forward Trust", status="declined")
    ApplicationFactory(organisation_name="Clinks")

    report = find_duplicates(application)

    assert [m.record for m in report.applications] == [twin]
    assert report.organisations == []


@pytest.mark.django_db
def test_unrelated_names_are_not_flagged():
    OrganisationFactory(name="Howard League for Penal Reform")
    application = ApplicationFactory(organisation_name="Prison Reform Trust")
    assert not find_duplicates(application)


@pytest.mark.django_db
def test_detail_page_shows_duplicates_with_score_and_reason(client, staff):
    OrganisationFactory(name="Forward Trust", slug="forward-trust")
    application = ApplicationFactory(organisation_name="The Forward Trust")
    client.force_login(staff)

    html = client.get(application.get_absolute_url()).content.decode()

    assert "Possible duplicates" in html
    assert 'href="/members/forward-trust/"' in html
    assert "Similar name: 100 out of 100" in html
    assert "Add to the existing record for Forward Trust" in html
