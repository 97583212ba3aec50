"""Staff pages of the influence log: the list with its filters, and adding an activity."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from core.lib.form_pages import posted, status_code
from influence.forms import ActivityForm, LogFilterForm
from influence.models import Recommendation
from influence.services import log as influence_log
from influence.views.staff.shared import staff_required


@staff_required
@require_http_methods(["GET", "HEAD"])
def log(request):
    filters = LogFilterForm(request.GET or None, years=influence_log.activity_years())
    criteria = filters.cleaned_data if filters.is_valid() else {}
    page = influence_log.activity_page(number=request.GET.get("page"), **criteria)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "influence/staff_log.html",
        {"filters": filters, "page": page, "query": query.urlencode()},
        status=200 if filters.is_valid() or not filters.is_bound else 400,
    )


@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def log_new(request):
    initial = {"happened_on": timezone.localdate()}
    slug = request.GET.get("recommendation")
    if slug:
        initial["recommendations"] = list(
            Recommendation.objects.filter(slug=slug).values_list("pk", flat=True)
        )
    form = ActivityForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        activity = influence_log.save_activity(request.user, form)
        messages.success(request, f"“{activity.title}” was added to the influence log.")
        return redirect("influence:staff_log")
    return render(
        request, "influence/staff_activity_form.html", {"form": form}, status=status_code(form)
    )
