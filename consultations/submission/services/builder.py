"""The rules of the submission builder: its outline, its blocks and what may go in them.

Views collect input and call these; a refusal is a ValidationError with a message staff can
act on, and a refused change changes nothing. Every write is audited.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Max, Prefetch, QuerySet

from consultations import consent
from consultations.models import Block, Consultation, Quote, Submission, SubmissionSection
from core import audit
from influence.models import Recommendation
from influence.services import matching
from influence.services import recommendations as influence

MAX_HEADING = 300
MAX_TEXT = 50_000  # about twenty pages in one block: more is a paste gone wrong
MAX_TITLE = 200

EMPTY_TEXT = "Write some text for this block: it is empty."
TOO_LONG = "This text is {length:,} characters long; keep one block under {limit:,}."
WRONG_CONSULTATION = "That quote belongs to another consultation."
ALREADY_QUOTED = "That quote is already in this submission, under “{heading}”."
ALREADY_LINKED = "That recommendation is already in this submission, under “{heading}”."
MERGED = "That recommendation was merged into another; link the one it was merged into."


def _record(actor, obj, before: dict):
    audit.record_change(actor, obj, before, audit.snapshot(obj))


def _clean_heading(heading: str) -> str:
    heading = " ".join((heading or "").split())
    if not heading:
        raise ValidationError({"heading": ["Give the section a heading."]})
    if len(heading) > MAX_HEADING:
        raise ValidationError({"heading": [f"Keep the heading under {MAX_HEADING} characters."]})
    return heading


def _clean_text(text: str) -> str:
    text = (text or "").replace("\x00", "").strip()
    if not text:
        raise ValidationError({"text": [EMPTY_TEXT]})
    if len(text) > MAX_TEXT:
        raise ValidationError({"text": [TOO_LONG.format(length=len(text), limit=MAX_TEXT)]})
    return text


def _next_position(queryset) -> int:
    return (queryset.aggregate(top=Max("position"))["top"] or 0) + 1


# --- The submission and its outline ---------------------------------------------------------


def start_submission(actor, consultation: Consultation) -> Submission:
    """Create the submission with one part per question part and one section per question.

    Safe to call twice: an existing submission is returned unchanged."""
    with transaction.atomic():
        submission, created = Submission.objects.get_or_create(
            consultation=consultation,
            defaults={"title": f"Response to {consultation.title}"[:300]},
        )
        if not created:
            return submission
        for part_position, part in enumerate(consultation.question_parts.all(), start=1):
            heading = SubmissionSection.objects.create(
                submission=submission, heading=part.title, position=part_position
            )
            for position, question in enumerate(part.questions.all(), start=1):
                SubmissionSection.objects.create(
                    submission=submission,
                    parent=heading,
                    question=question,
                    heading=f"Question {question.number}: {question.text}"[:MAX_HEADING],
                    position=position,
                )
        _record(actor, submission, {})
    return submission


def update_details(actor, submission: Submission, *, title, introduction, contact_details):
    title = " ".join((title or "").split())
    errors = {}
    if not title:
        errors["title"] = ["Give the submission a title."]
    elif len(title) > MAX_HEADING:
        errors["title"] = [f"Keep the title under {MAX_HEADING} characters."]
    for name, value in (("introduction", introduction), ("contact_details", contact_details)):
        if len(value or "") > MAX_TEXT:
            errors[name] = [TOO_LONG.format(length=len(value), limit=MAX_TEXT)]
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(submission)
    submission.title = title
    submission.introduction = (introduction or "").replace("\x00", "").strip()
    submission.contact_details = (contact_details or "").replace("\x00", "").strip()
    submission.save()
    _record(actor, submission, before)
    return submission


def add_section(actor, submission: Submission, heading: str, parent=None) -> SubmissionSection:
    """A new part (no parent) or a section inside a part, placed last."""
    heading = _clean_heading(heading)
    if parent is not None and (parent.submission_id != submission.pk or parent.parent_id):
        raise ValidationError({"parent": ["Sections go inside a part of this submission."]})
    siblings = SubmissionSection.objects.filter(submission=submission, parent=parent)
    section = SubmissionSection.objects.create(
        submission=submission, parent=parent, heading=heading, position=_next_position(siblings)
    )
    _record(actor, section, {})
    return section


def rename_section(actor, section: SubmissionSection, heading: str) -> SubmissionSection:
    heading = _clean_heading(heading)
    before = audit.snapshot(section)
    section.heading = heading
    section.save(update_fields=["heading"])
    _record(actor, section, before)
    return section


def _swap(actor, item, siblings, direction: str):
    """Move an item one place up or down among its siblings (positions renumbered)."""
    if direction not in {"up", "down"}:
        raise ValidationError({"direction": ["Move up or down."]})
    ordered = list(siblings)
    index = next(i for i, other in enumerate(ordered) if other.pk == item.pk)
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(ordered):
        return item
    ordered[index], ordered[other] = ordered[other], ordered[index]
    with transaction.atomic():
        for position, entry in enumerate(ordered, start=1):
            if entry.position != position:
                before = audit.snapshot(entry)
                entry.position = position
                entry.save(update_fields=["position"])
                _record(actor, entry, before)
    return item


def move_section(actor, section: SubmissionSection, direction: str):
    siblings = SubmissionSection.objects.filter(
        submission=section.submission_id, parent=section.parent_id
    )
    return _swap(actor, section, siblings, direction)


def remove_section(actor, section: SubmissionSection) -> None:
    """Remove a section, its subsections and their blocks."""
    with transaction.atomic():
        before = audit.snapshot(section)
        submission = section.submission
        audit.record_change(actor, section, before, {})
        section.delete()
        _sync_recommendations(submission)


# --- Blocks ---------------------------------------------------------------------------------


def _add_block(actor, section: SubmissionSection, **values) -> Block:
    block = Block.objects.create(
        section=section, position=_next_position(section.blocks.all()), **values
    )
    _record(actor, block, {})
    return block


def add_text(actor, section: SubmissionSection, text: str) -> Block:
    """Narrative in Markdown. Kept as written; every output sanitises it with nh3."""
    return _add_block(actor, section, kind=Block.Kind.TEXT, text=_clean_text(text))


def edit_text(actor, block: Block, text: str) -> Block:
    if block.kind != Block.Kind.TEXT:
        raise ValidationError({"text": ["Only narrative blocks have text to edit."]})
    text = _clean_text(text)
    before = audit.snapshot(block)
    block.text = text
    block.save(update_fields=["text"])
    _record(actor, block, before)
    return block


def add_quote(actor, section: SubmissionSection, quote: Quote) -> Block:
    """Insert a quote, refused (with the reason) unless it may be published."""
    submission = section.submission
    if quote.consultation_id != submission.consultation_id:
        raise ValidationError({"quote": [WRONG_CONSULTATION]})
    reason = consent.unpublishable_reason(quote)
    if reason:
        raise ValidationError({"quote": [f"This quote cannot be used: {reason}"]})
    existing = Block.objects.filter(section__submission=submission, quote=quote).first()
    if existing:
        heading = existing.section.heading
        raise ValidationError({"quote": [ALREADY_QUOTED.format(heading=heading)]})
    return _add_block(actor, section, kind=Block.Kind.QUOTE, quote=quote)


def link_recommendation(actor, section: SubmissionSection, recommendation: Recommendation):
    """Put an existing recommendation in this section; it joins the submission's list."""
    if recommendation.merged_into_id:
        raise ValidationError({"recommendation": [MERGED]})
    submission = section.submission
    existing = Block.objects.filter(
        section__submission=submission, recommendation=recommendation
    ).first()
    if existing:
        heading = existing.section.heading
        raise ValidationError({"recommendation": [ALREADY_LINKED.format(heading=heading)]})
    with transaction.atomic():
        block = _add_block(
            actor, section, kind=Block.Kind.RECOMMENDATION, recommendation=recommendation
        )
        submission.recommendations.add(recommendation)
    return block


