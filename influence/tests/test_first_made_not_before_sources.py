"""A recommendation is never "first made" before the earliest document it appears in."""

import datetime

import pytest

from influence.services import recommendations
from influence.tests.factories import RecommendationFactory
from library.models import ResourceStatus
from library.tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db


def source(year):
    return ResourceFactory(status=ResourceStatus.PUBLISHED, published_on=datetime.date(year, 6, 1))


def test_a_date_before_every_source_is_refused_with_the_reason():
    problem = recommendations.first_made_problem(
        datetime.date(2019, 1, 1), [source(2022), source(2021)]
    )
    assert "cannot be first made before its earliest source (1 June 2021)" in problem


def test_a_date_on_or_after_the_earliest_source_is_fine():
    assert recommendations.first_made_problem(datetime.date(2021, 6, 1), [source(2021)]) == ""
    assert recommendations.first_made_problem(datetime.date(2019, 1, 1), []) == ""


def test_a_draft_recommendation_takes_its_first_sources_date():
    recommendation = RecommendationFactory(first_made_on=datetime.date(2020, 1, 1))
    recommendation.sources.add(source(2023))
    recommendations.date_from_first_source(None, recommendation)
    recommendation.refresh_from_db()
    assert recommendation.first_made_on == datetime.date(2023, 6, 1)


def test_the_data_fix_moves_dates_that_came_before_every_source():
    import importlib

    from django.apps import apps

    wrong = RecommendationFactory(first_made_on=datetime.date(2018, 1, 1))
    wrong.sources.add(source(2020))
    right = RecommendationFactory(first_made_on=datetime.date(2022, 1, 1))
    right.sources.add(source(2020))
    migration = importlib.import_module(
        "influence.migrations.0002_first_made_not_before_first_source"
    )
    migration.date_from_first_source(apps, None)
    wrong.refresh_from_db()
    right.refresh_from_db()
    assert wrong.first_made_on == datetime.date(2020, 6, 1)
    assert right.first_made_on == datetime.date(2022, 1, 1)
