"""Cutting quotes from their sources: an online answer or a passage noted at a session, kept
with the exact position of the words, and with redaction suggestions ready to decide."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch, QuerySet

from consultations.evidence.services.redaction import suggest_redactions
from consultations.models import Answer, Coding, Consultation, Contribution, Passage, Quote
from core import audit

QUOTE_FILTERS = {
    "all": "All quotes",
    "unreviewed": "Identifying details not yet reviewed",
    "uncoded": "Not yet given a theme",
}
QUOTE_SOURCES = {"answers": "Written answers", "sessions": "Session notes"}


def locate(source_text: str, words: str, start: int | None = None) -> tuple[int, int]:
    """Where `words` sit in the source: at `start` if given, else their only occurrence."""
    if not words:
        raise ValidationError("Choose the words to quote.")
    if start is not None:
        if source_text[start : start + len(words)] != words:
            raise ValidationError(
                "Those words are not at that position in the source; select them again."
            )
        return start, start + len(words)
    found = source_text.find(words)
    if found < 0:
        raise ValidationError("Those words are not in the source text exactly as written.")
    if source_text.find(words, found + 1) >= 0:
        raise ValidationError(
            "Those words appear more than once in the source; select the one you mean in the "
            "text, or give its start position."
        )
    return found, found + len(words)


def create_quote(actor, source: Answer | Passage, start: int, end: int) -> Quote:
    """Keep source.text[start:end] as a quote, with redaction suggestions ready to decide."""
    if isinstance(source, Answer):
        if source.contribution.status != Contribution.Status.SUBMITTED:
            raise ValidationError("Only submitted contributions can be quoted.")
        consultation_id, where = source.contribution.consultation_id, {"answer": source}
    else:
        consultation_id, where = source.session.consultation_id, {"passage": source}
    if not 0 <= start < end <= len(source.text):
        raise ValidationError(
            f"A quote must lie within its source (0 to {len(source.text)}), start before end."
        )
    existing = Quote.objects.filter(start=start, end=end, **where).first()
    if existing:
        raise ValidationError(f"That span is already quote {existing.pk}; nothing was added.")
    with transaction.atomic():
        quote = Quote.objects.create(
            consultation_id=consultation_id,
            start=start,
            end=end,
            text=source.text[start:end],
            created_by=actor,
            **where,
        )
        audit.record_change(actor, quote, {})
        suggest_redactions(quote)
    return quote


def quotes_to_review(
    consultation: Consultation,
    shown: str = "all",
    *,
    theme=None,
    source: str = "",
    words: str = "",
) -> QuerySet[Quote]:
    """The consultation's quotes, newest first, with their sources and themes: all of them, or
    (`shown`, one of QUOTE_FILTERS) those whose redaction is unreviewed or that are uncoded;
    narrowed to one theme, one kind of source (QUOTE_SOURCES) and quotes holding `words`."""
    quotes = consultation.quotes.select_related(
        "answer__contribution__organisation", "passage__speaker"
    ).prefetch_related(Prefetch("codings", queryset=Coding.objects.select_related("theme")))
    if shown == "unreviewed":
        quotes = quotes.filter(is_redaction_reviewed=False)
    elif shown == "uncoded":
        quotes = quotes.filter(codings__isnull=True)
    if theme is not None:
        quotes = quotes.filter(codings__theme=theme).distinct()
    if source == "answers":
        quotes = quotes.filter(answer__isnull=False)
    elif source == "sessions":
        quotes = quotes.filter(passage__isnull=False)
    for word in words.split():
        quotes = quotes.filter(text__icontains=word)
    return quotes.order_by("-pk")
