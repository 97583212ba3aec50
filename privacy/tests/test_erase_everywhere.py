"""Erasing a person everywhere leaves no trace of their address or name in any text column of
any table, across every app, while the records that are not theirs (organisations, events,
the fact that consent was withdrawn) stay."""

import pytest
from django.apps import apps
from django.db import models
from django.db.models import Q

from consultations.models import Contribution, Speaker
from consultations.tests.factories import AnswerFactory, PassageFactory, SpeakerFactory
from core import audit
from core.models import ApiToken
from core.registries.personal_data import DataSubject
from core.tests.factories import UserFactory
from events.models import Speaker as EventSpeaker
from events.services.registration import Applicant, register
from events.tests.factories import EventFactory, QuestionFactory
from media.models import SavedSearch
from media.tests.factories import ArticleFactory
from members.models import MembershipApplication, Organisation
from members.tests.factories import OrganisationFactory, member_contact_for
from privacy.models import DataRequest
from privacy.services.erasure import erase_everywhere
from systemmodel.tests.factories import ScenarioFactory

pytestmark = pytest.mark.django_db

EMAIL, NAME = "rowan.ashby@example.org", "Rowan Ashby"
TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField)


def _traces() -> list[str]:
    """Every "table.column" still holding the address or the name."""
    found = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if not isinstance(field, TEXT_FIELDS):
                continue
            query = Q(**{f"{field.name}__icontains": EMAIL}) | Q(
                **{f"{field.name}__icontains": NAME}
            )
            if model._default_manager.filter(query).exists():
                found.append(f"{model._meta.label}.{field.name}")
    return found


def _a_person_known_everywhere():
    user = UserFactory(email=EMAIL, name=NAME)
    organisation = OrganisationFactory(name="Second Chances")
    member_contact_for(organisation, user)
    ApiToken.issue(user, "Our CRM")
    answer = AnswerFactory(contribution__author=user, contribution__organisation=organisation)
    answer.contribution.feedback_email = EMAIL
    answer.contribution.save()
    speaker = SpeakerFactory(kind=Speaker.Kind.PERSON, name=NAME, person=user.person)
    PassageFactory(speaker=speaker, text=f"I am {NAME} and this happened to me.")
    MembershipApplication.objects.create(
        organisation_name="Second Chances Leeds",
        org_type="charity",
        description="Mentoring.",
        contact_name=NAME,
        contact_email=EMAIL,
        consent_text="I agree.",
    )
    event = EventFactory()
    question = QuestionFactory(event=event)
    register(event, Applicant(NAME, EMAIL, user=user, answers={question.pk: "Step-free"}))
    EventSpeaker.objects.create(event=EventFactory(), name=NAME, role="Director")
    SavedSearch.objects.create(owner=user, name="Mentions of our work", query="mentoring")
    ArticleFactory(byline=NAME)
    ScenarioFactory(created_by=user, title="Fewer short sentences")
    before = audit.snapshot(organisation)
    organisation.description = f"Contact {NAME} at {EMAIL}."
    organisation.save()
    audit.record_change(user, organisation, before)
    organisation.description = "Mentoring on release."
    organisation.save()
    DataRequest.objects.create(kind="erasure", received_via="post", name=NAME, email=EMAIL)
    return user


def test_nothing_of_the_person_is_left_in_any_table():
    user = _a_person_known_everywhere()
    assert len(_traces()) > 10
    subject = DataSubject.for_contact(EMAIL, NAME)
    counts = erase_everywhere(subject)
    assert all(changed >= 0 for changed in counts.values())
    assert _traces() == []
    assert sum(erase_everywhere(subject).values()) == 0
    # What was not theirs stays.
    assert Organisation.objects.filter(name="Second Chances").exists()
    contribution = Contribution.objects.get()
    assert contribution.consent_given_at and contribution.consent_withdrawn_at
    user.refresh_from_db()
    assert not user.is_active
