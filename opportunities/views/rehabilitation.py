"""The rehabilitation-period explainer: when a conviction or caution becomes spent in England
and Wales. Public; a POST form that works without JavaScript, so answers stay out of
addresses and browser history. Nothing is stored: the form's answer is worked out and shown."""

from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from opportunities.forms import RehabilitationForm
from opportunities.services.rehabilitation_rules import GENERAL, IN_FORCE_FROM, RULES, SOURCES


@never_cache
@require_http_methods(["GET", "POST"])
def rehabilitation(request):
    form = RehabilitationForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST" and not form.is_valid():
        status = 400
    context = {
        "form": form,
        "outcome": form.outcome,
        "rules": RULES,
        "general": GENERAL,
        "sources": SOURCES.values(),
        "in_force_from": IN_FORCE_FROM,
    }
    return render(request, "opportunities/rehabilitation.html", context, status=status)