class PossibleRepeat(ValidationError):
    """The tracker already has this ask: the person chooses to link it, to add theirs as a
    repeat of it, or to say it asks something different. Nothing was created."""

    def __init__(self, matches: list[Recommendation]):
        self.matches = matches
        names = "; ".join(f"“{item.title}”" for item in matches)
        super().__init__(
            {
                "title": [
                    f"The tracker already asks this of the same body: {names}. Link it, or "
                    "say how yours differs."
                ]
            }
        )


def create_recommendation(
    actor,
    section: SubmissionSection,
    *,
    title,
    text,
    targets,
    repeats: Recommendation | None = None,
    different: bool = False,
) -> Block:
    """Create a recommendation in the tracker (unpublished until the submission is
    published and becomes its source) and put it in this section.

    When the tracker already asks one of `targets` for near-identical words, raises
    PossibleRepeat unless the caller says the new one `repeats` an earlier one or is
    `different`: a submission never silently makes a second copy of an ask."""
    title = " ".join((title or "").split())
    text = (text or "").strip()
    errors = {}
    if not title:
        errors["title"] = ["Give the recommendation a short title."]
    elif len(title) > MAX_TITLE:
        errors["title"] = [f"Keep the short title under {MAX_TITLE} characters."]
    if not text:
        errors["text"] = ["Write out the recommendation in full."]
    elif len(text) > MAX_TEXT:
        errors["text"] = [TOO_LONG.format(length=len(text), limit=MAX_TEXT)]
    if not targets:
        errors["targets"] = ["Choose at least one body this recommendation asks to act."]
    if errors:
        raise ValidationError(errors)
    chosen = repeats is not None or different
    if not chosen and (matches := matching.matching_recommendations(title, text, targets)):
        raise PossibleRepeat(matches)
    consultation = section.submission.consultation
    with transaction.atomic():
        recommendation = influence.create_recommendation(
            actor,
            title=title,
            text=text,
            targets=targets,
            networks=list(consultation.networks.all()),
            parts=list(consultation.parts.all()),
            themes=list(consultation.themes.all()),
            repeats=repeats,
        )
        return link_recommendation(actor, section, recommendation)


