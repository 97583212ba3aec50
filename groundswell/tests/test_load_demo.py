"""`manage.py load_demo`: the whole demo, every app's part in order, safely twice."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Q

from influence.demo import demo_data
from influence.models import Recommendation, StatusChange
from library.demo import demo_resources
from library.models import Resource
from members.models import (
    Affiliation,
    Membership,
    MembershipApplication,
    Network,
    Organisation,
    Person,
)
from members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def run_load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_running_twice_changes_nothing():
    first = run_load_demo()
    assert "Loaded demo data" in first
    assert "groundswell-demo" in first
    User = get_user_model()
    staff = User.objects.get(email="staff@example.org")
    staff.set_password("changed by staff")
    staff.save()

    def snapshot():
        return [
            model.objects.count()
            for model in (
                Organisation,
                Network,
                Membership,
                Person,
                Affiliation,
                MembershipApplication,
                User,
                Network.staff.through,
                Organisation.themes.through,
            )
        ]

    before = snapshot()
    second = run_load_demo()
    assert "skipped" in second
    assert snapshot() == before
    staff.refresh_from_db()
    assert staff.check_password("changed by staff")


def test_an_existing_directory_is_not_touched_but_logins_are_ensured():
    OrganisationFactory(name="Someone Else's Member")
    output = run_load_demo()
    assert "skipped" in output
    assert Organisation.objects.count() == 1
    assert not Network.objects.exists()
    assert get_user_model().objects.filter(email__endswith="@example.org").count() == 4


def test_the_tracker_is_loaded_once():
    out = StringIO()
    call_command("load_demo", stdout=out)
    total = len(demo_data()["recommendations"])
    assert f"Loaded {total} demo recommendations" in out.getvalue()
    # Other apps' demo data may add recommendations of their own (consultations does):
    # what matters is that a second run adds nothing.
    recommendations = Recommendation.objects.count()
    assert recommendations >= total
    changes = StatusChange.objects.count()
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "skipped the demo tracker" in out.getvalue()
    assert Recommendation.objects.count() == recommendations
    assert StatusChange.objects.count() == changes


def test_the_library_is_loaded_once():
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert f"Loaded {len(demo_resources())} demo library resources" in out.getvalue()
    # The demo consultation's published submission and the young advocates' report are filed
    # in the library as well.
    from programmes.models import Output

    filed_by_others = Resource.objects.filter(
        Q(consultation_submission__isnull=False)
        | Q(pk__in=Output.objects.exclude(resource=None).values("resource"))
    )
    assert Resource.objects.exclude(pk__in=filed_by_others).count() == len(demo_resources())
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "skipped the demo library" in out.getvalue()
