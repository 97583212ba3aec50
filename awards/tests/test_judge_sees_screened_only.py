"""A judge's panel page shows only nominations that passed screening: a conflict detected on
a nomination staff are still checking (or ruled out, merged, withdrawn) stays with staff."""

import pytest
from django.urls import reverse

from awards.models import Conflict, NominationStatus
from awards.tests.factories import CategoryFactory, NominationFactory, PanelMemberFactory

pytestmark = pytest.mark.django_db


def _conflict(member, nomination, reason):
    return Conflict.objects.create(
        panel_member=member, nomination=nomination, source=Conflict.Source.DETECTED, reason=reason
    )


def test_conflicts_on_unscreened_nominations_are_not_shown_to_the_judge(client):
    category = CategoryFactory()
    member = PanelMemberFactory(category=category)
    eligible = NominationFactory(category=category, nominee_name="Eligible Trust")
    hidden = {
        status: NominationFactory(category=category, nominee_name=f"Hidden {status}", status=status)
        for status in NominationStatus.values
        if status != NominationStatus.ELIGIBLE
    }
    _conflict(member, eligible, "The judge's organisation nominated it.")
    for status, nomination in hidden.items():
        _conflict(member, nomination, f"Detected while {status}.")

    client.force_login(member.judge)
    page = client.get(reverse("awards:judge_panel", args=[category.pk])).content.decode()

    assert "Eligible Trust" in page
    for status in hidden:
        assert f"Hidden {status}" not in page
        assert f"Detected while {status}" not in page


def test_the_conflict_appears_once_the_nomination_is_ruled_eligible(client):
    category = CategoryFactory()
    member = PanelMemberFactory(category=category)
    nomination = NominationFactory(
        category=category, nominee_name="Later Trust", status=NominationStatus.RECEIVED
    )
    _conflict(member, nomination, "Same organisation.")
    client.force_login(member.judge)
    url = reverse("awards:judge_panel", args=[category.pk])
    assert "Later Trust" not in client.get(url).content.decode()
    nomination.status = NominationStatus.ELIGIBLE
    nomination.save()
    assert "Later Trust" in client.get(url).content.decode()
