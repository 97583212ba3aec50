"""Monthly figures add up what the articles say: per outlet and month, per part, with and
without syndicated copies; unanalysed articles are not counted."""

import datetime

import pytest
from django.utils import timezone

from core.lib.months import month_of
from media.models import MonthlyFigure, Voice
from media.services.monthly_figures import rebuild_all_monthly_figures, rebuild_monthly_figures
from media.tests.factories import ArticleFactory, OutletFactory
from taxonomy.models import Term

pytestmark = pytest.mark.django_db

MARCH = datetime.date(2025, 3, 1)


def _at(day: int, hour: int = 12) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(2025, 3, day, hour))


def _analysed(outlet, day, **fields):
    voices = fields.pop("voices", [])
    article = ArticleFactory(
        outlet=outlet, published_at=_at(day), analysed_at=timezone.now(), analysis={}, **fields
    )
    Voice.objects.bulk_create(Voice(article=article, category=c) for c in voices)
    return article


def test_figures_count_each_outlet_month_part_and_copies():
    outlet = OutletFactory()
    prisons, courts = (
        Term.objects.get(slug="prisons"),
        Term.objects.get(slug="courts-and-sentencing"),
    )
    _analysed(
        outlet,
        3,
        word_count=400,
        headline_labels=1,
        body_labels=2,
        sensational_words=1,
        score=40.0,
        parts=[prisons],
        voices=["police_official", "police_official"],
    )
    _analysed(
        outlet,
        10,
        word_count=600,
        people_first_terms=2,
        is_thematic=True,
        has_lived_experience_voice=True,
        score=80.0,
        parts=[prisons, courts],
        voices=["lived_experience"],
    )
    _analysed(
        outlet,
        11,
        word_count=500,
        body_labels=1,
        score=30.0,
        is_syndicated_copy=True,
        parts=[courts],
        voices=["politician"],
    )
    ArticleFactory(outlet=outlet, published_at=_at(12))  # not analysed yet: not counted
    ArticleFactory(outlet=outlet, published_at=_at(1, 0) - datetime.timedelta(hours=1))  # Feb
    assert rebuild_monthly_figures({(outlet.pk, MARCH)}) == 6

    every = MonthlyFigure.objects.get(
        outlet=outlet, month=MARCH, part=None, include_syndicated=True
    )
    assert (every.articles, every.words, every.articles_with_label, every.labels) == (3, 1500, 2, 4)
    assert (every.sensational_words, every.articles_people_first, every.articles_thematic) == (
        1,
        1,
        1,
    )
    assert every.articles_lived_experience == 1
    assert every.voices == {"police_official": 2, "lived_experience": 1, "politician": 1}
    assert every.score_total == 150.0

    originals = MonthlyFigure.objects.get(
        outlet=outlet, month=MARCH, part=None, include_syndicated=False
    )
    assert (originals.articles, originals.labels, originals.score_total) == (2, 3, 120.0)
    assert originals.voices == {"police_official": 2, "lived_experience": 1}

    on_courts = MonthlyFigure.objects.get(
        outlet=outlet, month=MARCH, part=courts, include_syndicated=True
    )
    assert (on_courts.articles, on_courts.words, on_courts.labels) == (2, 1100, 1)
    assert on_courts.voices == {"lived_experience": 1, "politician": 1}
    on_prisons = MonthlyFigure.objects.get(
        outlet=outlet, month=MARCH, part=prisons, include_syndicated=False
    )
    assert (on_prisons.articles, on_prisons.labels) == (2, 3)
    assert not MonthlyFigure.objects.filter(month=datetime.date(2025, 2, 1)).exists()


def test_rebuilding_a_month_replaces_its_rows_and_leaves_others_alone():
    outlet, other = OutletFactory(), OutletFactory()
    article = _analysed(outlet, 5, body_labels=1)
    _analysed(other, 5, body_labels=2)
    rebuild_all_monthly_figures()
    article.delete()
    rebuild_monthly_figures({(outlet.pk, MARCH)})
    assert not MonthlyFigure.objects.filter(outlet=outlet).exists()
    assert MonthlyFigure.objects.get(outlet=other, part=None, include_syndicated=True).labels == 2


def test_months_are_uk_months():
    # 23:30 on 31 March UTC is 00:30 on 1 April in British Summer Time.
    moment = datetime.datetime(2025, 3, 31, 23, 30, tzinfo=datetime.UTC)
    assert month_of(moment) == datetime.date(2025, 4, 1)
    outlet = OutletFactory()
    ArticleFactory(outlet=outlet, published_at=moment, analysed_at=timezone.now())
    rebuild_monthly_figures({(outlet.pk, datetime.date(2025, 4, 1))})
    assert MonthlyFigure.objects.get(part=None, include_syndicated=True).month == datetime.date(
        2025, 4, 1
    )


def test_nothing_to_rebuild_writes_nothing():
    assert rebuild_monthly_figures(set()) == 0
