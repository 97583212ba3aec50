"""What visitors may see of consultations: never a draft, and a submission only once published.

The public pages and the API both ask here, so they cannot disagree about what is public.
"""

from django.db.models import QuerySet
from django.http import Http404

from consultations.models import Consultation, ConsultationStatus, Submission
from consultations.submission.services.document import Document, build_document


def visible_consultations() -> QuerySet[Consultation]:
    return (
        Consultation.objects.exclude(status=ConsultationStatus.DRAFT)
        .select_related("asking_body")
        .order_by("-deadline", "title")
    )


def open_and_past(consultations: QuerySet[Consultation]) -> tuple[list, list]:
    """Open calls first (nearest internal deadline first), then everything else."""
    open_now, past = [], []
    for consultation in consultations:
        (open_now if consultation.status == ConsultationStatus.OPEN else past).append(consultation)
    open_now.sort(key=lambda c: c.internal_deadline)
    return open_now, past


def visible_consultation(slug: str) -> Consultation:
    try:
        return visible_consultations().get(slug=slug)
    except Consultation.DoesNotExist:
        raise Http404("No public consultation has that address.") from None


def published_submission(consultation: Consultation) -> Submission | None:
    submission = Submission.objects.filter(
        consultation=consultation, published_at__isnull=False
    ).first()
    return submission


def published_document(consultation: Consultation) -> Document | None:
    """The published submission, rebuilt now: a consent withdrawn since drops out at once."""
    submission = published_submission(consultation)
    return build_document(submission) if submission else None
