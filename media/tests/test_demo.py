"""The media demo data: 500+ articles through the real import, idempotent, every chart fed."""

import pytest

from media.dashboard import Selection, build_dashboard
from media.demo import demo_records, load_demo_media
from media.forms import default_period
from media.models import Article, Collection, MonthlyFigure, Outlet

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def records():
    return demo_records()


def test_records_are_many_varied_and_distinct(records):
    assert len(records) >= 500
    assert len({r["url"] for r in records}) == len(records)
    assert len({r["text"] for r in records}) == len(records)
    assert len({r["outlet"] for r in records}) == 8


def test_loading_analyses_and_aggregates_and_is_idempotent():
    loaded = load_demo_media()
    assert loaded >= 500
    assert Article.objects.count() == loaded
    assert Outlet.objects.count() == 8 and Collection.objects.count() == 2
    assert not Article.objects.filter(analysis__isnull=True).exists()
    assert Article.objects.filter(is_syndicated_copy=True).exists()
    assert MonthlyFigure.objects.exists()
    assert load_demo_media() == 0
    assert Article.objects.count() == loaded

    start, end = default_period()
    board = build_dashboard(Selection(start=start, end=end))
    assert board.totals.articles > 200
    assert len(board.by_outlet) == 8
    assert board.by_part, "articles are tagged with parts of the system"
    assert board.totals.voices.get("lived_experience")

    # The tabloid that signed up to the guide uses fewer labels now than two years ago.
    clarion = Outlet.objects.get(slug="daily-clarion")
    articles = list(Article.objects.filter(outlet=clarion).order_by("published_at"))
    early = sum(a.uses_stigmatising_label for a in articles[:20])
    late = sum(a.uses_stigmatising_label for a in articles[-20:])
    assert early > late
