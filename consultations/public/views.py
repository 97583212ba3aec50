"""Public consultation pages and the published submission's downloads."""

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from consultations.models import QuestionPart
from consultations.public import services as public
from consultations.public.taking_part import taking_part
from consultations.submission.views.outputs import download
from core.lib.markdown import render_markdown


@require_http_methods(["GET", "HEAD"])
def index(request):
    open_now, past = public.open_and_past(public.visible_consultations())
    return render(request, "consultations/public/index.html", {"open": open_now, "past": past})


@require_http_methods(["GET", "HEAD"])
def detail(request, slug):
    consultation = public.visible_consultation(slug)
    parts = QuestionPart.objects.filter(consultation=consultation).prefetch_related(
        Prefetch("questions")
    )
    context = {
        "consultation": consultation,
        "description_html": render_markdown(consultation.description),
        "parts": parts,
        "document": public.published_document(consultation),
        "taking_part": taking_part(request.user, consultation),
    }
    return render(request, "consultations/public/detail.html", context)


def _published_download(slug: str, kind: str):
    consultation = public.visible_consultation(slug)
    document = public.published_document(consultation)
    if document is None:
        raise Http404("This submission has not been published.")
    return download(document, f"{slug}-submission", kind)


@require_http_methods(["GET", "HEAD"])
def submission_docx(request, slug):
    return _published_download(slug, "docx")


@require_http_methods(["GET", "HEAD"])
def submission_pdf(request, slug):
    return _published_download(slug, "pdf")