def move_block(actor, block: Block, direction: str):
    return _swap(actor, block, Block.objects.filter(section=block.section_id), direction)


def remove_block(actor, block: Block) -> None:
    with transaction.atomic():
        submission = block.section.submission
        audit.record_change(actor, block, audit.snapshot(block), {})
        block.delete()
        _sync_recommendations(submission)


def _sync_recommendations(submission: Submission) -> None:
    """The submission's recommendations are exactly those in its blocks."""
    in_blocks = Recommendation.objects.filter(
        submission_blocks__section__submission=submission
    ).distinct()
    submission.recommendations.set(in_blocks)


# --- What the builder pages show ------------------------------------------------------------


def outline(submission: Submission) -> QuerySet[SubmissionSection]:
    """The submission's parts with their sections, each with how many blocks it holds."""
    return (
        SubmissionSection.objects.filter(submission=submission, parent=None)
        .annotate(block_count=Count("blocks"))
        .prefetch_related(
            Prefetch(
                "children",
                queryset=SubmissionSection.objects.annotate(block_count=Count("blocks")),
            )
        )
    )


def quotes_to_insert(submission: Submission, theme=None) -> QuerySet[Quote]:
    """The consultation's coded quotes, of one theme if given, in the order they were cut."""
    quotes = (
        Quote.objects.filter(consultation=submission.consultation, codings__isnull=False)
        .select_related(
            "answer__contribution__organisation",
            "answer__question",
            "passage__speaker__organisation",
            "passage__session",
        )
        .prefetch_related("redactions", "codings__theme")
        .distinct()
        .order_by("pk")
    )
    if theme:
        quotes = quotes.filter(codings__theme=theme)
    return quotes


def quote_rows(submission: Submission, quotes) -> list[dict]:
    """Each quote as the picker shows it: its published text and credit, why it may not be
    used (if so), whether the submission already has it, and its themes."""
    used = set(
        Block.objects.filter(section__submission=submission, quote__isnull=False).values_list(
            "quote_id", flat=True
        )
    )
    return [
        {
            "quote": quote,
            "text": consent.published_text(quote),
            "attribution": consent.attribution_label(quote),
            "reason": consent.unpublishable_reason(quote),
            "used": quote.pk in used,
            "themes": sorted({c.theme.name for c in quote.codings.all()}),
        }
        for quote in quotes
    ]


def block_rows(section: SubmissionSection) -> list[dict]:
    """The section's blocks in order; each quote with its published text and credit, and why
    it may no longer be published (its consent withdrawn since, say)."""
    blocks = section.blocks.select_related(
        "recommendation",
        "quote__answer__contribution__organisation",
        "quote__passage__speaker__organisation",
    ).prefetch_related("quote__redactions", "recommendation__targets")
    rows = []
    for block in blocks:
        row = {"block": block}
        if block.quote_id:
            row.update(
                text=consent.published_text(block.quote),
                attribution=consent.attribution_label(block.quote),
                reason=consent.unpublishable_reason(block.quote),
            )
        rows.append(row)
    return rows
