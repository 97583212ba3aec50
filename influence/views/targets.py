"""The public pages of the bodies recommendations are addressed to."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_http_methods

from influence.models import TargetBody
from influence.services import targets as target_bodies


@require_http_methods(["GET", "HEAD"])
def targets(request):
    return render(request, "influence/targets.html", {"groups": target_bodies.bodies_by_kind()})


@require_http_methods(["GET", "HEAD"])
def target(request, slug):
    body = get_object_or_404(TargetBody, slug=slug)
    return render(request, "influence/target.html", target_bodies.target_page(body))
