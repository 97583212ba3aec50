"""A judge says for themselves whether a category's public page names them; the answer is
audited, and nobody can answer for another judge or a panel they are not on."""

import pytest
from django.urls import reverse

from awards.tests.factories import PanelMemberFactory
from core.models import AuditEntry

pytestmark = pytest.mark.django_db


def _naming(client, member, named):
    url = reverse("awards:judge_naming", args=[member.category_id])
    return client.post(url, {"named": "yes" if named else "no"})


def test_a_judge_chooses_to_be_named_and_then_not(client):
    member = PanelMemberFactory(named_publicly=False, judge__name="Femi Judge")
    client.force_login(member.judge)
    assert _naming(client, member, True).status_code == 302
    member.refresh_from_db()
    assert member.named_publicly
    public = client.get(member.category.get_absolute_url()).content.decode()
    assert member.judge.name in public
    _naming(client, member, False)
    member.refresh_from_db()
    assert not member.named_publicly
    assert member.judge.name not in client.get(member.category.get_absolute_url()).content.decode()
    assert AuditEntry.objects.filter(content_type__model="panelmember").count() == 2


def test_another_panel_is_not_found(client):
    member, other = PanelMemberFactory(), PanelMemberFactory(named_publicly=False)
    client.force_login(member.judge)
    assert _naming(client, other, True).status_code == 404
    other.refresh_from_db()
    assert not other.named_publicly
