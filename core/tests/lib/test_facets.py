"""core.lib.facets: tag filters, facets and their links, counted pages, and the shared
facet list and listing templates."""

import pytest
from django.http import QueryDict
from django.template import RequestContext, Template
from django.template.loader import render_to_string
from django.test import RequestFactory

from core.lib.facets import (
    Facet,
    FacetedPage,
    choice_facet,
    count_related,
    count_tags,
    counted_page,
    facet,
    facet_option,
    filter_by_tags,
    listed_page,
    object_facet,
    read_tags,
    tag_facets,
    toggle_url,
    with_related,
)
from core.tests.lib.facets_reference import original_toggle_url
from members.models import Organisation
from members.tests.factories import OrganisationFactory
from taxonomy.models import Term, Vocabulary

TAG_FILTERS = {"theme": ("themes", Vocabulary.THEME), "region": ("regions", Vocabulary.PLACE)}


@pytest.fixture
def tagged(db):
    """Three organisations tagged with themes and regions, by name."""
    return {
        "london homes": OrganisationFactory(name="London homes", tags=["housing", "london"]),
        "north homes": OrganisationFactory(name="North homes", tags=["housing", "north-west"]),
        "london equality": OrganisationFactory(
            name="London equality", tags=["racial-equality", "london"]
        ),
    }


def names(queryset) -> set[str]:
    return set(queryset.values_list("name", flat=True))


def term(slug: str) -> Term:
    return Term.objects.get(slug=slug)


# --- toggle_url -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "params", ["", "page=3", "theme=housing&page=2&q=caf%C3%A9+%26+co", "a=1&a=2&theme=x"]
)
@pytest.mark.parametrize("name,value", [("theme", "housing"), ("theme", None), ("led", "yes")])
def test_toggle_url_is_unchanged(params, name, value):
    query_dict = QueryDict(params)
    assert toggle_url(query_dict, name, value) == original_toggle_url(query_dict, name, value)


def test_toggle_url_goes_back_to_the_first_page():
    assert toggle_url(QueryDict("q=court&page=4"), "theme", "housing") == "?q=court&theme=housing"


def test_toggle_url_without_a_value_removes_the_filter():
    assert toggle_url(QueryDict("theme=housing"), "theme", None) == "?"


def test_toggle_url_takes_a_plain_dict():
    assert toggle_url({"theme": "housing", "page": "2"}, "region", "london") == (
        "?theme=housing&region=london"
    )


# --- Tag filters ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_read_tags_chooses_the_term_of_each_filters_vocabulary():
    chosen, unknown = read_tags(
        {"theme": "housing", "region": "london"}.get, TAG_FILTERS, Term.objects.all()
    )
    assert chosen == {"theme": term("housing"), "region": term("london")}
    assert unknown == []


@pytest.mark.django_db
def test_read_tags_reports_a_slug_of_another_vocabulary_as_unknown():
    chosen, unknown = read_tags({"theme": "london"}.get, TAG_FILTERS, Term.objects.all())
    assert (chosen, unknown) == ({}, ["theme"])


@pytest.mark.django_db
def test_read_tags_passes_over_empty_values():
    assert read_tags({"theme": ""}.get, TAG_FILTERS, Term.objects.all()) == ({}, [])


def test_with_related_keeps_what_holds_the_object(tagged):
    housing = with_related(Organisation.objects.all(), "themes", term("housing"))
    assert names(housing) == {"London homes", "North homes"}


def test_filter_by_tags_combines_the_chosen_terms(tagged):
    tags = {"theme": term("housing"), "region": term("london")}
    assert names(filter_by_tags(Organisation.objects.all(), TAG_FILTERS, tags)) == {"London homes"}


def test_filter_by_tags_leaves_out_the_skipped_filters(tagged):
    tags = {"theme": term("housing"), "region": term("london")}
    narrowed = filter_by_tags(Organisation.objects.all(), TAG_FILTERS, tags, skip={"region"})
    assert names(narrowed) == {"London homes", "North homes"}


def test_count_related_counts_each_related_object_once_per_match(tagged):
    counts = count_related(Organisation.objects.all(), "regions")
    assert counts == {term("london").pk: 2, term("north-west").pk: 1}


def test_count_related_counts_only_the_queryset(tagged):
    only_north = Organisation.objects.filter(name="North homes")
    assert count_related(only_north, "themes") == {term("housing").pk: 1}


