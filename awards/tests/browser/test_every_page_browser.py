"""axe-core on every awards page, as the visitor, the judge and staff who use it, on a phone
and on a desktop screen; and on a phone no page scrolls sideways."""

import pytest

from awards.models import Category, Conflict, Cycle, Nomination, Scheme
from awards.tests.factories import score_all
from core.tests.browser_support import DESKTOP, PHONE, axe_check, log_in
from core.tests.factories import JudgeFactory, StaffFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _world() -> dict:
    # The project's matrix loads every app's rules: it goes first, or the import is circular.
    import groundswell.tests.permission_rules  # noqa: F401
    from awards.tests.permission_rules import build_samples

    judge, staff = JudgeFactory(name="Femi Judge"), StaffFactory(name="Robin Staff")
    samples = build_samples({"users": {"judge": judge}})
    nomination = Nomination.objects.get(pk=samples["award_nomination"])
    seat = nomination.category.panel.get(judge=judge)
    score_all(seat, nomination, [8, 7, 9])
    winner = Nomination.objects.get(pk=samples["award_winner"])
    cycle, category = Cycle.objects.get(pk=samples["award_cycle_pk"]), nomination.category
    published = winner.category.cycle
    visitor = [
        "/awards/",
        "/awards/winners/",
        f"/awards/winners/?year={published.year}",
        cycle.get_absolute_url(),
        published.get_absolute_url(),
        category.get_absolute_url(),
        winner.category.get_absolute_url(),
        f"/awards/{cycle.slug}/{category.slug}/nominate/",
        f"/awards/{cycle.slug}/{category.slug}/nominated/",
        f"/awards/consent/{samples['award_consent_key']}/",
    ]
    judging = [
        "/awards/judging/",
        f"/awards/judging/panel/{category.pk}/",
        f"/awards/judging/nomination/{nomination.pk}/",
    ]
    staff_pages = [
        "/awards/staff/",
        f"/awards/staff/cycles/{cycle.pk}/",
        f"/awards/staff/cycles/{cycle.pk}/edit/",
        "/awards/staff/cycles/new/",
        "/awards/staff/schemes/new/",
        f"/awards/staff/schemes/{Scheme.objects.first().pk}/",
        f"/awards/staff/cycles/{cycle.pk}/categories/new/",
        f"/awards/staff/cycles/{cycle.pk}/categories/{category.pk}/",
        f"/awards/staff/categories/{category.pk}/nominations/",
        f"/awards/staff/nominations/{nomination.pk}/",
        f"/awards/staff/nominations/{samples['award_recused']}/",
        f"/awards/staff/categories/{category.pk}/panel/",
        f"/awards/staff/categories/{category.pk}/ranking/",
    ]
    assert Conflict.objects.exists() and Category.objects.count() > 2
    return {"visitor": (None, visitor), "judge": (judge, judging), "staff": (staff, staff_pages)}


def _no_sideways_scroll(page) -> None:
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px on a phone"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_every_awards_page_passes_axe(new_page, live_server, viewport):
    for _role, (user, paths) in _world().items():
        page = new_page(viewport)
        if user is not None:
            log_in(page, live_server.url, user.email)
        for path in paths:
            response = page.goto(f"{live_server.url}{path}")
            assert response.status == 200, f"{path}: {response.status}"
            axe_check(page)
            if viewport == PHONE:
                _no_sideways_scroll(page)
