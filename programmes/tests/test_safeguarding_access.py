"""The safeguarding log, the strictest page: only leads read it; staff and admins are refused
without a reason, which is logged; every read is recorded."""

import pytest
from django.core import mail
from django.urls import reverse

from core.tests.factories import AdminFactory, StaffFactory, UserFactory
from programmes.models import Concern, ConcernRead, SafeguardingLead
from programmes.tests.factories import ConcernFactory, YouthGroupFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    group = YouthGroupFactory()
    lead = UserFactory(name="Lee Lead")
    SafeguardingLead.objects.create(network=group.network, user=lead)
    concern = ConcernFactory(group=group, what_happened="Secret worry about Robin")
    return group, lead, concern


def test_a_lead_reads_and_every_read_is_recorded(client, setup):
    group, lead, concern = setup
    client.force_login(lead)
    listing = client.get(reverse("programmes:safeguarding_log", args=[group.slug]))
    assert "Secret worry" not in listing.content.decode()
    response = client.get(reverse("programmes:safeguarding_concern", args=[concern.pk]))
    assert "Secret worry about Robin" in response.content.decode()
    assert ConcernRead.objects.filter(user=lead, as_lead=True).count() == 2


@pytest.mark.parametrize("factory", [StaffFactory, AdminFactory])
def test_staff_and_admins_are_refused_without_a_reason_and_logged_with_one(client, setup, factory):
    group, _lead, concern = setup
    client.force_login(factory())
    url = reverse("programmes:safeguarding_concern", args=[concern.pk])
    refused = client.get(url)
    assert refused.status_code == 403 and "Secret worry" not in refused.content.decode()
    log_url = reverse("programmes:safeguarding_log", args=[group.slug])
    assert client.post(log_url, {"reason": "   "}).status_code == 400
    assert not ConcernRead.objects.exists()
    client.post(log_url, {"reason": "Subject access request 42"})
    assert "Secret worry" in client.get(url).content.decode()
    read = ConcernRead.objects.get(concern=concern)
    assert read.as_lead is False and read.reason == "Subject access request 42"


def test_a_worker_records_a_concern_but_cannot_read_the_log(client, setup):
    group, lead, _concern = setup
    worker = UserFactory()
    group.workers.add(worker)
    client.force_login(worker)
    url = reverse("programmes:safeguarding_record")
    assert client.post(url, {"group": group.pk, "what_happened": ""}).status_code == 400
    client.post(url, {"group": group.pk, "what_happened": "He had a bruise."})
    assert Concern.objects.filter(recorded_by=worker).exists()
    assert mail.outbox[-1].to == [lead.email] and "bruise" not in mail.outbox[-1].body
    assert client.get(reverse("programmes:safeguarding_log", args=[group.slug])).status_code == 403
    # A worker cannot read even with a reason: only staff may give one.
    client.post(reverse("programmes:safeguarding_log", args=[group.slug]), {"reason": "curious"})
    assert client.get(reverse("programmes:safeguarding_log", args=[group.slug])).status_code == 403


def test_someone_not_working_with_the_group_cannot_record(client, setup):
    client.force_login(UserFactory())
    assert client.get(reverse("programmes:safeguarding_record")).status_code == 403


def test_only_a_lead_acts_on_a_concern(client, setup):
    group, lead, concern = setup
    staff = StaffFactory()
    client.force_login(staff)
    client.post(reverse("programmes:safeguarding_log", args=[group.slug]), {"reason": "Audit"})
    url = reverse("programmes:safeguarding_concern", args=[concern.pk])
    assert client.post(url, {"kind": "action", "action": "Called"}).status_code == 403
    client.force_login(lead)
    client.post(url, {"kind": "action", "action": "Called the trusted adult."})
    client.post(url, {"kind": "outcome", "outcome": "Resolved with family."})
    concern.refresh_from_db()
    assert concern.actions.count() == 1 and concern.closed_at is not None


def test_concerns_are_not_in_django_admin():
    from django.contrib import admin

    assert Concern not in admin.site._registry
