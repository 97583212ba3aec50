"""The demo: two published years, large enough that suppression shows and so does a lot."""

import pytest

from equality.demo import load_demo_monitoring
from equality.models import PublishedReport

pytestmark = pytest.mark.django_db


def test_demo_publishes_two_years_with_some_figures_hidden_and_runs_once():
    assert load_demo_monitoring() > 250
    published = list(PublishedReport.objects.all())
    assert len(published) == 2
    for report in published:
        hidden = [k for k, v in report.figures.items() if v is None]
        shown = [v for v in report.figures.values() if v is not None]
        assert hidden and shown
        assert not [v for v in shown if 0 < v < 5]
    assert load_demo_monitoring() == 0
