"""Staff views of what the builder produces: preview, draft downloads, versions, sending,
publishing and the feedback loop. Every one renders consultations.document, so staff see
exactly what would be published."""

import hashlib
import json

from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from consultations import feedback, publishing, versions
from consultations.document import Document, build_document
from consultations.export_docx import DOCX_CONTENT_TYPE, render_docx
from consultations.export_pdf import render_pdf
from consultations.models import Consultation
from consultations.views_evidence import add_service_errors, staff_required
from consultations.views_submission import get_submission, refusal
from consultations.views_submission_forms import CompareForm, VersionForm
from core.lib.downloads import as_attachment

EXPORT_CACHE_SECONDS = 24 * 60 * 60


def rendered(document: Document, kind: str) -> bytes:
    """The DOCX or PDF of this exact content, rendered once and then kept in the cache.

    The document is rebuilt on every request, so consent withdrawn since is applied at once
    (the content, and so the key, changes); only the slow rendering is skipped."""
    content = json.dumps(document.to_dict(), sort_keys=True).encode()
    key = f"consultations:export:{kind}:{hashlib.sha256(content).hexdigest()}"
    data = cache.get(key)
    if data is None:
        data = render_docx(document) if kind == "docx" else render_pdf(document)
        cache.set(key, data, EXPORT_CACHE_SECONDS)
    return data


def download(document: Document, filename: str, kind: str) -> HttpResponse:
    """The document as DOCX or PDF, as an attachment named after the consultation."""
    content_type = DOCX_CONTENT_TYPE if kind == "docx" else "application/pdf"
    response = HttpResponse(rendered(document, kind), content_type=content_type)
    return as_attachment(response, f"{filename}.{kind}")


@staff_required
@require_http_methods(["GET", "HEAD"])
def preview(request, slug):
    submission = get_submission(slug)
    context = {
        "submission": submission,
        "consultation": submission.consultation,
        "document": build_document(submission),
    }
    return render(request, "consultations/submission/preview.html", context)


@staff_required
@require_http_methods(["GET", "HEAD"])
def draft_docx(request, slug):
    submission = get_submission(slug)
    return download(build_document(submission), f"{slug}-draft", "docx")


@staff_required
@require_http_methods(["GET", "HEAD"])
def draft_pdf(request, slug):
    submission = get_submission(slug)
    return download(build_document(submission), f"{slug}-draft", "pdf")


@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def versions_page(request, slug):
    submission = get_submission(slug)
    form = VersionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            version = versions.save_version(request.user, submission, form.cleaned_data["note"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Saved as version {version.number}.")
            return redirect("consultations:builder_versions", slug)
    saved = list(submission.versions.select_related("created_by"))
    compare_form = CompareForm(submission, initial=_latest_pair(saved))
    context = {
        "submission": submission,
        "consultation": submission.consultation,
        "form": form,
        "versions": saved,
        "compare_form": compare_form,
    }
    status = 400 if form.errors else 200
    return render(request, "consultations/submission/versions.html", context, status=status)


def _latest_pair(saved) -> dict:
    if len(saved) < 2:
        return {}
    return {"older": saved[1].pk, "newer": saved[0].pk}


@staff_required
@require_http_methods(["GET", "HEAD"])
def compare_versions(request, slug):
    submission = get_submission(slug)
    form = CompareForm(submission, request.GET or None)
    lines = None
    if form.is_valid():
        older, newer = form.cleaned_data["older"], form.cleaned_data["newer"]
        if older.number > newer.number:
            older, newer = newer, older
        lines = versions.compare(older, newer)
        context_versions = (older, newer)
    else:
        context_versions = (None, None)
    context = {
        "submission": submission,
        "consultation": submission.consultation,
        "form": form,
        "lines": lines,
        "older": context_versions[0],
        "newer": context_versions[1],
        "changed": sum(1 for line in lines or () if line.change != "same"),
    }
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "consultations/submission/compare.html", context, status=status)


@staff_required
@require_POST
def mark_sent(request, slug):
    submission = get_submission(slug)
    try:
        notes = publishing.mark_as_sent(request.user, submission)
    except ValidationError as error:
        refusal(request, error)
    else:
        messages.success(
            request,
            "Marked as sent: the consultation is now “submission sent” and the tracker "
            "records each recommendation as raised with its targets.",
        )
        for note in notes:
            messages.warning(request, note)
    return redirect("consultations:builder", slug)


@staff_required
@require_POST
def publish(request, slug):
    submission = get_submission(slug)
    first_time = not submission.is_published
    try:
        resource, notes = publishing.publish(request.user, submission)
    except ValidationError as error:
        refusal(request, error)
    else:
        done = "Published" if first_time else "Published again (the library entry is updated)"
        messages.success(request, f"{done}: “{resource.title}” is in the library.")
        for note in notes:
            messages.warning(request, note)
    return redirect("consultations:builder", slug)


@staff_required
@require_http_methods(["GET", "HEAD"])
def feedback_loop(request, slug):
    consultation = get_object_or_404(Consultation, slug=slug)
    submission = getattr(consultation, "submission", None)
    context = {
        "consultation": consultation,
        "submission": submission,
        "summary": feedback.loop_summary(consultation),
        "messages_sent": consultation.feedback_messages.count(),
    }
    return render(request, "consultations/feedback/loop.html", context)


@staff_required
@require_POST
def feedback_send(request, slug):
    consultation = get_object_or_404(Consultation, slug=slug)
    try:
        told, notes = feedback.send_outcomes(consultation)
    except ValidationError as error:
        refusal(request, error)
        return redirect("consultations:feedback_loop", slug)
    updated = feedback.send_updates(consultation)
    messages.success(
        request,
        f"Told {told} contributor{'s' if told != 1 else ''} the outcome; "
        f"sent {updated} update{'s' if updated != 1 else ''}. Nobody is told the same twice.",
    )
    for note in notes:
        messages.warning(request, note)
    return redirect("consultations:feedback_loop", slug)
