"""The shared taxonomy in the JSON API: every term, with the vocabulary it belongs to."""

from typing import Literal

from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from taxonomy.models import Term, Vocabulary

router = Router(tags=["taxonomy"])

VocabularySlug = Literal[tuple(Vocabulary.values)]


class TermOut(Schema):
    slug: str
    name: str
    vocabulary: VocabularySlug
    vocabulary_name: str
    description: str
    position: int
    url: str


class TermFilters(Schema):
    vocabulary: VocabularySlug | None = None


def term_payload(request: HttpRequest, term: Term) -> dict:
    return {
        "slug": term.slug,
        "name": term.name,
        "vocabulary": term.vocabulary,
        "vocabulary_name": term.get_vocabulary_display(),
        "description": term.description,
        "position": term.position,
        "url": request.build_absolute_uri(term.get_absolute_url()),
    }


@router.get("", response=list[TermOut], summary="List taxonomy terms")
def list_terms(request, filters: Query[TermFilters]):
    """Every term, ordered by vocabulary then position. Filter with `vocabulary`:
    `part` (parts of the system), `theme`, `population` (populations served) or `place`."""
    terms = Term.objects.all()
    if filters.vocabulary:
        terms = terms.filter(vocabulary=filters.vocabulary)
    return [term_payload(request, term) for term in terms]


@router.get("/{slug:slug}", response=TermOut, summary="One taxonomy term")
def get_term(request, slug: str):
    term = Term.objects.filter(slug=slug).first()
    if term is None:
        raise HttpError(404, "There is no taxonomy term with that slug.")
    return term_payload(request, term)
