"""The public page of one recommendation, and the documents attached to its timeline."""

import os

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from core.lib.downloads import attachment
from core.registries import record_sections
from influence.models import Recommendation, StatusChange
from influence.services import recommendation_page, recommendations, visibility

# Evidence is served as what its bytes were judged to be on upload (influence/forms.py);
# anything else, older uploads included, as bytes to save, never as a page on our domain.
EVIDENCE_CONTENT_TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".txt": "text/plain; charset=utf-8",
}


@require_http_methods(["GET", "HEAD"])
def recommendation(request, slug):
    item = get_object_or_404(Recommendation, slug=slug)
    if item.merged_into_id:
        return redirect(recommendations.kept_after_merges(item).get_absolute_url(), permanent=True)
    if not visibility.is_visible_to(request.user, item):
        raise Http404("No recommendation here.")
    context = {
        "page": recommendation_page.load(item),
        # e.g. the whole-system model's "Modelled effect", from apps that register one.
        "sections": record_sections.sections_for(request, item),
    }
    return render(request, "influence/recommendation.html", context)


@require_http_methods(["GET", "HEAD"])
def evidence_document(request, slug, pk):
    """The document uploaded as evidence for one timeline entry, as a download, to those
    who can see the entry (influence.services.visibility)."""
    change = get_object_or_404(
        StatusChange.objects.select_related("recommendation"), pk=pk, recommendation__slug=slug
    )
    if not change.evidence_file or not visibility.entry_is_visible_to(request.user, change):
        raise Http404("No document here.")
    filename = os.path.basename(change.evidence_file.name)
    extension = os.path.splitext(filename)[1].lower()
    content_type = EVIDENCE_CONTENT_TYPES.get(extension, "application/octet-stream")
    return attachment(change.evidence_file, filename, content_type)
