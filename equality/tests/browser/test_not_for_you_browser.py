"""A form that is not for you says who it is for (axe-core; screenshots at 1280 and 390 px)."""

import pytest
from playwright.sync_api import expect

from core.tests.browser_support import DESKTOP, PHONE, artifact_path, axe_check, log_in
from core.tests.factories import UserFactory
from equality.models import Group
from equality.tests.factories import ExerciseFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_trustees_form_refuses_an_uninvited_member_with_a_reason(page, live_server):
    exercise = ExerciseFactory(group=Group.TRUSTEES, context_key="", title="Trustees 2026")
    member = UserFactory()
    log_in(page, live_server.url, member.email)
    page.goto(f"{live_server.url}{exercise.get_absolute_url()}")
    expect(page.get_by_role("alert")).to_contain_text("invitation link")
    axe_check(page)
    for size, label in ((DESKTOP, "1280"), (PHONE, "390")):
        page.set_viewport_size(size)
        page.screenshot(path=str(artifact_path(f"equality-not-for-you-{label}")), full_page=True)
