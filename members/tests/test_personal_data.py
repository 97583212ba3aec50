"""The members network's part of people's data rights: contacts and applications."""

import pytest

from core.registries import personal_data
from core.registries.personal_data import DataSubject
from core.tests.factories import UserFactory
from members.models import Affiliation, MembershipApplication, Person
from members.tests.factories import AffiliationFactory, OrganisationFactory, member_contact_for

pytestmark = pytest.mark.django_db


def _application(**fields):
    values = {
        "organisation_name": "Second Chances",
        "org_type": "charity",
        "description": "Mentoring on release.",
        "contact_name": "Sam Patel",
        "contact_email": "sam@example.org",
        "consent_text": "I agree to be contacted about this application.",
    }
    return MembershipApplication.objects.create(**(values | fields))


def test_contact_export_names_organisations():
    user = UserFactory(email="me@example.org")
    member_contact_for(OrganisationFactory(name="Open Doors"), user)
    tables = personal_data.source("members.contacts").export(DataSubject.for_user(user))
    assert tables["contact details"][0]["email"] == "me@example.org"
    assert tables["organisations you are a contact for"][0]["organisation"] == "Open Doors"


def test_erasing_a_contact_keeps_the_organisation_and_is_safe_twice():
    affiliation = AffiliationFactory(person__email="gone@example.org")
    AffiliationFactory(person__email="stays@example.org", organisation=affiliation.organisation)
    subject = DataSubject.for_contact("gone@example.org")
    source = personal_data.source("members.contacts")
    assert source.erase(subject) == 2
    assert source.erase(subject) == 0
    person = Person.objects.get(pk=affiliation.person_id)
    assert (person.name, person.email) == ("Erased contact", None)
    assert Affiliation.objects.get().person.email == "stays@example.org"


def test_erasing_an_applicant_keeps_the_application_and_consent_date():
    application = _application()
    subject = DataSubject.for_contact("SAM@example.org ")
    source = personal_data.source("members.applications")
    assert source.export(subject)["membership applications"][0]["your name"] == "Sam Patel"
    assert source.erase(subject) == 1
    assert source.erase(subject) == 0
    application.refresh_from_db()
    assert application.contact_name == "Erased contact"
    assert "sam@" not in application.contact_email
    assert application.organisation_name == "Second Chances" and application.consented_at
