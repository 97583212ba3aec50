"""The staff dashboard of the tracker; its figures come from influence.services.dashboard."""

from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from influence.services.dashboard import staff_dashboard
from influence.views.staff.shared import staff_required


@staff_required
@require_http_methods(["GET", "HEAD"])
def dashboard(request):
    by = "quarter" if request.GET.get("by") == "quarter" else "year"
    return render(request, "influence/staff_dashboard.html", staff_dashboard(by))
