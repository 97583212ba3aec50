"""The staff ranking page (worked out afresh, not from the cache) and the public winners'
archive read the same number of queries however many nominations, judges, scores and
winners there are: the benchmark's sizes must not cost more round trips than a small cycle."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from awards.models import Conflict
from awards.services import ranking_cache
from awards.tests.factories import (
    CategoryFactory,
    CycleFactory,
    NominationFactory,
    PanelMemberFactory,
    days_from_today,
    score_all,
)
from core.tests.factories import StaffFactory
from media.tests.factories import ArticleFactory
from members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def _grow_panel(category, judges: int, nominations: int) -> None:
    seats = [PanelMemberFactory(category=category) for _ in range(judges)]
    for number in range(nominations):
        nomination = NominationFactory(category=category, shortlisted=number == 0)
        for seat in seats:
            score_all(seat, nomination, [number % 9 + 1, 5, 7])
        Conflict.objects.create(panel_member=seats[0], nomination=nomination,
                                source="declared", reason="A tie.")  # fmt: skip


def _ranking_queries(client, category) -> int:
    ranking_cache.forget(category.pk)  # worked out afresh: the cost the cache saves
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("awards:staff_ranking", args=[category.pk]))
    assert response.status_code == 200
    return len(queries)


def test_the_ranking_page_reads_a_constant_number_of_queries(client):
    client.force_login(StaffFactory())
    category = CategoryFactory(quorum=2)
    _grow_panel(category, judges=2, nominations=2)
    _ranking_queries(client, category)  # warms whatever the site caches on a first request
    few = _ranking_queries(client, category)
    _grow_panel(category, judges=4, nominations=12)
    assert _ranking_queries(client, category) == few


def _add_winners(count: int) -> None:
    for _ in range(count):
        cycle = CycleFactory(
            nominations_open=days_from_today(-400), nominations_close=days_from_today(-300),
            winners_published_on=days_from_today(-200),
        )  # fmt: skip
        winner = NominationFactory(
            category=CategoryFactory(cycle=cycle), nominee_kind="member", winner=True,
            organisation=OrganisationFactory(), shortlisted=True, citation="For courage.",
        )  # fmt: skip
        winner.articles.add(ArticleFactory(), ArticleFactory())


def _archive_queries(client, **filters) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("awards:winners"), filters)
    assert response.status_code == 200
    return len(queries)


def test_the_winners_archive_reads_a_constant_number_of_queries(client):
    _add_winners(2)
    _archive_queries(client)  # warms whatever the site caches on a first request
    few = _archive_queries(client)
    _add_winners(10)
    assert _archive_queries(client) == few
    assert _archive_queries(client, page=2) == few
