"""The pages the benchmark measures (bench/sections/influence_tracker.py) cost the same
number of queries however many recommendations, targets and timeline entries there are.
Counted, not timed."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from influence.models import Status
from influence.tests.factories import RecommendationFactory, TargetBodyFactory, add_entry

pytestmark = pytest.mark.django_db


def _grow(count: int, targets, offset: int = 0):
    made = []
    for n in range(offset, offset + count):
        recommendation = RecommendationFactory(
            slug=f"bench-shape-{n}", targets=targets, published=True
        )
        for target in targets:
            add_entry(recommendation, target, Status.PROPOSED, datetime.date(2022, 1, 1))
            add_entry(recommendation, target, Status.RAISED, datetime.date(2022, 2, 1))
        made.append(recommendation)
    return made


def _queries(url: str) -> int:
    client = Client()
    assert client.get(url).status_code == 200  # warm any per-process caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_tracker_with_two_filters_costs_the_same_queries_at_any_size():
    targets = [
        TargetBodyFactory(name="Ministry of Justice", slug="ministry-of-justice"),
        TargetBodyFactory(name="Home Office", slug="home-office"),
    ]
    url = "/recommendations/?target=ministry-of-justice&status=raised"
    _grow(3, targets)
    small = _queries(url)
    _grow(30, targets, offset=3)
    assert _queries(url) == small


def test_recommendation_page_costs_the_same_queries_however_long_its_timeline():
    targets = [TargetBodyFactory(name=f"Body {n}", slug=f"body-{n}") for n in range(4)]
    short = _grow(1, targets[:1])[0]
    long = _grow(1, targets, offset=1)[0]
    for month in range(3, 12):
        for target in targets:
            add_entry(long, target, Status.ACKNOWLEDGED, datetime.date(2022, month, 1))
    assert _queries(long.get_absolute_url()) == _queries(short.get_absolute_url())
