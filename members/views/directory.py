from django.shortcuts import render

from members.services.coverage import coverage_map
from members.services.directory import SORTS, search_directory


def directory(request):
    result = search_directory(request.GET)
    context = {"result": result, "sorts": SORTS}
    # htmx swaps only the results and facets; a plain request gets the whole page.
    template = "members/_directory_body.html" if request.htmx else "members/directory.html"
    return render(request, template, context)


def coverage(request):
    return render(request, "members/coverage.html", {"map": coverage_map(request.GET)})
