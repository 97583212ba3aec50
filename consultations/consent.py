"""The one place that decides which words may leave the alliance, and how they are credited.

Every page, export, feed and API response that shows a contributor's words outside the staff
screens must take its quotes through `publishable_quotes()` and show them with
`published_text()` and `attribution_label()`. Staff screens may show originals.
"""

from django.db.models import Q, QuerySet

from consultations.models import Attribution, ConsentRecord, Quote, Redaction, Speaker

MEMBER_ORGANISATION_LABEL = "A member organisation"
PARTICIPANT_LABEL = "A roundtable participant"


def _consented(prefix: str) -> Q:
    """Consent given, not withdrawn, and a choice other than "for analysis only", for the
    record at prefix."""
    return Q(
        **{
            f"{prefix}__consent_given_at__isnull": False,
            f"{prefix}__consent_withdrawn_at__isnull": True,
        }
    ) & ~Q(**{f"{prefix}__attribution__in": ["", Attribution.NOT_FOR_PUBLICATION]})


PUBLISHABLE = Q(is_redaction_reviewed=True) & (
    (
        Q(answer__isnull=False)
        & Q(answer__contribution__status="submitted")
        & _consented("answer__contribution")
    )
    | (Q(passage__isnull=False) & _consented("passage__speaker"))
)


def publishable_quotes(quotes: QuerySet[Quote] | None = None) -> QuerySet[Quote]:
    """Quotes whose contributor allows publication and whose redaction staff have reviewed."""
    quotes = Quote.objects.all() if quotes is None else quotes
    return quotes.filter(PUBLISHABLE)


def consent_for(quote: Quote) -> ConsentRecord:
    """The contribution or the speaker whose consent governs this quote."""
    return quote.answer.contribution if quote.answer_id else quote.passage.speaker


def is_publishable(quote: Quote) -> bool:
    """The same rule as PUBLISHABLE, for one quote already in memory."""
    record = consent_for(quote)
    if quote.answer_id and record.status != "submitted":
        return False
    return quote.is_redaction_reviewed and record.may_be_published


def attribution_label(quote: Quote) -> str:
    """How the quote is credited, as its contributor agreed."""
    record = consent_for(quote)
    if record.attribution == Attribution.DESCRIBED and record.approved_description:
        return record.approved_description
    if record.attribution == Attribution.NAMED:
        if quote.answer_id:
            return record.organisation.name
        if record.kind == "organisation" and record.organisation_id:
            return record.organisation.name
        if record.kind == "person" and record.name:
            return record.name
    if quote.passage_id and record.kind == "anonymous":
        return PARTICIPANT_LABEL
    return MEMBER_ORGANISATION_LABEL


def accepted_spans(quote: Quote) -> list[Redaction]:
    """Accepted redactions in order, dropping any that overlap an earlier one."""
    spans, last_end = [], -1
    for redaction in sorted(
        (r for r in quote.redactions.all() if r.status == Redaction.Status.ACCEPTED),
        key=lambda r: (r.start, -r.end),
    ):
        if redaction.start >= last_end and redaction.end <= len(quote.text):
            spans.append(redaction)
            last_end = redaction.end
    return spans


def published_text(quote: Quote) -> str:
    """The quote with each accepted redaction replaced by its neutral marker."""
    pieces, cursor = [], 0
    for redaction in accepted_spans(quote):
        pieces.append(quote.text[cursor : redaction.start])
        pieces.append(redaction.marker)
        cursor = redaction.end
    pieces.append(quote.text[cursor:])
    return "".join(pieces)


def unpublishable_reason(quote: Quote) -> str:
    """Why this quote may not be published, in words staff can act on ("" if it may)."""
    record = consent_for(quote)
    if quote.answer_id and record.status != "submitted":
        return "Its contribution is still a draft."
    if record.consent_withdrawn_at is not None:
        return "Its contributor has withdrawn consent."
    if record.consent_given_at is None:
        return "Its contributor has not given consent to be quoted."
    if record.attribution == Attribution.NOT_FOR_PUBLICATION:
        return "Its contributor asked for it not to be published (evidence for analysis only)."
    if not quote.is_redaction_reviewed:
        return "Its identifying details have not been reviewed yet."
    return ""


def named_organisations(consultation) -> list[str]:
    """Organisations that contributed and agreed to be named, for the acknowledgements."""
    from members.models import Organisation

    named = Q(attribution=Attribution.NAMED) & Q(
        consent_given_at__isnull=False, consent_withdrawn_at__isnull=True
    )
    contributed = Q(
        contributions__in=consultation.contributions.filter(named, status="submitted")
    ) | Q(
        consultation_speakers__in=Speaker.objects.filter(named, session__consultation=consultation)
    )
    return list(
        Organisation.objects.filter(contributed)
        .order_by("name")
        .distinct()
        .values_list("name", flat=True)
    )
