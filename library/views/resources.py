"""Resource pages, staff editing, member submissions and citation downloads.

(The search page at /library/ lives in library/views/search.py.)
"""

import mimetypes

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from core import roles
from core.audit import history_for
from core.lib.downloads import as_attachment, attachment
from core.lib.markdown import render_markdown
from core.lib.uploads import FileKind, declared_too_large
from glossary.services.linking import link_terms
from library import citations, services
from library.forms import ResourceForm, ReviewForm, SubmissionForm
from library.models import Resource, ResourceStatus
from library.permissions import can_manage, can_view, submittable_organisations

CONTENT_TYPES = {
    FileKind.PDF: "application/pdf",
    FileKind.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    FileKind.HTML: "text/plain; charset=utf-8",  # never rendered as a page on our domain
    FileKind.MARKDOWN: "text/markdown; charset=utf-8",
    FileKind.TEXT: "text/plain; charset=utf-8",
}


# Staff and admins only: anonymous people sign in first, everyone else gets a 403.
staff_required = roles.staff_required(
    "Only the alliance's staff can manage the library.", allowed=can_manage
)


def _too_large_response(request, template, context):
    from django.template.defaultfilters import filesizeformat

    messages.error(
        request,
        "The file is too large to upload: the largest file you can upload is "
        f"{filesizeformat(settings.MAX_UPLOAD_BYTES)}. Nothing was saved.",
    )
    return render(request, template, context, status=413)


def _visible_resource(request, slug) -> Resource:
    resource = get_object_or_404(Resource, slug=slug)
    if not can_view(request.user, resource):
        # Drafts and other people's submissions do not exist as far as others can tell.
        raise Http404("No such resource.")
    return resource


def resource(request, slug):
    resource = _visible_resource(request, slug)
    resource = (
        Resource.objects.select_related("submitted_by", "submitted_for", "reviewed_by")
        .prefetch_related(
            "author_organisations",
            "author_people",
            "co_produced_with",
            "networks",
            "parts",
            "themes",
            "populations",
            "places",
        )
        .get(pk=resource.pk)
    )
    is_manager = can_manage(request.user)
    related = resource.related.all()
    if not is_manager:
        related = related.filter(status=ResourceStatus.PUBLISHED)
    context = {
        "resource": resource,
        # Dictionary terms in the body link to their plain-language definitions.
        "body_html": link_terms(render_markdown(resource.body)),
        "related": related.order_by("-published_on"),
        "tags": [
            ("Parts of the system", resource.parts.all()),
            ("Themes", resource.themes.all()),
            ("Populations", resource.populations.all()),
            ("Places", resource.places.all()),
        ],
        "harvard": citations.harvard(resource),
        "can_manage": is_manager,
        "is_submitter": bool(
            request.user.is_authenticated and resource.submitted_by_id == request.user.pk
        ),
        "review_form": ReviewForm() if is_manager else None,
    }
    return render(request, "library/resource.html", context)


@staff_required
@require_http_methods(["GET", "HEAD"])
def extraction_progress(request, slug):
    resource = get_object_or_404(Resource.objects.defer("extracted_text", "body"), slug=slug)
    return render(request, "library/_extraction_progress.html", {"resource": resource})


def download(request, slug):
    resource = _visible_resource(request, slug)
    if not resource.file:
        raise Http404("This resource has no file.")
    filename = resource.file_name or resource.file.name.rsplit("/", 1)[-1]
    content_type = CONTENT_TYPES.get(resource.file_kind) or (
        mimetypes.guess_type(filename)[0] or "application/octet-stream"
    )
    return attachment(resource.file, filename, content_type)


def _citation_response(text: str, content_type: str, filename: str) -> HttpResponse:
    return as_attachment(HttpResponse(text, content_type=content_type), filename)


def cite_bibtex(request, slug):
    resource = _visible_resource(request, slug)
    return _citation_response(
        citations.bibtex(resource), "application/x-bibtex; charset=utf-8", f"{slug}.bib"
    )


def cite_ris(request, slug):
    resource = _visible_resource(request, slug)
    return _citation_response(
        citations.ris(resource), "application/x-research-info-systems; charset=utf-8", f"{slug}.ris"
    )


# --- Staff: create, edit, delete ----------------------------------------------------------


