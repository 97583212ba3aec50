"""Consent in each state, sharing per use, and paid participation."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from core.tests.factories import UserFactory
from programmes.models import ConsentState, Payment, Sharing
from programmes.services import youth
from programmes.tests.factories import (
    OutputFactory,
    ProjectConsentFactory,
    YoungPersonFactory,
    YouthProjectFactory,
    YouthSessionFactory,
    days_from_today,
)

pytestmark = pytest.mark.django_db


def aged(years: int, **kwargs):
    return YoungPersonFactory(date_of_birth=days_from_today(-(years * 365 + 40)), **kwargs)


def test_each_consent_state():
    project = YouthProjectFactory(parent_consent_under_16=True)
    child = aged(14, group=project.group)
    consent = ProjectConsentFactory(project=project, young_person=child, own_consent_at=None,
                                    parent_consent_at=None)  # fmt: skip
    assert youth.state(consent) == ConsentState.NEEDS_OWN
    youth.record_own_consent(None, consent)
    assert youth.state(consent) == ConsentState.NEEDS_PARENT
    with pytest.raises(ValidationError):
        youth.record_parent_consent(None, consent, "  ")
    youth.record_parent_consent(None, consent, "Sam Parent")
    assert youth.state(consent) == ConsentState.GIVEN
    youth.withdraw(None, consent)
    assert youth.state(consent) == ConsentState.WITHDRAWN


def test_consent_given_as_a_child_is_renewed_at_18():
    adult = aged(18)
    consent = ProjectConsentFactory(
        young_person=adult, project__group=adult.group,
        own_consent_at=timezone.now() - datetime.timedelta(days=200),
    )  # fmt: skip
    assert youth.state(consent) == ConsentState.NEEDS_RENEWAL
    youth.record_own_consent(None, consent)
    assert youth.state(consent) == ConsentState.GIVEN


def test_no_parent_consent_needed_when_the_project_does_not_ask():
    project = YouthProjectFactory(parent_consent_under_16=False)
    child = aged(13, group=project.group)
    consent = ProjectConsentFactory(project=project, young_person=child, parent_consent_at=None)
    assert youth.state(consent) == ConsentState.GIVEN


def test_credits_follow_the_choice_for_that_use_and_consent():
    consent = ProjectConsentFactory(young_person__first_name="Tamsin", young_person__last_name="Q")
    output = OutputFactory(project=consent.project)
    person = consent.young_person
    youth.set_credit(None, output, person, Sharing.INITIALS)
    assert youth.public_credits(output) == ["T.Q."]
    youth.set_credit(None, output, person, Sharing.FIRST_NAME)
    assert youth.public_credits(output) == ["Tamsin"]
    other = OutputFactory(project=consent.project)
    assert youth.public_credits(other) == []  # a choice is per use
    youth.withdraw(None, consent)
    assert youth.public_credits(output) == []
    with pytest.raises(ValidationError):
        youth.set_credit(None, output, person, Sharing.FIRST_NAME)
    with pytest.raises(ValidationError):
        youth.set_credit(None, output, person, "full_name")


def test_payments_need_consent_and_are_recorded_once():
    consent = ProjectConsentFactory(own_consent_at=None)
    session = YouthSessionFactory(project=consent.project)
    with pytest.raises(ValidationError, match="Consent"):
        youth.record_owed(None, session, consent.young_person)
    youth.record_own_consent(None, consent)
    payment = youth.record_owed(None, session, consent.young_person)
    assert payment.amount == session.payment
    with pytest.raises(ValidationError):
        youth.record_owed(None, session, consent.young_person)
    with pytest.raises(ValidationError):
        youth.mark_paid(None, payment, days_from_today(3))
    youth.mark_paid(None, payment, days_from_today(0))


def test_the_young_person_sees_only_their_own_payments(client):
    mine = ProjectConsentFactory()
    theirs = ProjectConsentFactory()
    for consent in (mine, theirs):
        youth.record_owed(None, YouthSessionFactory(project=consent.project, payment="40.00"),
                          consent.young_person)  # fmt: skip
    user = UserFactory()
    mine.young_person.user = user
    mine.young_person.save()
    client.force_login(user)
    html = client.get(reverse("programmes:my_payments")).content.decode()
    assert "Owed to you: £40.00" in html
    assert html.count("Interview training") == 1
    assert Payment.objects.count() == 2


def test_outputs_go_to_the_library_and_meetings_to_the_influence_log():
    from influence.models import InfluenceActivity
    from library.models import Resource
    from programmes.tests.factories import MeetingFactory

    output = OutputFactory()
    resource = youth.publish_output(None, output)
    assert Resource.objects.get() == resource and resource.status == "published"
    with pytest.raises(ValidationError):
        youth.publish_output(None, output)
    youth.log_meeting(None, MeetingFactory())
    assert InfluenceActivity.objects.get().kind == "meeting"
