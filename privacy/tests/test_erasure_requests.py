"""Erasure: asked for from an account or recorded by staff, confirmed by staff, logged."""

import pytest
from django.urls import reverse

from consultations.models import Answer
from consultations.tests.factories import AnswerFactory
from core.models import AuditEntry, User
from core.registries.personal_data import REMOVED_AT_REQUEST
from core.tests.factories import StaffFactory
from members.models import Person
from members.tests.factories import OrganisationFactory, member_contact_for
from privacy.models import DataRequest

pytestmark = pytest.mark.django_db


def test_a_person_asks_once_and_staff_confirm_with_their_address(client):
    answer = AnswerFactory()
    user = answer.contribution.author
    member_contact_for(OrganisationFactory(), user)
    client.force_login(user)
    client.post(reverse("account_data_erase"))
    client.post(reverse("account_data_erase"))
    request = DataRequest.objects.get()
    assert (request.kind, request.received_via) == ("erasure", "account")

    staff = StaffFactory()
    client.force_login(staff)
    url = reverse("data_request_erase", args=[request.pk])
    refused = client.post(url, {"confirmation": "someone-else@example.org"})
    assert refused.status_code == 400
    assert Answer.objects.get().text == answer.text  # nothing changed

    done = client.post(url, {"confirmation": user.email.upper()})
    assert done.status_code == 302
    assert Answer.objects.get().text == REMOVED_AT_REQUEST
    erased = User.objects.get(pk=user.pk)
    assert not erased.is_active and erased.email.endswith("@erased.invalid")
    assert Person.objects.get().name == "Erased contact"
    request.refresh_from_db()
    assert request.status == "done" and request.handled_by == staff
    assert user.email not in request.email
    log = AuditEntry.objects.filter(object_id=str(request.pk), content_type__model="datarequest")
    assert log.filter(actor=staff, changes__has_key="status").exists()
    assert not AuditEntry.objects.filter(changes__icontains=user.email).exists()


def test_a_request_by_post_is_recorded_and_its_export_logged(client):
    staff = StaffFactory()
    client.force_login(staff)
    response = client.post(
        reverse("data_requests"),
        {"kind": "access", "received_via": "post", "name": "Pat", "email": "Pat@Example.org"},
    )
    request = DataRequest.objects.get()
    assert response.status_code == 302 and request.email == "pat@example.org"
    export = client.post(reverse("data_request_export", args=[request.pk]))
    assert export["Content-Type"] == "application/zip"
    request.refresh_from_db()
    assert request.exported_at is not None
    assert AuditEntry.objects.filter(actor=staff, changes__has_key="exported_at").exists()


def test_an_access_request_cannot_be_used_to_erase(client):
    client.force_login(StaffFactory())
    request = DataRequest.objects.create(kind="access", received_via="post", email="a@b.org")
    response = client.post(
        reverse("data_request_erase", args=[request.pk]), {"confirmation": "a@b.org"}
    )
    assert response.status_code == 400
    assert b"not an erasure request" in response.content


def test_refusing_needs_a_reason(client):
    client.force_login(StaffFactory())
    request = DataRequest.objects.create(kind="access", received_via="post", email="a@b.org")
    url = reverse("data_request_close", args=[request.pk])
    assert client.post(url, {"status": "refused", "note": ""}).status_code == 400
    assert client.post(url, {"status": "refused", "note": "Identity not shown."}).status_code == 302
    request.refresh_from_db()
    assert request.status == "refused"


def test_staff_cannot_confirm_their_own_erasure(client):
    staff = StaffFactory()
    client.force_login(staff)
    client.post(reverse("account_data_erase"))
    request = DataRequest.objects.get()
    response = client.post(
        reverse("data_request_erase", args=[request.pk]), {"confirmation": staff.email}
    )
    assert response.status_code == 400
    assert User.objects.get(pk=staff.pk).is_active
