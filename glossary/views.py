"""Dictionary pages: A to Z with search, one page per term, and a print view.

(The language guide and checker views live in views_checker.py.)"""

from django.shortcuts import get_object_or_404, render

from glossary.models import DictionaryTerm
from glossary.services import dictionary, guide

GUIDE_ENTRIES_SHOWN = 10


def index(request):
    query = dictionary.clean_query(request.GET.get("q", ""))
    context = {"query": query, "max_query_length": dictionary.MAX_QUERY_LENGTH}
    if query:
        context["results"] = dictionary.search(query)
        context["guide_entries"] = list(guide.search_entries(query)[:GUIDE_ENTRIES_SHOWN])
    else:
        context["groups"] = dictionary.a_to_z(DictionaryTerm.objects.order_by("term"))
    return render(request, "glossary/dictionary_index.html", context)


def term(request, slug):
    entry = get_object_or_404(dictionary.with_details(DictionaryTerm.objects.all()), slug=slug)
    return render(request, "glossary/dictionary_term.html", {"term": entry})


def print_dictionary(request):
    terms = dictionary.with_details(DictionaryTerm.objects.order_by("term"))
    groups = [group for group in dictionary.a_to_z(terms) if group.terms]
    return render(request, "glossary/dictionary_print.html", {"groups": groups})
