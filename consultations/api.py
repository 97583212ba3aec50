"""Consultations in the JSON API: read only, and only what the public pages show.

Drafts never appear; a submission appears once published, built by
consultations.submission.services.document, so its quotes are the publishable ones in their
redacted form with the attribution their contributors agreed to.
"""

import datetime

from django.http import Http404
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from consultations.models import Question
from consultations.public import services as public

router = Router(tags=["consultations"])

NO_CONSULTATION = "There is no public consultation with that slug."
NO_SUBMISSION = "This consultation's submission has not been published."


class ConsultationOut(Schema):
    slug: str
    title: str
    asking_body: str
    status: str
    status_label: str
    deadline: datetime.date
    internal_deadline: datetime.date
    url: str


class QuestionOut(Schema):
    number: int
    part: str
    text: str
    guidance: str


class ConsultationDetail(ConsultationOut):
    description: str = Field(description="Markdown.")
    questions: list[QuestionOut]
    submission_published: bool


class QuoteOut(Schema):
    text: str = Field(description="As published: identifying details replaced by markers.")
    attribution: str


class ConsultationRecommendationOut(Schema):
    number: int
    title: str
    text: str
    targets: list[str]
    slug: str


class BlockOut(Schema):
    kind: str = Field(description="text, quote or recommendation.")
    paragraphs: list[str] = Field(description="Narrative as plain text paragraphs.")
    quote: QuoteOut | None
    recommendation: ConsultationRecommendationOut | None


class SectionOut(Schema):
    heading: str
    blocks: list[BlockOut]
    sections: list["SectionOut"]


class SubmissionOut(Schema):
    title: str
    consultation: str
    asking_body: str
    introduction: list[str]
    parts: list[SectionOut]
    recommendations: list[ConsultationRecommendationOut]
    acknowledgements: list[str]
    contact_details: list[str]
    docx_url: str
    pdf_url: str


def _summary(request, consultation) -> dict:
    return {
        "slug": consultation.slug,
        "title": consultation.title,
        "asking_body": consultation.asking_body.name,
        "status": consultation.status,
        "status_label": consultation.get_status_display(),
        "deadline": consultation.deadline,
        "internal_deadline": consultation.internal_deadline,
        "url": request.build_absolute_uri(consultation.get_absolute_url()),
    }


def _visible(slug: str):
    try:
        return public.visible_consultation(slug)
    except Http404:
        raise HttpError(404, NO_CONSULTATION) from None


@router.get("/consultations", response=list[ConsultationOut], summary="List consultations")
def list_consultations(request):
    """Consultations open for evidence and past ones; drafts are never listed."""
    return [_summary(request, c) for c in public.visible_consultations()]


@router.get("/consultations/{slug:slug}", response=ConsultationDetail, summary="One consultation")
def get_consultation(request, slug: str):
    consultation = _visible(slug)
    questions = Question.objects.filter(consultation=consultation).select_related("part")
    return {
        **_summary(request, consultation),
        "description": consultation.description,
        "questions": [
            {"number": q.number, "part": q.part.title, "text": q.text, "guidance": q.guidance}
            for q in questions
        ],
        "submission_published": public.published_submission(consultation) is not None,
    }


@router.get(
    "/consultations/{slug:slug}/submission",
    response=SubmissionOut,
    summary="A consultation's published submission",
)
def get_consultation_submission(request, slug: str):
    """Publishable quotes only, in their published form; 404 until it is published."""
    consultation = _visible(slug)
    document = public.published_document(consultation)
    if document is None:
        raise HttpError(404, NO_SUBMISSION)
    content = document.to_dict()
    base = consultation.get_absolute_url()
    return {
        **content,
        "docx_url": request.build_absolute_uri(f"{base}submission.docx"),
        "pdf_url": request.build_absolute_uri(f"{base}submission.pdf"),
    }
