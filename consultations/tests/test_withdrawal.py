"""Withdrawing consent: quotes leave every draft, any released use is flagged to staff, and
every step is audited."""

import pytest
from django.urls import reverse
from django.utils import timezone

from consultations.evidence.services.withdrawal import resolve_flag, withdraw_consent
from consultations.models import (
    Block,
    ConsentFlag,
    Submission,
    SubmissionSection,
    SubmissionVersion,
)
from consultations.tests.factories import PassageFactory, QuoteFactory
from core.models import AuditEntry
from core.tests.factories import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


def _submission_with(quote, **fields) -> Submission:
    submission = Submission.objects.create(
        consultation=quote.consultation, title="Our response", **fields
    )
    section = SubmissionSection.objects.create(submission=submission, heading="Housing")
    Block.objects.create(section=section, kind=Block.Kind.QUOTE, quote=quote)
    Block.objects.create(section=section, kind=Block.Kind.TEXT, text="Our members said:")
    return submission


def test_withdrawing_removes_the_quotes_from_a_draft_without_flags():
    quote = QuoteFactory()
    _submission_with(quote)
    staff = StaffFactory()
    result = withdraw_consent(staff, quote.answer.contribution)
    assert result.blocks_removed == 1
    assert not Block.objects.filter(quote=quote).exists()
    assert Block.objects.filter(kind=Block.Kind.TEXT).exists()
    assert not ConsentFlag.objects.exists()
    contribution = quote.answer.contribution
    contribution.refresh_from_db()
    assert contribution.consent_withdrawn_at is not None
    assert AuditEntry.objects.filter(object_id=str(contribution.pk)).exists()


@pytest.mark.parametrize(
    "fields",
    [
        {"status": Submission.Status.SENT, "sent_at": timezone.now()},
        {"status": Submission.Status.SENT, "published_at": timezone.now()},
    ],
)
def test_a_quote_in_a_sent_or_published_submission_is_flagged_not_removed(fields):
    quote = QuoteFactory(passage=PassageFactory())
    _submission_with(quote, **fields)
    result = withdraw_consent(StaffFactory(), quote.passage.speaker)
    assert result.blocks_removed == 0
    assert Block.objects.filter(quote=quote).exists()
    flag = ConsentFlag.objects.get()
    assert flag.quote == quote and flag.consultation == quote.consultation
    assert "withdrew consent" in flag.description


def test_a_quote_kept_in_a_saved_version_is_flagged_even_after_leaving_the_draft():
    quote = QuoteFactory()
    submission = _submission_with(quote)
    SubmissionVersion.objects.create(
        submission=submission, number=1, content={"sections": [{"quotes": [quote.text]}]}
    )
    result = withdraw_consent(StaffFactory(), quote.answer.contribution)
    assert result.blocks_removed == 1
    assert "saved version 1" in ConsentFlag.objects.get().description


def test_withdrawing_twice_changes_nothing_the_second_time():
    quote = QuoteFactory()
    _submission_with(quote, status=Submission.Status.SENT)
    staff = StaffFactory()
    withdraw_consent(staff, quote.answer.contribution)
    again = withdraw_consent(staff, quote.answer.contribution)
    assert again.already_withdrawn
    assert ConsentFlag.objects.count() == 1


def test_staff_withdraw_from_the_contribution_page_and_resolve_the_flag(client):
    quote = QuoteFactory()
    _submission_with(quote, status=Submission.Status.SENT, sent_at=timezone.now())
    staff = StaffFactory()
    client.force_login(staff)
    slug = quote.consultation.slug
    contribution = quote.answer.contribution
    url = reverse("consultations:staff_withdraw_contribution", args=[slug, contribution.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, follow=True)
    assert "staff have been alerted" in response.content.decode()

    flags = client.get(reverse("consultations:staff_flags", args=[slug])).content.decode()
    assert "withdrew consent" in flags
    flag = ConsentFlag.objects.get()
    client.post(reverse("consultations:staff_flag_resolve", args=[slug, flag.pk]))
    flag.refresh_from_db()
    assert flag.resolved_at and flag.resolved_by == staff
    assert resolve_flag(staff, flag).resolved_at == flag.resolved_at


def test_staff_withdraw_a_speakers_consent(client):
    quote = QuoteFactory(passage=PassageFactory())
    _submission_with(quote)
    client.force_login(StaffFactory())
    speaker = quote.passage.speaker
    url = reverse(
        "consultations:staff_withdraw_speaker", args=[quote.consultation.slug, speaker.pk]
    )
    client.post(url)
    speaker.refresh_from_db()
    assert speaker.consent_withdrawn_at is not None
    assert not Block.objects.filter(quote=quote).exists()


def test_a_member_cannot_post_a_withdrawal_for_another_organisation(client):
    quote = QuoteFactory()
    client.force_login(UserFactory())
    contribution = quote.answer.contribution
    url = reverse(
        "consultations:contribute_withdraw",
        args=[quote.consultation.slug, contribution.organisation.slug],
    )
    assert client.post(url).status_code == 404
    staff_url = reverse(
        "consultations:staff_withdraw_contribution",
        args=[quote.consultation.slug, contribution.pk],
    )
    assert client.post(staff_url).status_code == 403
    contribution.refresh_from_db()
    assert contribution.consent_withdrawn_at is None
