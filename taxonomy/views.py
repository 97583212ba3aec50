from django.shortcuts import get_object_or_404, render

from taxonomy import sections
from taxonomy.models import Term


def topic_index(request):
    terms = Term.objects.all()
    groups = {}
    for term in terms:
        groups.setdefault(term.get_vocabulary_display(), []).append(term)
    return render(request, "taxonomy/topic_index.html", {"groups": groups})


def topic(request, slug):
    term = get_object_or_404(Term, slug=slug)
    rendered = []
    for section in sections.sections():
        context = section.context(request, term)
        if context is not None:
            rendered.append({"section": section, "context": context})
    return render(request, "taxonomy/topic.html", {"term": term, "sections": rendered})
