"""Sending the submission to the asking body, and publishing it in the library.

Sending moves the consultation to "submitted" and records each recommendation as raised
with each of its targets, through influence's own rules (date order, targets). Publishing
files the document in the library as a consultation response, which becomes a source of
every recommendation in it, so they can join the public tracker.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from consultations.models import Block, ConsultationStatus, Submission
from consultations.submission.services.document import Document, build_document, document_lines
from consultations.submission.services.export_pdf import render_pdf
from core import audit
from core.lib.uploads import FileKind
from influence.models import Status, StatusChange
from influence.services import recommendations as influence
from influence.services import status as influence_status
from library import services as library
from library.models import ExtractionStatus, Resource, ResourceKind, ResourceStatus

ALREADY_SENT = "This submission was already marked as sent on {date}; nothing was changed."
NOTHING_TO_SEND = "The submission has no content yet: add text, quotes or recommendations first."
NOT_SENT = "Mark the submission as sent before publishing it, so the public copy is the one sent."


def _date_text(value: datetime.date) -> str:
    return f"{value.day} {value:%B %Y}"


def _raise_with_targets(actor, submission: Submission, sent_on: datetime.date) -> list[str]:
    """Record "raised with the target" for each recommendation and target; notes say what
    was skipped and why, so staff can check the tracker."""
    notes = []
    note = f"Raised in our response to “{submission.consultation.title}”."
    for recommendation in submission.recommendations.prefetch_related("targets"):
        for target in recommendation.targets.all():
            already = StatusChange.objects.filter(
                recommendation=recommendation,
                target=target,
                status=Status.RAISED,
                corrected_by__isnull=True,
            ).first()
            if already:
                notes.append(
                    f"“{recommendation.title}” was already recorded as raised with {target} "
                    f"on {_date_text(already.happened_on)}; no new entry."
                )
                continue
            try:
                influence_status.record_status_change(
                    actor, recommendation, target, Status.RAISED, sent_on, note=note
                )
            except ValidationError as error:
                reasons = " ".join(error.messages)
                notes.append(f"“{recommendation.title}” with {target}: not recorded. {reasons}")
    return notes


def mark_as_sent(actor, submission: Submission) -> list[str]:
    """Refused if already sent or empty; returns notes on the tracker entries skipped."""
    if submission.sent_at:
        sent_on = timezone.localdate(submission.sent_at)
        raise ValidationError(ALREADY_SENT.format(date=_date_text(sent_on)))
    if not Block.objects.filter(section__submission=submission).exists():
        raise ValidationError(NOTHING_TO_SEND)
    with transaction.atomic():
        locked = Submission.objects.select_for_update().get(pk=submission.pk)
        if locked.sent_at:  # another member of staff pressed the button first
            raise ValidationError(ALREADY_SENT.format(date=_date_text(locked.sent_at.date())))
        before = audit.snapshot(submission)
        submission.status = Submission.Status.SENT
        submission.sent_at = timezone.now()
        submission.save(update_fields=["status", "sent_at", "updated_at"])
        audit.record_change(actor, submission, before, audit.snapshot(submission))
        consultation = submission.consultation
        before = audit.snapshot(consultation)
        consultation.status = ConsultationStatus.SUBMITTED
        consultation.save(update_fields=["status", "updated_at"])
        audit.record_change(actor, consultation, before, audit.snapshot(consultation))
        return _raise_with_targets(actor, submission, timezone.localdate(submission.sent_at))


def document_markdown(document: Document) -> str:
    """The document as Markdown for the library entry; the library sanitises it on display."""
    lines = [f"In response to “{document.consultation}”, from {document.asking_body}.", ""]
    lines += [paragraph + "\n" for paragraph in document.introduction]

    def walk(section, level):
        lines.append(f"{'#' * level} {section.heading}\n")
        for block in section.blocks:
            if block.kind == "text":
                lines.extend(paragraph + "\n" for paragraph in block.paragraphs)
            elif block.kind == "quote":
                lines.append(f"> “{block.quote.text}”\n>\n> — {block.quote.attribution}\n")
            else:
                item = block.recommendation
                lines.append(f"**Recommendation {item.number}: {item.title}**\n")
                lines.append(item.text + "\n")
        for child in section.sections:
            walk(child, level + 1)

    for part in document.parts:
        walk(part, 2)
    if document.acknowledgements:
        lines.append("## Acknowledgements\n")
        lines.extend(f"- {name}" for name in document.acknowledgements)
        lines.append("")
    if document.contact_details:
        lines.append("## Contact\n")
        lines.append("  \n".join(document.contact_details))
    return "\n".join(lines)


def _resource_snapshot(resource: Resource) -> dict:
    """For the audit log, without the extracted text: machine-made and as long as the body."""
    values = audit.snapshot(resource)
    values.pop("extracted_text", None)
    return values


def _file_resource(actor, submission: Submission, document: Document) -> Resource:
    consultation = submission.consultation
    resource = submission.resource or Resource(kind=ResourceKind.CONSULTATION_RESPONSE)
    before = _resource_snapshot(resource) if resource.pk else {}
    resource.title = document.title
    if not resource.slug:
        resource.slug = library.unique_slug(document.title)
    resource.summary = f"Our response to {consultation.title}, from {consultation.asking_body}."
    resource.body = document_markdown(document)
    resource.status = ResourceStatus.PUBLISHED
    resource.published_on = timezone.localdate()
    pdf = render_pdf(document)
    if resource.file:
        resource.file.delete(save=False)
    resource.file.save(f"{resource.slug}.pdf", ContentFile(pdf), save=False)
    resource.file_name = f"{resource.slug}.pdf"
    resource.file_kind = FileKind.PDF
    resource.file_size = len(pdf)
    # We wrote the PDF from this text, so there is nothing to extract from it.
    resource.extracted_text = "\n".join(document_lines(document.to_dict()))
    resource.extraction_status = ExtractionStatus.DONE
    resource.save()
    resource.networks.set(consultation.networks.all())
    resource.parts.set(consultation.parts.all())
    resource.themes.set(consultation.themes.all())
    audit.record_change(actor, resource, before, _resource_snapshot(resource))
    library.announce_change(resource)
    return resource


def publish(actor, submission: Submission) -> tuple[Resource, list[str]]:
    """File (or refresh) the library entry and make it each recommendation's source.

    Publishing again updates the same entry. Returns the resource and notes on any
    recommendation that still cannot be published in the tracker."""
    if not submission.sent_at:
        raise ValidationError(NOT_SENT)
    document = build_document(submission)
    notes = []
    with transaction.atomic():
        resource = _file_resource(actor, submission, document)
        before = audit.snapshot(submission)
        submission.resource = resource
        submission.published_at = submission.published_at or timezone.now()
        submission.save(update_fields=["resource", "published_at", "updated_at"])
        audit.record_change(actor, submission, before, audit.snapshot(submission))
        for recommendation in submission.recommendations.all():
            had_sources = recommendation.sources.exists()
            recommendation.sources.add(resource)
            if not had_sources:
                # Written in the draft: first made when this submission made it public.
                influence.date_from_first_source(actor, recommendation)
            problems = influence.publish_problems(recommendation)
            if problems:
                notes.append(f"“{recommendation.title}” stays unpublished: {' '.join(problems)}")
            else:
                influence.publish(actor, recommendation)
    return resource, notes
