"""Withdrawing consent: the contributor's words leave every draft at once, and any use that
has already left the building (a sent or published submission, a saved version) is flagged to
staff, who must deal with it by hand (ask the asking body to disregard, republish). Once no
open flag depends on them, the stored words themselves are replaced by WORDS_WITHDRAWN.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from consultations.consent import published_text
from consultations.models import (
    Answer,
    Block,
    ConsentFlag,
    Contribution,
    Passage,
    Quote,
    Redaction,
    Speaker,
    Submission,
    SubmissionVersion,
)
from core import audit

WORDS_WITHDRAWN = "[removed: consent withdrawn]"


@dataclass
class Withdrawal:
    """What withdrawing consent did, for the message shown to whoever withdrew it."""

    already_withdrawn: bool = False
    blocks_removed: int = 0
    words_removed: int = 0
    flags: list[ConsentFlag] = field(default_factory=list)


def quotes_of(record: Contribution | Speaker) -> QuerySet[Quote]:
    if isinstance(record, Contribution):
        return Quote.objects.filter(answer__contribution=record)
    return Quote.objects.filter(passage__speaker=record)


def _who(record: Contribution | Speaker) -> str:
    if isinstance(record, Contribution):
        return f"{record.organisation.name} (online contribution)"
    return f"{record} (speaker at “{record.session.title}”)"


def _mentions(content, quote: Quote, words: tuple[str, ...]) -> bool:
    """True if a saved version's content names the quote or contains its words."""
    if isinstance(content, dict):
        if any(content.get(key) == quote.pk for key in ("quote", "quote_id", "quote_pk")):
            return True
        return any(_mentions(value, quote, words) for value in content.values())
    if isinstance(content, list):
        return any(_mentions(value, quote, words) for value in content)
    if isinstance(content, str):
        return any(word in content for word in words)
    return False


def _released_uses(quote: Quote, versions: list[SubmissionVersion]) -> list[str]:
    """Where the quote has been used outside the drafts, in words."""
    uses = []
    for block in quote.blocks.select_related("section__submission"):
        submission = block.section.submission
        if submission.is_published:
            uses.append(f"the published submission “{submission.title}”")
        elif submission.status == Submission.Status.SENT:
            uses.append(f"the submission “{submission.title}” sent to the asking body")
    # A saved version holds rendered text: the quote is found by its id where the version
    # kept one, else by its words. Under 20 characters, words alone would match too often.
    words = tuple(w for w in {published_text(quote), quote.text} if len(w) >= 20)
    for version in versions:
        if _mentions(version.content, quote, words):
            uses.append(f"saved version {version.number} of “{version.submission.title}”")
    return sorted(set(uses))


def withdraw_consent(actor, record: Contribution | Speaker) -> Withdrawal:
    """Record the withdrawal, remove the contributor's quotes from draft submissions, and
    flag each quote already sent, published or kept in a saved version. Safe to repeat."""
    with transaction.atomic():
        record = type(record).objects.select_for_update().get(pk=record.pk)
        if record.consent_withdrawn_at is not None:
            return Withdrawal(already_withdrawn=True)
        before = audit.snapshot(record)
        record.consent_withdrawn_at = timezone.now()
        record.save(update_fields=["consent_withdrawn_at"])
        audit.record_change(actor, record, before)

        quotes = list(quotes_of(record).prefetch_related("redactions"))
        result = Withdrawal()
        draft_blocks = Block.objects.filter(
            quote__in=quotes,
            section__submission__status=Submission.Status.DRAFT,
            section__submission__published_at__isnull=True,
        )
        for block in draft_blocks:
            audit.record_change(actor, block, audit.snapshot(block), {})
        result.blocks_removed = draft_blocks.delete()[0]

        consultation = (
            record.consultation if isinstance(record, Contribution) else record.session.consultation
        )
        versions = list(
            SubmissionVersion.objects.filter(submission__consultation=consultation).select_related(
                "submission"
            )
        )
        for quote in quotes:
            uses = _released_uses(quote, versions)
            if not uses:
                continue
            flag = ConsentFlag.objects.create(
                consultation=consultation,
                quote=quote,
                description=(
                    f"{_who(record)} withdrew consent for a quote that is in "
                    f"{'; '.join(uses)}: “{published_text(quote)[:200]}”"
                ),
            )
            audit.record_change(actor, flag, {})
            result.flags.append(flag)
        result.words_removed = remove_withdrawn_words(record, replacement=WORDS_WITHDRAWN)
    return result


def record_of(quote: Quote) -> Contribution | Speaker:
    return quote.answer.contribution if quote.answer_id else quote.passage.speaker


def remove_withdrawn_words(record: Contribution | Speaker, replacement: str) -> int:
    """Replace the record's stored words (answers or passages, and the quotes taken from
    them) once no open flag still needs them; the audit log loses the old values too.
    Returns how many texts changed: 0 while a flag is open or when already done."""
    if ConsentFlag.objects.filter(quote__in=quotes_of(record), resolved_at__isnull=True).exists():
        return 0
    return replace_words(record, replacement)


def replace_words(record: Contribution | Speaker, replacement: str) -> int:
    """Replace the record's stored words everywhere they are kept, whatever depends on them
    (erasure); flags keep their reason without the words."""
    quotes = list(quotes_of(record))
    if isinstance(record, Contribution):
        sources = list(Answer.objects.filter(contribution=record).exclude(text=replacement))
    else:
        sources = list(Passage.objects.filter(speaker=record).exclude(text=replacement))
    quotes = [quote for quote in quotes if quote.text != replacement]
    for flag in ConsentFlag.objects.filter(quote__in=quotes).select_related("quote"):
        flag.description = flag.description.replace(flag.quote.text[:200], replacement)
        flag.description = flag.description.replace(published_text(flag.quote)[:200], replacement)
        flag.save(update_fields=["description"])
    audit.forget_records(sources + quotes)
    Redaction.objects.filter(quote__in=quotes).delete()
    for quote in quotes:
        quote.text, quote.start, quote.end = replacement, 0, len(replacement)
        quote.save(update_fields=["text", "start", "end"])
    for source in sources:
        source.text = replacement
        source.save(update_fields=["text"])
    return len(sources) + len(quotes)


def withdrawal_message(result: Withdrawal) -> str:
    if result.already_withdrawn:
        return "Consent had already been withdrawn; nothing changed."
    message = (
        "Consent withdrawn: these words have been taken out of every draft and will not be "
        "published from now on."
    )
    if result.flags:
        message += (
            f" {len(result.flags)} quote{'s were' if len(result.flags) != 1 else ' was'} "
            "already in a sent or published submission; staff have been alerted to deal "
            "with that."
        )
    return message


def open_flags(consultation) -> QuerySet[ConsentFlag]:
    return consultation.consent_flags.filter(resolved_at__isnull=True)


def resolve_flag(actor, flag: ConsentFlag) -> ConsentFlag:
    """Mark a flag dealt with; resolving one already resolved changes nothing."""
    if flag.resolved_at is not None:
        return flag
    before = audit.snapshot(flag)
    flag.resolved_at = timezone.now()
    flag.resolved_by = actor
    flag.save(update_fields=["resolved_at", "resolved_by"])
    audit.record_change(actor, flag, before)
    record = record_of(flag.quote) if flag.quote_id else None
    if record is not None and record.consent_withdrawn_at is not None:
        remove_withdrawn_words(record, replacement=WORDS_WITHDRAWN)
    return flag
