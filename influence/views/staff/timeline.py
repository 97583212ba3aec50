"""Staff pages for a recommendation's timeline: recording a status change with one target,
and correcting an entry. The rules live in influence.services.status."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from core.lib.form_pages import add_service_errors, posted, posted_files, status_code
from core.lib.uploads import declared_too_large
from influence.forms import CorrectionForm, StatusChangeForm
from influence.models import StatusChange
from influence.services import status as status_changes
from influence.services import timeline
from influence.views.staff.shared import recommendation_or_404, staff_required, too_large_message


@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def status_new(request, slug):
    recommendation = recommendation_or_404(slug)
    context = {"recommendation": recommendation}
    if request.method == "POST" and declared_too_large(request):
        form = StatusChangeForm(recommendation=recommendation)
        return render(
            request,
            "influence/staff_status_form.html",
            {**context, "form": form, "upload_error": too_large_message()},
            status=413,
        )
    form = StatusChangeForm(posted(request), posted_files(request), recommendation=recommendation)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            change = status_changes.record_status_change(
                request.user,
                recommendation,
                data["target"],
                data["status"],
                data["happened_on"],
                note=data["note"],
                evidence_url=data["evidence_url"],
                evidence_file=data["evidence_file"] or None,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                f"Recorded: {change.get_status_display()} with {change.target}, "
                f"{change.happened_on:%-d %B %Y}.",
            )
            return redirect(reverse("influence:staff_edit", args=[slug]) + "#timeline")
    context.update(form=form, timeline=timeline.timeline(recommendation))
    return render(request, "influence/staff_status_form.html", context, status=status_code(form))


@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def status_correct(request, slug, pk):
    recommendation = recommendation_or_404(slug)
    entry = get_object_or_404(
        StatusChange.objects.select_related("target", "corrected_by"),
        pk=pk,
        recommendation=recommendation,
    )
    context = {"recommendation": recommendation, "entry": entry}
    if request.method == "POST" and declared_too_large(request):
        return render(
            request,
            "influence/staff_correct_form.html",
            {
                **context,
                "form": CorrectionForm.for_entry(entry),
                "upload_error": too_large_message(),
            },
            status=413,
        )
    form = CorrectionForm.for_entry(entry, posted(request), posted_files(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        values = {
            "status": data["status"],
            "happened_on": data["happened_on"],
            "note": data["note"],
            "evidence_url": data["evidence_url"],
        }
        if data["evidence_file"]:
            values["evidence_file"] = data["evidence_file"]
        try:
            status_changes.correct_status_change(request.user, entry, **values)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, "The entry was corrected; the old entry is kept, marked as corrected."
            )
            return redirect(reverse("influence:staff_edit", args=[slug]) + "#timeline")
    return render(
        request,
        "influence/staff_correct_form.html",
        {**context, "form": form},
        status=status_code(form),
    )
