"""The signed-in home (`/home/`): the panels each app registers, for what this person is."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from core.registries import home


def panels_with_context(request) -> list[dict]:
    """Each panel this person may see, with its context; panels with nothing to show
    (their context is None) are left out."""
    shown = []
    for panel in home.panels_for(request.user):
        context = panel.context(request)
        if context is not None:
            shown.append({"panel": panel, "context": context})
    return shown


@login_required
def workspace_home(request):
    return render(
        request,
        "core/home.html",
        {
            "panels": panels_with_context(request),
            "audiences": home.audiences_of(request.user),
        },
    )