@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def create(request):
    context = {"title": "Add a resource", "action": "create"}
    if request.method == "POST" and declared_too_large(request):
        return _too_large_response(
            request, "library/resource_form.html", {**context, "form": ResourceForm()}
        )
    form = ResourceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        resource = services.save_resource(request.user, form, file_kind=form.file_kind)
        messages.success(request, _saved_message(resource, "added"))
        return redirect(resource)
    return render(
        request, "library/resource_form.html", {**context, "form": form}, status=_status(form)
    )


@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit(request, slug):
    resource = get_object_or_404(Resource, slug=slug)
    context = {"title": f"Edit {resource.title}", "action": "edit", "resource": resource}
    if request.method == "POST" and declared_too_large(request):
        return _too_large_response(
            request,
            "library/resource_form.html",
            {**context, "form": ResourceForm(instance=resource)},
        )
    form = ResourceForm(request.POST or None, request.FILES or None, instance=resource)
    if request.method == "POST" and form.is_valid():
        resource = services.save_resource(
            request.user,
            form,
            file_kind=form.file_kind,
            remove_file=bool(form.cleaned_data.get("remove_file")),
        )
        messages.success(request, _saved_message(resource, "saved"))
        return redirect(resource)
    return render(
        request, "library/resource_form.html", {**context, "form": form}, status=_status(form)
    )


def _status(form) -> int:
    return 400 if form.is_bound and form.errors else 200


def _saved_message(resource, verb: str) -> str:
    message = f"“{resource.title}” was {verb}."
    if resource.extraction_status == "pending":
        message += " Its file is being read in the background; progress is shown below."
    return message


@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def delete(request, slug):
    resource = get_object_or_404(Resource, slug=slug)
    if request.method == "POST":
        title = resource.title
        services.delete_resource(request.user, resource)
        messages.success(request, f"“{title}” was deleted.")
        return redirect("library:submissions")
    return render(request, "library/resource_delete.html", {"resource": resource})


@staff_required
@require_http_methods(["GET", "HEAD"])
def history(request, slug):
    resource = get_object_or_404(Resource, slug=slug)
    return render(
        request, "library/history.html", {"resource": resource, "entries": history_for(resource)}
    )


# --- Members submit, staff review ---------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def submit(request):
    organisations = submittable_organisations(request.user)
    if not organisations.exists():
        raise PermissionDenied(
            "Only contacts at member organisations can submit resources to the library."
        )
    if request.method == "POST" and declared_too_large(request):
        return _too_large_response(
            request,
            "library/submit.html",
            {"form": SubmissionForm(organisations=organisations)},
        )
    form = SubmissionForm(request.POST or None, request.FILES or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        resource = services.submit_resource(request.user, form, file_kind=form.file_kind)
        messages.success(
            request,
            "Thank you: your resource has been sent to the alliance's staff. It will appear "
            "in the library once they have approved it, and we will email you either way.",
        )
        return redirect(resource)
    mine = Resource.objects.filter(submitted_by=request.user).order_by("-submitted_at")[:20]
    return render(
        request, "library/submit.html", {"form": form, "mine": mine}, status=_status(form)
    )


@staff_required
@require_http_methods(["GET", "HEAD"])
def submissions(request):
    waiting = (
        Resource.objects.filter(status=ResourceStatus.SUBMITTED)
        .select_related("submitted_by", "submitted_for")
        .order_by("submitted_at")
    )
    decided = (
        Resource.objects.filter(submitted_by__isnull=False)
        .exclude(status=ResourceStatus.SUBMITTED)
        .select_related("submitted_for", "reviewed_by")
        .order_by("-reviewed_at")[:20]
    )
    drafts = Resource.objects.filter(status=ResourceStatus.DRAFT).order_by("-updated_at")[:50]
    return render(
        request,
        "library/submissions.html",
        {"waiting": waiting, "decided": decided, "drafts": drafts, "review_form": ReviewForm()},
    )


@require_POST
@staff_required
def review(request, slug):
    resource = get_object_or_404(Resource, slug=slug)
    form = ReviewForm(request.POST)
    if resource.status != ResourceStatus.SUBMITTED:
        messages.error(request, "This resource is not waiting for a decision.")
        return redirect("library:submissions")
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, f"Nothing was decided: {error}")
        return redirect(resource)
    approve = form.cleaned_data["decision"] == "approve"
    services.review_submission(
        request.user, resource, approve=approve, note=form.cleaned_data["note"]
    )
    messages.success(
        request,
        f"“{resource.title}” was {'approved and published' if approve else 'not accepted'}; "
        "the submitter has been emailed.",
    )
    return redirect("library:submissions")
