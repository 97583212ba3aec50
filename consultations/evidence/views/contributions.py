"""Staff pages for the online contributions a consultation has received. (A member contact's
own side is in contribute.py.)"""

from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_http_methods

from consultations.evidence.services import contributions
from consultations.evidence.views.staff_pages import consultation_for_staff, staff_page
from consultations.models import Contribution
from consultations.pages import staff_required


@staff_required
@require_http_methods(["GET", "HEAD"])
def staff_contributions(request, slug):
    consultation = consultation_for_staff(slug)
    rows = contributions.received(consultation)
    return staff_page(request, "contributions.html", consultation, "contributions", {"rows": rows})


@staff_required
@require_http_methods(["GET", "HEAD"])
def staff_contribution(request, slug, pk):
    consultation = consultation_for_staff(slug)
    contribution = get_object_or_404(
        Contribution.objects.select_related("organisation", "author"),
        pk=pk,
        consultation=consultation,
    )
    answers = contribution.answers.select_related("question").prefetch_related("quotes")
    return staff_page(
        request,
        "contribution.html",
        consultation,
        "contributions",
        {"contribution": contribution, "answers": answers},
    )
