"""The criminal justice dictionary in the JSON API. Reading only, and public.

Search (`q`) ranks exactly as the dictionary page does (glossary.services.dictionary.search_ids):
acronyms first, then term names, then definitions. Paging follows /organisations.
"""

from datetime import datetime

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from pydantic import field_validator

from core.lib.pagination import DEFAULT_LIMIT, Limit, LimitOffsetPage, Offset, paginate
from glossary.models import DictionaryTerm
from glossary.services import dictionary

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


class DictionaryPage(LimitOffsetPage):
    results: list[DictionaryTermOut]


class DictionaryFilters(Schema):
    q: str = Field(
        "",
        max_length=dictionary.MAX_QUERY_LENGTH,
        description="An acronym (matched exactly, ignoring case), or words in a term's name "
        "or definition.",
    )
    limit: Limit = DEFAULT_LIMIT
    offset: Offset = 0

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


@router.get("", response=DictionaryPage, summary="List dictionary terms")
def list_dictionary_terms(request, filters: Query[DictionaryFilters]):
    """Every term A to Z, or with `q` the matching terms, best match first."""
    query = dictionary.clean_query(filters.q)
    terms = dictionary.with_details(DictionaryTerm.objects.all())

    def payloads(page):
        return [term_payload(request, term) for term in page]

    if query:
        return paginate(
            request,
            dictionary.search_ids(query),
            filters.limit,
            filters.offset,
            lambda ids: payloads(dictionary.terms_in_order(ids, terms)),
        )
    return paginate(request, terms.order_by("term", "pk"), filters.limit, filters.offset, payloads)


@router.get("/{slug:slug}", response=DictionaryTermOut, summary="One dictionary term")
def get_dictionary_term(request, slug: str):
    term = dictionary.with_details(DictionaryTerm.objects.filter(slug=slug)).first()
    if term is None:
        raise HttpError(404, NO_TERM)
    return term_payload(request, term)
