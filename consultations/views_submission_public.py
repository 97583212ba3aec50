"""Public consultation pages and downloads, and a contributor's own "my input" page."""

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from consultations import feedback, public
from consultations.models import QuestionPart
from consultations.views_submission_outputs import download
from core.lib.markdown import render_markdown
from members.models import Organisation


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
    is_member_contact = (
        request.user.is_authenticated
        and Organisation.objects.filter(people__user=request.user).exists()
    )
    context = {
        "consultation": consultation,
        "description_html": render_markdown(consultation.description),
        "parts": parts,
        "document": public.published_document(consultation),
        "can_contribute": is_member_contact and consultation.accepts_contributions,
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


@login_required
@require_http_methods(["GET", "HEAD"])
def my_input(request):
    outcomes = feedback.outcomes_for_user(request.user)
    return render(request, "consultations/feedback/my_input.html", {"outcomes": outcomes})