def test_count_tags_counts_each_filter_over_its_own_base(tagged):
    everything = Organisation.objects.all()
    in_london = with_related(everything, "regions", term("london"))
    counts = count_tags(lambda name: everything if name == "region" else in_london, TAG_FILTERS)
    assert counts["theme"] == {term("housing").pk: 1, term("racial-equality").pk: 1}
    assert counts["region"] == {term("london").pk: 2, term("north-west").pk: 1}


# --- Facets ---------------------------------------------------------------------------------


def test_an_option_links_to_choosing_it():
    option = facet_option(QueryDict("q=court"), "theme", "housing", "Housing", 3, False)
    assert option == {
        "value": "housing",
        "label": "Housing",
        "count": 3,
        "selected": False,
        "url": "?q=court&theme=housing",
    }


def test_a_chosen_option_links_to_clearing_it():
    option = facet_option(QueryDict("theme=housing"), "theme", "housing", "Housing", 3, True)
    assert option["url"] == "?"


def test_a_facet_is_in_use_when_its_parameter_is_in_the_address():
    assert facet(QueryDict("theme=nonsense"), "theme", "Theme", []).in_use
    assert not facet(QueryDict("region=london"), "theme", "Theme", []).in_use


def test_choice_facet_counts_by_value_and_marks_the_chosen_one():
    result = choice_facet(
        QueryDict(), "kind", "Kind", [("a", "A"), ("b", "B")], {"a": 2}, chosen="b"
    )
    assert [(o["value"], o["count"], o["selected"]) for o in result.options] == [
        ("a", 2, False),
        ("b", 0, True),
    ]


@pytest.mark.django_db
def test_object_facet_lists_objects_by_slug_and_name_counted_by_primary_key():
    housing = term("housing")
    result = object_facet(QueryDict(), "theme", "Theme", [housing], {housing.pk: 4}, None)
    assert result == Facet(
        "theme",
        "Theme",
        [
            {
                "value": "housing",
                "label": housing.name,
                "count": 4,
                "selected": False,
                "url": "?theme=housing",
            }
        ],
    )


@pytest.mark.django_db
def test_tag_facets_offer_each_filter_its_own_vocabulary():
    terms = list(Term.objects.all())
    labels = {"theme": "Theme", "region": "Region"}
    chosen = {"region": term("london")}
    theme, region = tag_facets(
        QueryDict(), TAG_FILTERS, labels, terms, {"theme": {}, "region": {}}, chosen
    )
    assert {o["value"] for o in theme.options} == {
        t.slug for t in terms if t.vocabulary == Vocabulary.THEME
    }
    assert [o["value"] for o in region.options if o["selected"]] == ["london"]


# --- Counted pages --------------------------------------------------------------------------


def test_a_counted_page_takes_the_total_it_is_given():
    page = counted_page(total=51, number=2, size=25)
    assert (page.paginator.count, page.paginator.num_pages) == (51, 3)
    assert (page.number, page.has_previous(), page.has_next()) == (2, True, True)


@pytest.mark.parametrize("number,expected", [("x", 1), (0, 3), (99, 3)])
def test_a_counted_page_number_is_read_as_paginator_get_page_reads_it(number, expected):
    assert counted_page(total=51, number=number, size=25).number == expected


def test_an_empty_listing_has_one_page():
    page = counted_page(total=0, number=1, size=25)
    assert (page.number, page.has_other_pages()) == (1, False)


def test_a_listed_page_reads_its_objects_in_order(tagged):
    ordered = Organisation.objects.order_by("name")
    page = listed_page(ordered, 3, 2, 2, ("test-listing",), Organisation.objects.all())
    assert [o.name for o in page] == ["North homes"]
    assert page.paginator.count == 3


def test_a_listed_page_reads_the_objects_from_the_queryset_given(tagged):
    ordered = Organisation.objects.order_by("name")
    objects = Organisation.objects.only("pk", "name")
    page = listed_page(ordered, 3, 1, 2, ("test-listing",), objects)
    assert [o.name for o in page] == ["London equality", "London homes"]
    assert all("description" in o.get_deferred_fields() for o in page)


# --- The templates --------------------------------------------------------------------------


class Query:
    def __init__(self, text="", ignored=(), is_filtered=False):
        self.text, self.ignored, self.is_filtered = text, list(ignored), is_filtered


def housing_facet(selected=False, count=2) -> Facet:
    params = QueryDict("theme=housing" if selected else "")
    return Facet(
        "theme",
        "Theme",
        [facet_option(params, "theme", "housing", "Housing", count, selected)],
        in_use=selected,
    )


