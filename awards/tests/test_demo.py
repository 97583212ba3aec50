"""The demo awards: the real 2017 winner, invented later years, a panel with conflicts."""

import pytest

from awards.demo import load_demo_awards
from awards.models import Conflict, Nomination
from awards.services import archive
from members.demo import load_demo

pytestmark = pytest.mark.django_db


def test_demo_awards_load_once_with_divert_as_the_2017_winner():
    load_demo()
    assert load_demo_awards() > 0
    divert = archive.public_winners().get(category__cycle__year=2017)
    assert divert.nominee_name == "DIVERT"
    assert divert.category.prize_amount == 4000
    assert Conflict.objects.filter(source="detected").exists()
    assert Conflict.objects.filter(source="declared").exists()
    count = Nomination.objects.count()
    assert load_demo_awards() == 0
    assert Nomination.objects.count() == count
