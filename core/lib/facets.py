"""Faceted listings: filters read from the address, counted per option, shown as links.

A listing (the member directory, the recommendation tracker, library search) keeps its own
query logic; what they share is here:

- tag filters: reading a term slug per vocabulary from the address (`read_tags`), narrowing a
  queryset to what carries the chosen terms (`filter_by_tags`, `with_related`) and counting
  how many carry each term (`count_tags`, `count_related`);
- the facets: a `Facet` per filter, whose options (`FacetOption`) each hold a count and the
  link that selects or clears it (`toggle_url`), built by `facet` and its variants;
- the counted page: a page of results whose total was counted with the facets, so the
  paginator never counts again (`counted_page`, `listed_page`), and `FacetedPage`, what the
  shared template core/facets/listing.html shows.

Filters are subqueries (`pk IN (...)`), never joins, so nothing is listed twice, and the
database can start from a term's few rows rather than test every object.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol, TypedDict
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.db.models import Count, Model, QuerySet
from django.http import QueryDict

from core.lib.freshness import reuse

# A listing's tag filters: URL parameter -> (the model's many-to-many field to taxonomy
# terms, the vocabulary its terms come from).
TagFilters = dict[str, tuple[str, str]]


# --- Tag filters ----------------------------------------------------------------------------


def read_tags(read: Callable[[str], str], tag_filters: TagFilters, terms) -> tuple[dict, list]:
    """The term chosen for each tag filter, from the slug `read(name)` gives for it, and the
    names of the filters whose slug is no term of their vocabulary."""
    by_slug = {(term.vocabulary, term.slug): term for term in terms}
    chosen, unknown = {}, []
    for name, (_field, vocabulary) in tag_filters.items():
        if slug := read(name):
            if term := by_slug.get((vocabulary, slug)):
                chosen[name] = term
            else:
                unknown.append(name)
    return chosen, unknown


def with_related(queryset: QuerySet, field_name: str, related: Model) -> QuerySet:
    """`queryset` narrowed to the objects whose many-to-many `field_name` holds `related`."""
    relation = getattr(queryset.model, field_name)
    source, target = relation.field.m2m_column_name(), relation.field.m2m_reverse_name()
    holders = relation.through.objects.filter(**{target: related.pk}).values(source)
    return queryset.filter(pk__in=holders)


def filter_by_tags(
    queryset: QuerySet, tag_filters: TagFilters, tags: dict, skip: Iterable[str] = ()
) -> QuerySet:
    """`queryset` narrowed to the objects tagged with each chosen term, but those of the
    filters named in `skip` (which a facet skips to count its own options)."""
    for name, term in tags.items():
        if name not in skip:
            queryset = with_related(queryset, tag_filters[name][0], term)
    return queryset


def count_related(queryset: QuerySet, field_name: str) -> dict[int, int]:
    """How many of `queryset` each object of many-to-many `field_name` is related to, by
    that object's primary key, in one grouped query."""
    relation = getattr(queryset.model, field_name)
    source, target = relation.field.m2m_column_name(), relation.field.m2m_reverse_name()
    rows = (
        relation.through.objects.filter(**{f"{source}__in": queryset.values("pk")})
        .values_list(target)
        .annotate(n=Count(source))
        .order_by()
    )
    return dict(rows)


def count_tags(base: Callable[[str], QuerySet], tag_filters: TagFilters) -> dict[str, dict]:
    """Each tag filter's counts per term id, over `base(name)`: the objects matching every
    filter but that one."""
    return {
        name: count_related(base(name), field_name)
        for name, (field_name, _vocabulary) in tag_filters.items()
    }


# --- Facets ---------------------------------------------------------------------------------


class FacetOption(TypedDict):
    value: str  # as in the address
    label: str
    count: int  # how many results choosing it would give, the other filters kept
    selected: bool
    url: str  # the address with it chosen, or without it when it is chosen already


@dataclass
class Facet:
    name: str  # the URL parameter
    label: str
    options: list[FacetOption]
    in_use: bool = False  # its parameter is in the address: the list shows it unfolded


