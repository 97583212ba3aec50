"""CSV export of the directory, and the staff-only import: upload, preview, confirm, progress.

The import never writes on upload: the file is checked and previewed first, and only a
confirmed, valid file is queued for the background task (members.tasks.import_members).
"""

from django.conf import settings
from django.contrib import messages
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from core import roles
from core.lib.downloads import as_attachment
from core.lib.uploads import declared_size, declared_too_large
from members.models import ImportJob, Network, Organisation
from members.services import import_jobs
from members.services.csv import columns, export, planning, reading
from members.services.directory import DirectoryQuery, filtered_organisations
from members.services.permissions import networks_run_by, organisations_in_reach
from taxonomy.models import Term, Vocabulary

PREVIEW_ROWS = 200


# Staff and admins only: anonymous people sign in first, everyone else gets a 403.
staff_required = roles.staff_required("Only the alliance's staff can import and export members.")


@staff_required
@require_http_methods(["GET", "HEAD"])
def export_csv(request):
    """The directory's current filters, every matching organisation (not one page), within
    the staff member's reach (admins: everything).

    With ?scope=all: every organisation in reach, members or not (an admin's is the same file
    as `manage.py export_members`).
    """
    if request.GET.get("scope") == "all":
        organisations = Organisation.objects.all()
    else:
        query = DirectoryQuery.from_params(
            request.GET, list(Term.objects.all()), list(Network.objects.all())
        )
        organisations = filtered_organisations(query)
    # Within the staff member's reach, as in Django admin: their networks' members only.
    user = request.user
    organisations = organisations.filter(pk__in=organisations_in_reach(user).values("pk"))
    lines = export.export_lines(organisations, networks=networks_run_by(user))
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    return as_attachment(response, f"organisations-{timezone.localdate().isoformat()}.csv")


def _upload_context(**extra) -> dict:
    terms = list(Term.objects.all())
    vocabularies = [
        (column, noun, [t for t in terms if t.vocabulary == vocabulary])
        for column, (vocabulary, noun) in columns.TERM_COLUMNS.items()
    ]
    jobs = ImportJob.objects.defer("content").select_related("created_by")[:10]
    return {
        "networks": list(Network.objects.order_by("slug")),
        "vocabularies": vocabularies,
        "jobs": jobs,
        "max_upload_bytes": settings.MAX_UPLOAD_BYTES,
        "vocabulary_names": dict(Vocabulary.choices),
        **extra,
    }


def _refuse(request, message: str, status: int = 400):
    return render(
        request, "members/import_upload.html", _upload_context(file_error=message), status=status
    )


@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def upload(request):
    if request.method != "POST":
        return render(request, "members/import_upload.html", _upload_context())
    # Refuse an oversized upload from its declared length, before this view reads the body.
    # (Django's CSRF check parses the form first, streaming a file to a temporary file, not
    # into memory; a limit in the web server, such as nginx's client_max_body_size, stops
    # it earlier still.)
    if declared_too_large(request):
        return _refuse(request, reading.too_large_message(declared_size(request)), status=413)
    uploaded = request.FILES.get("file")
    if uploaded is None:
        return _refuse(request, "Choose a CSV file to upload.")
    try:
        text = reading.read_upload(uploaded)
    except reading.CsvFileError as error:
        status = 413 if uploaded.size and uploaded.size > settings.MAX_UPLOAD_BYTES else 400
        return _refuse(request, str(error), status=status)
    plan = planning.plan_import(text, actor=request.user)
    if not plan.is_valid:
        context = _upload_context(plan=plan, filename=uploaded.name)
        return render(request, "members/import_upload.html", context, status=400)
    job = import_jobs.new_job(uploaded.name, text, request.user, plan.total_rows)
    return redirect("members:import_job", pk=job.pk)


@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def job(request, pk):
    # The uploaded text is only needed for the preview; it can be megabytes.
    job = get_object_or_404(ImportJob.objects.select_related("created_by").defer("content"), pk=pk)
    if request.method == "POST":
        return _confirm_or_discard(request, job)
    context = {"job": job}
    if job.status == ImportJob.Status.READY:
        # Checked again now, against the data as it is at this moment.
        plan = planning.plan_import(job.content, actor=job.created_by)
        changes = [row for row in plan.rows if row.action != "unchanged"]
        context.update(
            plan=plan,
            counts=plan.counts,
            changes=changes[:PREVIEW_ROWS],
            more_changes=max(0, len(changes) - PREVIEW_ROWS),
        )
    return render(request, "members/import_job.html", context)


def _confirm_or_discard(request, job):
    if request.POST.get("action") == "discard":
        if import_jobs.discard(job):
            messages.success(request, f"{job.filename} was discarded; nothing was imported.")
            return redirect("members:import")
        return redirect("members:import_job", pk=job.pk)
    if import_jobs.start(job):
        messages.success(request, f"The import of {job.filename} has started.")
    return redirect("members:import_job", pk=job.pk)


@staff_required
@require_http_methods(["GET", "HEAD"])
def progress(request, pk):
    # The uploaded text can be megabytes; polling every second must not load it.
    job = get_object_or_404(ImportJob.objects.defer("content"), pk=pk)
    return render(request, "members/_import_progress.html", {"job": job})
