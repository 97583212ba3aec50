"""The criminal justice dictionary in the JSON API. Reading only, and public.

Search (`q`) ranks exactly as the dictionary page does (glossary.dictionary.search_ids):
acronyms first, then term names, then definitions. Paging follows /organisations.
"""

from datetime import datetime

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from pydantic import field_validator

from glossary import dictionary
from glossary.models import DictionaryTerm
from members.api import DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET

router = Router(tags=["dictionary"])

NO_TERM = "There is no dictionary term with that slug."


class SourceOut(Schema):
    title: str
    url: str


class DictionaryTermOut(Schema):
    slug: str
    term: str
    acronym: str
    expansion: str = Field(description="What the acronym stands for.")
    definition: str = Field(description="One or two plain-language sentences.")
    explanation: str
    jurisdiction_note: str = Field(
        description="Where England and Wales differ from Scotland or Northern Ireland."
    )
    parts: list[str] = Field(description="Slugs of parts of the system (see /taxonomy).")
    related: list[str] = Field(description="Slugs of related dictionary terms.")
    sources: list[SourceOut] = Field(description="Official sources.")
    url: str = Field(description="The term's page.")
    updated_at: datetime


class DictionaryPage(Schema):
    count: int
    limit: int
    offset: int
    next: str | None
    previous: str | None
    results: list[DictionaryTermOut]


class DictionaryFilters(Schema):
    q: str = Field(
        "",
        max_length=dictionary.MAX_QUERY_LENGTH,
        description="An acronym (matched exactly, ignoring case), or words in a term's name "
        "or definition.",
    )
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)

    @field_validator("q")
    @classmethod
    def no_null_characters(cls, value):
        if value and "\x00" in value:
            raise ValueError("Null characters are not allowed.")
        return value


def term_payload(request: HttpRequest, term: DictionaryTerm) -> dict:
    return {
        "slug": term.slug,
        "term": term.term,
        "acronym": term.acronym,
        "expansion": term.expansion,
        "definition": term.definition,
        "explanation": term.explanation,
        "jurisdiction_note": term.jurisdiction_note,
        "parts": [part.slug for part in term.parts.all()],
        "related": [other.slug for other in term.related.all()],
        "sources": [{"title": s.title, "url": s.url} for s in term.sources.all()],
        "url": request.build_absolute_uri(term.get_absolute_url()),
        "updated_at": term.updated_at,
    }


def _page_url(request: HttpRequest, offset: int, limit: int) -> str:
    params = request.GET.copy()
    params["offset"] = str(offset)
    params["limit"] = str(limit)
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


@router.get("", response=DictionaryPage, summary="List dictionary terms")
def list_dictionary_terms(request, filters: Query[DictionaryFilters]):
    """Every term A to Z, or with `q` the matching terms, best match first."""
    limit, offset = filters.limit, filters.offset
    query = dictionary.clean_query(filters.q)
    terms = dictionary.with_details(DictionaryTerm.objects.all())
    if query:
        ids = dictionary.search_ids(query)
        count = len(ids)
        page = dictionary.terms_in_order(ids[offset : offset + limit], terms)
    else:
        count = DictionaryTerm.objects.count()
        page = list(terms.order_by("term", "pk")[offset : offset + limit])
    return {
        "count": count,
        "limit": limit,
        "offset": offset,
        "next": _page_url(request, offset + limit, limit) if offset + limit < count else None,
        "previous": _page_url(request, max(offset - limit, 0), limit) if offset > 0 else None,
        "results": [term_payload(request, term) for term in page],
    }


@router.get("/{slug:slug}", response=DictionaryTermOut, summary="One dictionary term")
def get_dictionary_term(request, slug: str):
    term = dictionary.with_details(DictionaryTerm.objects.filter(slug=slug)).first()
    if term is None:
        raise HttpError(404, NO_TERM)
    return term_payload(request, term)
