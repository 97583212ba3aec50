"""Consultations' part of people's data rights: export and erasure of contributions and of
what speakers said."""

import pytest

from consultations.models import Answer, ConsentFlag, Passage, Quote, Speaker
from consultations.tests.factories import (
    AnswerFactory,
    ContributionFactory,
    PassageFactory,
    QuoteFactory,
    SessionFactory,
    SpeakerFactory,
)
from core import audit
from core.models import AuditEntry
from core.registries import personal_data
from core.registries.personal_data import REMOVED_AT_REQUEST, DataSubject
from core.tests.factories import UserFactory
from members.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_contribution_export_lists_answers_and_consent():
    answer = AnswerFactory(text="Release on a Friday leaves people homeless.")
    subject = DataSubject.for_user(answer.contribution.author)
    tables = personal_data.source("consultations.contributions").export(subject)
    assert tables["your answers"][0]["answer"] == "Release on a Friday leaves people homeless."
    assert tables["consultation contributions"][0]["consent given"]


def test_erasing_a_contribution_replaces_words_withdraws_consent_and_is_safe_twice():
    answer = AnswerFactory()
    quote = QuoteFactory(answer=answer)
    contribution = answer.contribution
    before = audit.snapshot(answer)
    answer.text += " More."
    answer.save()
    audit.record_change(contribution.author, answer, before)
    subject = DataSubject.for_user(contribution.author)
    source = personal_data.source("consultations.contributions")
    assert source.erase(subject) > 0
    assert source.erase(subject) == 0
    assert Answer.objects.get().text == REMOVED_AT_REQUEST
    assert Quote.objects.get(pk=quote.pk).text == REMOVED_AT_REQUEST
    contribution.refresh_from_db()
    assert contribution.consent_withdrawn_at is not None and contribution.author is None
    entry = AuditEntry.objects.get(object_id=str(answer.pk), content_type__model="answer")
    assert entry.changes["text"] == [audit.ERASED_VALUE, audit.ERASED_VALUE]


def test_erasing_a_named_speaker_replaces_passages_and_flags_published_use():
    person = PersonFactory(email="speaker@example.org")
    speaker = SpeakerFactory(kind=Speaker.Kind.PERSON, name=person.name, person=person)
    passage = PassageFactory(speaker=speaker)
    QuoteFactory(passage=passage)
    subject = DataSubject.for_contact("speaker@example.org", person.name)
    exported = personal_data.source("consultations.sessions").export(subject)
    assert exported["what you said (as noted)"][0]["words"] == passage.text
    source = personal_data.source("consultations.sessions")
    assert source.erase(subject) > 0
    assert source.erase(subject) == 0
    assert Passage.objects.get().text == REMOVED_AT_REQUEST
    speaker.refresh_from_db()
    assert speaker.name == "" and speaker.person is None
    assert speaker.consent_withdrawn_at is not None
    assert not ConsentFlag.objects.exists()  # nothing had been sent or published


def test_facilitator_name_is_exported_and_erased():
    SessionFactory(facilitator="Ada Okafor")
    subject = DataSubject(user=UserFactory(name="Ada Okafor"), names=frozenset({"Ada Okafor"}))
    source = personal_data.source("consultations.sessions")
    assert len(source.export(subject)["sessions you facilitated"]) == 1
    assert source.erase(subject) == 1
    assert source.export(subject)["sessions you facilitated"] == []


def test_other_peoples_contributions_are_untouched():
    mine, theirs = AnswerFactory(), AnswerFactory(text="Theirs stays.")
    ContributionFactory()
    personal_data.source("consultations.contributions").erase(
        DataSubject.for_user(mine.contribution.author)
    )
    assert Answer.objects.get(pk=theirs.pk).text == "Theirs stays."
