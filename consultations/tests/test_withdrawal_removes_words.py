"""Withdrawing consent removes the stored words once no sent or published use depends on
them: at once when nothing has left the building, else when staff resolve the last flag."""

import pytest
from django.utils import timezone

from consultations.evidence.services.withdrawal import (
    WORDS_WITHDRAWN,
    resolve_flag,
    withdraw_consent,
)
from consultations.models import Answer, Block, ConsentFlag, Quote, Submission, SubmissionSection
from consultations.tests.factories import QuoteFactory
from core import audit
from core.models import AuditEntry
from core.tests.factories import StaffFactory
from privacy.services.retention import apply_all

pytestmark = pytest.mark.django_db


def _sent_with(quote):
    submission = Submission.objects.create(
        consultation=quote.consultation,
        title="Our response",
        status=Submission.Status.SENT,
        sent_at=timezone.now(),
    )
    section = SubmissionSection.objects.create(submission=submission, heading="Housing")
    Block.objects.create(section=section, kind=Block.Kind.QUOTE, quote=quote)


def test_words_go_at_once_when_nothing_was_sent_or_published():
    quote = QuoteFactory()
    answer = quote.answer
    before = audit.snapshot(answer)
    answer.text += " And more."
    answer.save()
    audit.record_change(None, answer, before)
    result = withdraw_consent(StaffFactory(), answer.contribution)
    assert result.words_removed == 2
    assert Answer.objects.get().text == WORDS_WITHDRAWN
    assert Quote.objects.get().text == WORDS_WITHDRAWN
    entry = AuditEntry.objects.get(content_type__model="answer")
    assert entry.changes["text"] == [audit.ERASED_VALUE, audit.ERASED_VALUE]


def test_words_stay_while_a_flag_is_open_and_go_when_it_is_resolved():
    quote = QuoteFactory()
    words = quote.text
    _sent_with(quote)
    staff = StaffFactory()
    withdraw_consent(staff, quote.answer.contribution)
    assert Quote.objects.get().text == words
    flag = ConsentFlag.objects.get()
    resolve_flag(staff, flag)
    assert Quote.objects.get().text == WORDS_WITHDRAWN
    assert Answer.objects.get().text == WORDS_WITHDRAWN
    flag.refresh_from_db()
    assert words[:40] not in flag.description


def test_retention_removes_words_withdrawn_before_this_rule_and_is_safe_twice():
    quote = QuoteFactory()
    contribution = quote.answer.contribution
    contribution.consent_withdrawn_at = timezone.now()
    contribution.save()
    outcomes = {o.key: o.changed for o in apply_all()}
    assert outcomes["consultations.withdrawn_words"] == 1
    assert Answer.objects.get().text == WORDS_WITHDRAWN
    assert {o.key: o.changed for o in apply_all()}["consultations.withdrawn_words"] == 0
