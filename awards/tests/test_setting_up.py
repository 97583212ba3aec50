"""Staff set up schemes, cycles and categories (with weighted criteria) outside Django
admin; bad input is refused with a clear message and changes nothing."""

import pytest
from django.urls import reverse

from awards.models import Category, Cycle
from awards.tests.factories import CycleFactory, SchemeFactory
from core.tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(StaffFactory())
    return client


def _cycle_data(scheme, **extra):
    data = {"scheme": scheme.pk, "year": 2030, "slug": "cja-awards-2030",
            "nominations_open": "2030-03-01", "nominations_close": "2030-05-31",
            "normalise_scores": "on"}  # fmt: skip
    data.update(extra)
    return data


def test_staff_create_a_cycle_and_bad_dates_or_slugs_are_refused(staff_client):
    scheme = SchemeFactory()
    url = reverse("awards:staff_cycle_new")
    bad = staff_client.post(url, _cycle_data(scheme, nominations_close="2030-01-01"))
    assert bad.status_code == 400 and "close after they open" in bad.content.decode()
    reserved = staff_client.post(url, _cycle_data(scheme, slug="winners"))
    assert reserved.status_code == 400 and "another awards page" in reserved.content.decode()
    assert not Cycle.objects.exists()
    assert staff_client.post(url, _cycle_data(scheme)).status_code == 302
    assert Cycle.objects.get().slug == "cja-awards-2030"


def _category_data(**criteria):
    data = {"name": "Outstanding Organisation", "slug": "outstanding", "eligibility": "any_org",
            "score_max": 10, "quorum": 3, "order": 0, "criteria-TOTAL_FORMS": 3,
            "criteria-INITIAL_FORMS": 0, "criteria-MIN_NUM_FORMS": 0,
            "criteria-MAX_NUM_FORMS": 1000}  # fmt: skip
    for number in range(3):  # blank forms keep the order field's default, as a browser sends
        data[f"criteria-{number}-order"] = 0
    for number, (name, weight) in enumerate(criteria.items()):
        data[f"criteria-{number}-name"] = name
        data[f"criteria-{number}-weight"] = weight
        data[f"criteria-{number}-order"] = number
    return data


def test_a_category_needs_criteria_weights_adding_up_to_100(staff_client):
    cycle = CycleFactory()
    url = reverse("awards:staff_category_new", args=[cycle.pk])
    refused = staff_client.post(url, _category_data(Impact=40, Innovation=30))
    assert refused.status_code == 400 and "add up to 70%" in refused.content.decode()
    assert not Category.objects.exists()
    saved = staff_client.post(url, _category_data(Impact=40, Innovation=30, Involvement=30))
    assert saved.status_code == 302
    category = Category.objects.get()
    assert [c.weight for c in category.criteria.all()] == [40, 30, 30]
