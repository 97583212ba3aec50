"""Staff writing a recommendation the tracker already has are offered the existing one, and
linking it adds no second copy. The builder used to create a duplicate without a word."""

import datetime

import pytest
from playwright.sync_api import expect

from consultations.tests.test_submission_world import build_world
from core.tests.browser_support import axe_check, log_in
from influence.models import Recommendation
from influence.tests.factories import RecommendationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_staff_link_the_existing_ask_instead_of_copying_it(page, live_server):
    world = build_world()
    target = world.recommendation.targets.get()
    earlier = RecommendationFactory(
        title="End Friday releases from prison",
        text="Allow prisons to release people earlier in the week when the date is a Friday.",
        targets=[target],
        first_made_on=datetime.date(2021, 3, 1),
    )
    count = Recommendation.objects.count()
    log_in(page, live_server.url, world.staff.email)
    page.goto(
        f"{live_server.url}/consultations/{world.consultation.slug}/submission/sections/"
        f"{world.section.pk}/"
    )
    form = page.locator("form").filter(has_text="Or write a new one")
    form.get_by_label("Short title").fill("End Friday releases from prison")
    form.get_by_label("Full text").fill("Prisons should release people earlier in the week.")
    form.get_by_label("Who should act on it").select_option(label=target.name)
    form.get_by_role("button", name="Create and add").click()

    expect(page.get_by_text("The tracker already has this ask")).to_be_visible()
    existing = page.get_by_label("Use the existing one")
    expect(existing).to_be_checked()
    expect(page.locator(f'label[for="same-ask-link-{earlier.pk}"]')).to_contain_text(
        "first made 2021"
    )
    axe_check(page)
    page.get_by_role("button", name="Continue").click()

    expect(page.locator(".messages")).to_contain_text("Recommendation added to the section.")
    assert Recommendation.objects.count() == count
    assert world.submission.recommendations.filter(pk=earlier.pk).exists()
