"""Project-level pages that draw on several apps."""

from django.shortcuts import render

from members.services.directory import network_summaries


def home(request):
    return render(request, "home.html", {"networks": network_summaries()})
