"""Project-level pages that draw on several apps."""

from django.shortcuts import redirect, render

from members.services.directory import network_summaries


def home(request):
    """Visitors get the alliance's front page; a signed-in person their own home."""
    if request.user.is_authenticated:
        return redirect("workspace_home")
    return render(request, "home.html", {"networks": network_summaries()})
