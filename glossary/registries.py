"""The dictionary's and language guide's parts of the shared pages: navigation (the language
checker included) and site-wide search, which finds guide entries as well as terms (so a
search for "lag" finds the guide's advice on it)."""

from django.urls import reverse
from django.utils.http import urlencode

from core.registries import navigation, search
from glossary.services import dictionary, guide

for entry in (
    navigation.NavEntry("glossary", "Dictionary", "glossary:index", navigation.EXPLORE, order=60),
    navigation.NavEntry(
        "glossary.check", "Language checker", "glossary:check", navigation.TOOLS, order=65
    ),
):
    navigation.register(entry)


def search_terms(query: str, user, limit: int) -> search.KindResults:
    terms = dictionary.search(query)
    hits = [
        search.SearchHit(
            title=term.term + (f" ({term.acronym})" if term.acronym else ""),
            url=term.get_absolute_url(),
            summary=term.definition,
            meta="Dictionary term",
        )
        for term in terms[:limit]
    ]
    return search.KindResults(total=len(terms), hits=hits)


def search_guide(query: str, user, limit: int) -> search.KindResults:
    """Entries of the current language guide whose wording, variants or advice match."""
    found = guide.search_entries(query)
    guide_url = reverse("glossary:guide")
    hits = [
        search.SearchHit(
            title=f"“{entry.wording}”",
            url=f"{guide_url}#entry-{entry.key}",
            summary=f"Instead: {', '.join(entry.preferred.splitlines())}. {entry.reason}",
            meta=f"Language guide · {entry.get_category_display()}",
        )
        for entry in found[:limit]
    ]
    return search.KindResults(total=found.count(), hits=hits)


search.register(
    search.SearchKind(
        key="dictionary",
        label="Dictionary terms",
        search=search_terms,
        more_url=lambda query: reverse("glossary:index") + "?" + urlencode({"q": query}),
        order=50,
    )
)
search.register(
    search.SearchKind(
        key="language_guide",
        label="Language guide",
        search=search_guide,
        more_url=lambda query: reverse("glossary:guide"),
        order=55,
    )
)
