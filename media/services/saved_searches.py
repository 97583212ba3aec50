"""Staff's saved article searches: the filters and words of the article list, kept by name.

Filters are stored as the article list's own URL parameters (slugs and YYYY-MM months), so
a saved search opens as an ordinary link and is read by the same form; a filter whose outlet
or collection has since gone is reported by that form, never guessed.
"""

from django.db import transaction

from core import audit
from media.models import SavedSearch

MAX_SEARCHES_PER_PERSON = 100


class TooManySearches(ValueError):
    pass


def save_search(owner, name: str, params: dict[str, str], email_digest: bool) -> SavedSearch:
    """Save (or, for a name already used by this person, replace) a search."""
    params = dict(params)
    query = params.pop("q", "")
    with transaction.atomic():
        search = SavedSearch.objects.filter(owner=owner, name=name).first()
        before = audit.snapshot(search) if search else {}
        if search is None:
            if SavedSearch.objects.filter(owner=owner).count() >= MAX_SEARCHES_PER_PERSON:
                raise TooManySearches(
                    f"You have {MAX_SEARCHES_PER_PERSON} saved searches: delete one first."
                )
            search = SavedSearch(owner=owner, name=name)
        search.query = query
        search.filters = params
        search.email_digest = email_digest
        search.save()
        audit.record_change(owner, search, before)
    return search


def params_of(search: SavedSearch) -> dict[str, str]:
    """The article list's URL parameters for a saved search."""
    params = {k: str(v) for k, v in (search.filters or {}).items() if isinstance(k, str)}
    if search.query:
        params["q"] = search.query
    return params


def delete_search(actor, search: SavedSearch) -> None:
    before = audit.snapshot(search)
    audit.record_change(actor, search, before, {})
    search.delete()
