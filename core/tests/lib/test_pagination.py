"""core.lib.pagination: the API's limit/offset envelope and its parameters."""

import pytest
from django.test import RequestFactory
from ninja import Schema
from pydantic import ValidationError

from core.lib.pagination import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    MAX_OFFSET,
    Limit,
    LimitOffsetPage,
    Offset,
    paginate,
)
from members.models import Organisation
from members.tests.factories import OrganisationFactory

ITEMS = list(range(10))


def page_of(address: str, items=ITEMS, limit=3, offset=0, **kwargs) -> dict:
    request = RequestFactory().get(address)
    return paginate(request, items, limit, offset, lambda page: page, **kwargs)


def test_the_envelope_gives_the_count_limit_and_offset():
    envelope = page_of("/api/things", limit=3, offset=3)
    assert (envelope["count"], envelope["limit"], envelope["offset"]) == (10, 3, 3)


def test_the_results_are_limit_items_from_offset():
    assert page_of("/api/things", limit=3, offset=3)["results"] == [3, 4, 5]


def test_next_links_to_the_following_page_keeping_the_other_parameters():
    envelope = page_of("/api/things?q=court&limit=3", limit=3, offset=3)
    assert envelope["next"] == "http://testserver/api/things?q=court&limit=3&offset=6"


def test_previous_links_to_the_page_before():
    envelope = page_of("/api/things", limit=3, offset=6)
    assert envelope["previous"] == "http://testserver/api/things?offset=3&limit=3"


def test_previous_never_goes_before_the_first_item():
    assert page_of("/api/things", limit=3, offset=2)["previous"].endswith("offset=0&limit=3")


def test_the_first_page_has_no_previous_and_the_last_no_next():
    assert page_of("/api/things", limit=3, offset=0)["previous"] is None
    assert page_of("/api/things", limit=3, offset=9)["next"] is None


def test_an_offset_beyond_the_end_gives_no_results_and_the_count():
    envelope = page_of("/api/things", limit=3, offset=50)
    assert (envelope["count"], envelope["results"], envelope["next"]) == (10, [], None)


def test_serialise_gets_the_whole_page_at_once():
    request = RequestFactory().get("/api/things")
    envelope = paginate(request, ITEMS, 3, 0, lambda page: [len(page)])
    assert envelope["results"] == [3]


def test_a_count_given_is_not_counted_again():
    assert page_of("/api/things", count=99)["count"] == 99


@pytest.mark.django_db
def test_a_queryset_is_counted_and_sliced_in_the_database(django_assert_num_queries):
    for name in "abcde":
        OrganisationFactory(name=name)
    request = RequestFactory().get("/api/organisations")
    with django_assert_num_queries(2):  # the count, then the page
        envelope = paginate(
            request,
            Organisation.objects.order_by("name"),
            2,
            1,
            lambda page: [o.name for o in page],
        )
    assert (envelope["count"], envelope["results"]) == (5, ["b", "c"])


class Filters(Schema):
    limit: Limit = DEFAULT_LIMIT
    offset: Offset = 0


def test_limit_and_offset_have_their_defaults():
    assert (Filters().limit, Filters().offset) == (DEFAULT_LIMIT, 0)


@pytest.mark.parametrize("limit", [0, MAX_LIMIT + 1])
def test_a_limit_out_of_range_is_refused(limit):
    with pytest.raises(ValidationError):
        Filters(limit=limit)


@pytest.mark.parametrize("offset", [-1, MAX_OFFSET + 1])
def test_an_offset_out_of_range_is_refused(offset):
    with pytest.raises(ValidationError):
        Filters(offset=offset)


def test_a_page_schema_lists_the_envelope_before_its_results():
    class ThingPage(LimitOffsetPage):
        results: list[int]

    assert list(ThingPage.model_fields) == [
        "count",
        "limit",
        "offset",
        "next",
        "previous",
        "results",
    ]
