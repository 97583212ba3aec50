"""Staff views of what the builder produces: preview, draft downloads, versions, sending and
publishing. Every one renders submission.services.document, so staff see exactly what would
be published."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from consultations.pages import add_service_errors, refusal, staff_required
from consultations.submission.forms import CompareForm, VersionForm
from consultations.submission.services import exports, publishing, versions
from consultations.submission.services.document import Document, build_document
from consultations.submission.views.builder import get_submission
from core.lib.downloads import as_attachment


def download(document: Document, filename: str, kind: str) -> HttpResponse:
    """The document as DOCX or PDF, as an attachment named after the consultation."""
    response = HttpResponse(
        exports.rendered(document, kind), content_type=exports.CONTENT_TYPES[kind]
    )
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
