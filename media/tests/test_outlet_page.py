"""An outlet's page: its monthly trends (from MonthlyFigure) and its monitoring health."""

import pytest
from django.urls import reverse
from django.utils import timezone

from core.lib.months import month_start
from core.tests.factories import StaffFactory, UserFactory
from media.models import IngestProblem, MonthlyFigure
from media.tests.factories import ArticleFactory, FeedFactory, OutletFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def outlet():
    outlet = OutletFactory(name="Valley <Gazette>", slug="valley-gazette")
    ArticleFactory(outlet=outlet, title="Court hears of burglary")
    MonthlyFigure.objects.create(
        outlet=outlet,
        month=month_start(timezone.localdate()),
        include_syndicated=False,
        articles=10,
        words=4000,
        articles_with_label=4,
        labels=5,
    )
    FeedFactory(
        outlet=outlet, last_error="The feed answered 404 Not Found.", last_fetched_at=timezone.now()
    )
    IngestProblem.objects.create(outlet=outlet, reason="A page with no text.", location="x.html")
    return outlet


def test_outlet_page_shows_trends_and_health(client, outlet):
    client.force_login(StaffFactory())
    response = client.get(reverse("media:outlet", args=[outlet.slug]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Valley &lt;Gazette&gt;" in page and "Valley <Gazette>" not in page
    assert page.count("<svg") == 2  # the monthly trend and articles per day
    assert "40%" in page  # 4 of 10 articles this month use a label
    assert "The feed answered 404 Not Found." in page
    assert "A page with no text." in page
    assert "Court hears of burglary" in page


def test_unknown_outlet_is_404_and_others_are_refused(client, outlet):
    url = reverse("media:outlet", args=[outlet.slug])
    assert client.get(url).status_code == 302
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
    client.force_login(StaffFactory())
    assert client.get(reverse("media:outlet", args=["no-such-outlet"])).status_code == 404
