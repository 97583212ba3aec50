"""Export and erasure of what the programmes app holds about a person."""

import pytest

from core.registries.personal_data import DataSubject, source
from programmes.models import Application, Payment, YoungPerson
from programmes.services import youth
from programmes.tests.factories import (
    ApplicationFactory,
    FollowUpFactory,
    ProjectConsentFactory,
    YouthSessionFactory,
)

pytestmark = pytest.mark.django_db


def test_an_applicant_exports_and_erases_their_application_and_answers():
    followup = FollowUpFactory(participant__email="pat@example.org", paid_role=True)
    ApplicationFactory(email="someone.else@example.org")
    subject = DataSubject.for_contact("pat@example.org")
    applications = source("programmes.applications")
    exported = applications.export(subject)
    assert exported["programme applications"][0]["email"] == "pat@example.org"
    assert applications.erase(subject) == 1
    assert applications.erase(subject) == 0
    assert not Application.objects.filter(pk=followup.participant_id).exists()
    assert Application.objects.count() == 1


def test_a_young_person_is_erased_and_paid_sums_stay_anonymously():
    consent = ProjectConsentFactory(young_person__email="kit@example.org")
    payment = youth.record_owed(None, YouthSessionFactory(project=consent.project),
                                consent.young_person)  # fmt: skip
    youth.mark_paid(None, payment, payment.session.starts_at.date())
    subject = DataSubject.for_contact("kit@example.org")
    young = source("programmes.young_advocates")
    assert young.export(subject)["session payments"][0]["amount"] == "25.00"
    assert young.erase(subject) == 1
    assert young.erase(subject) == 0
    assert not YoungPerson.objects.filter(email="kit@example.org").exists()
    assert Payment.objects.get().young_person.first_name == "Erased"