def test_the_facet_list_links_each_option_with_its_count():
    html = render_to_string("core/facets/facet_list.html", {"facets": [housing_facet()]})
    assert '<aside class="facets" aria-labelledby="filters-heading">' in html
    assert '<nav class="facet" aria-label="Theme">' in html
    assert '<a href="?theme=housing" hx-get="?theme=housing">Housing</a>' in html
    assert '<span class="count">2</span>' in html


def test_the_facet_list_marks_a_chosen_option_as_current():
    html = render_to_string("core/facets/facet_list.html", {"facets": [housing_facet(True)]})
    assert '<li class="selected">' in html
    assert '<a href="?" hx-get="?" aria-current="true">Housing' in html


def test_the_facet_list_does_not_link_an_option_nothing_matches():
    html = render_to_string("core/facets/facet_list.html", {"facets": [housing_facet(count=0)]})
    assert '<span class="muted">Housing</span>' in html
    assert "href" not in html


def test_the_facet_list_unfolds_the_first_facet_and_those_in_use():
    folded = Facet("region", "Region", [])
    html = render_to_string(
        "core/facets/facet_list.html", {"facets": [folded, folded, housing_facet(True)]}
    )
    assert html.count("<details open>") == 2
    assert html.count("<details>") == 1


def test_the_facet_list_says_when_a_facet_has_no_options():
    html = render_to_string("core/facets/facet_list.html", {"facets": [Facet("year", "Year", [])]})
    assert '<li class="muted">None yet.</li>' in html


LISTING = Template(
    '{% extends "core/facets/listing_content.html" %}'
    "{% block heading %}{{ total }} thing{{ total|pluralize }}{% endblock %}"
    "{% block results %}<ul class='things'></ul>{% endblock %}"
)


def render_listing(address: str, query: Query, total: int = 60, facets=(), notices=()):
    request = RequestFactory().get(address)
    page = counted_page(total, request.GET.get("page", 1), 25)
    listing = FacetedPage(query=query, page=page, facets=list(facets), notices=list(notices))
    return LISTING.render(RequestContext(request, {"listing": listing}))


def test_the_listing_heading_gives_the_total():
    html = render_listing("/things/", Query(), total=60)
    assert '<h2 id="results-heading" aria-live="polite">' in html
    assert "60 things" in html


def test_the_listing_lists_the_filters_in_use_with_a_way_to_clear_them():
    html = render_listing(
        "/things/?q=court&theme=housing",
        Query("court", is_filtered=True),
        facets=[housing_facet(True)],
    )
    assert '<ul class="active-filters" aria-label="Filters in use">' in html
    assert "Search: “court”" in html
    assert '<a class="tag" href="?" hx-get="?">Theme: Housing' in html
    assert '<a href="/things/" hx-get="/things/">Clear all filters</a>' in html


def test_the_listing_says_which_filters_it_ignored_and_its_notices():
    html = render_listing("/things/", Query(ignored=["theme", "year"]), notices=["Read as x."])
    assert "have been ignored: theme, year." in html
    assert '<p class="message">Read as x.</p>' in html


def test_the_listing_links_the_pages_either_side():
    html = render_listing("/things/?q=court&page=2", Query(), total=60)
    assert '<nav class="pagination" aria-label="Pages">' in html
    assert 'href="?q=court&amp;page=1" hx-get="?q=court&amp;page=1" rel="prev"' in html
    assert "Page 2 of 3" in html
    assert 'href="?q=court&amp;page=3" hx-get="?q=court&amp;page=3" rel="next"' in html


def test_a_listing_of_one_page_has_no_page_links():
    assert "pagination" not in render_listing("/things/", Query(), total=25)


def test_the_listing_wrapper_is_what_htmx_targets():
    html = render_to_string(
        "core/facets/listing.html",
        {
            "id": "things-body",
            "classes": "directory",
            "content": Template("<p>inside</p>"),
            "request": RequestFactory().get("/things/"),
        },
    )
    assert (
        '<div id="things-body" class="directory" hx-target="#things-body" hx-push-url="true">'
        in html
    )
    assert "<p>inside</p>" in html


def test_an_htmx_answer_aimed_at_the_listing_carries_only_its_inside():
    from django_htmx.middleware import HtmxDetails

    request = RequestFactory().get("/things/", HTTP_HX_REQUEST="true", HTTP_HX_TARGET="things-body")
    request.htmx = HtmxDetails(request)
    html = render_to_string(
        "core/facets/listing.html",
        {
            "id": "things-body",
            "classes": "directory",
            "content": Template("<p>inside</p>"),
            "request": request,
        },
    )
    assert "<p>inside</p>" in html
    assert 'id="things-body"' not in html