def toggle_url(params, name: str, value: str | None) -> str:
    """The listing's URL with filter `name` set to `value` (or removed), back on page 1."""
    if isinstance(params, QueryDict):
        # What copying the QueryDict, editing and urlencode() give, without the deep copy
        # (this runs once per facet option, sixty times a page).
        pairs = [
            (key, item)
            for key, items in params.lists()
            if key not in (name, "page")
            for item in items
        ]
        if value is not None:
            pairs.append((name, value))
        encoded = urlencode(pairs, encoding=params.encoding)
        return f"?{encoded}" if encoded else "?"
    updated = params.copy() if hasattr(params, "copy") else dict(params)
    for key in (name, "page"):
        if key in updated:
            del updated[key]
    if value is not None:
        updated[name] = value
    encoded = updated.urlencode() if hasattr(updated, "urlencode") else urlencode(updated)
    return f"?{encoded}" if encoded else "?"


def facet_option(
    params, name: str, value: str, label: str, count: int, selected: bool
) -> FacetOption:
    """One option of facet `name`, linking to the address that toggles it."""
    return FacetOption(
        value=value,
        label=label,
        count=count,
        selected=selected,
        url=toggle_url(params, name, None if selected else value),
    )


def facet(params, name: str, label: str, choices: Iterable[tuple]) -> Facet:
    """Facet `name` of the listing at address `params`, with an option for each
    (value, label, count, selected) of `choices`."""
    options = [facet_option(params, name, *choice) for choice in choices]
    return Facet(name, label, options, in_use=name in params)


def choice_facet(params, name: str, label: str, choices, counts: dict, chosen) -> Facet:
    """A facet over a field's (value, label) `choices`, with `counts` by value."""
    return facet(
        params,
        name,
        label,
        ((value, text, counts.get(value, 0), value == chosen) for value, text in choices),
    )


def object_facet(params, name: str, label: str, objects, counts: dict, chosen) -> Facet:
    """A facet over model objects with a slug and a name (terms, networks, target bodies),
    with `counts` by primary key."""
    return facet(
        params,
        name,
        label,
        ((obj.slug, obj.name, counts.get(obj.pk, 0), obj == chosen) for obj in objects),
    )


def tag_facets(
    params, tag_filters: TagFilters, labels: dict, terms, counts: dict, chosen: dict
) -> list[Facet]:
    """A facet per tag filter, over its vocabulary's `terms`; `chosen` is read_tags()'s."""
    return [
        object_facet(
            params,
            name,
            labels[name],
            [term for term in terms if term.vocabulary == vocabulary],
            counts[name],
            chosen.get(name),
        )
        for name, (_field, vocabulary) in tag_filters.items()
    ]


# --- The counted page -----------------------------------------------------------------------


def counted_page(total: int, number, size: int) -> Page:
    """Page `number` (clamped as Paginator.get_page does) of `size` results out of `total`,
    already counted with the facets: its paginator never counts again. The caller fills in
    its object_list."""
    paginator = Paginator((), size)
    paginator.count = total
    return paginator.get_page(number)


def listed_page(
    ordered: QuerySet,
    total: int,
    number,
    size: int,
    key: tuple,
    objects: QuerySet,
    token: Callable[[], object] | None = None,
) -> Page:
    """Page `number` of `ordered`, whose `total` is known, holding its objects read afresh
    from `objects` by primary key, with only what the listing shows.

    Which objects the page lists is reused between requests like the facet counts (see
    core.lib.freshness; `key` names the listing, its filters and its order), so a page then
    costs one query by primary key rather than filtering and sorting every match again.
    `token` is passed on to reuse (a listing's narrower sign of change, if it has one)."""
    page = counted_page(total, number, size)
    start = (page.number - 1) * size
    listed = reuse(
        (*key, start, size),
        lambda: list(ordered.values_list("pk", flat=True)[start : start + size]),
        token=token,
    )
    by_pk = objects.in_bulk(listed)
    page.object_list = [by_pk[pk] for pk in listed if pk in by_pk]
    return page


class ListingQuery(Protocol):
    """How a listing read its address: what the shared template says about it."""

    text: str  # the words searched for
    ignored: list[str]  # filters whose value was not recognised

    @property
    def is_filtered(self) -> bool: ...


@dataclass
class FacetedPage:
    """A page of a faceted listing: what core/facets/listing_content.html shows."""

    query: ListingQuery
    page: Page  # a counted page: page.paginator.count is the number of results
    facets: list[Facet]
    # What the person should know about how their query was read.
    notices: list[str] = field(default_factory=list, kw_only=True)
