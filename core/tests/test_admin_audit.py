"""The project's admin site audits every model admin, and never copies a secret into the log."""

import pytest
from django.contrib import admin
from django.urls import reverse

from core.admin_audit import AuditedAdminMixin
from core.audit import history_for
from core.tests.admin_support import admin_form_data
from core.tests.factories import AdminFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_every_registered_model_admin_is_audited():
    unaudited = [
        model._meta.label
        for model, model_admin in admin.site._registry.items()
        if not isinstance(model_admin, AuditedAdminMixin)
    ]
    assert unaudited == []


def test_a_password_set_in_admin_is_logged_without_the_hash(client):
    admin_user = AdminFactory()
    person = UserFactory()
    client.force_login(admin_user)
    url = reverse("admin:auth_user_password_change", args=[person.pk])

    response = client.post(
        url,
        {
            "password1": "a new long passphrase",
            "password2": "a new long passphrase",
            "usable_password": "true",
        },
    )

    assert response.status_code == 302
    entry = history_for(person).get()
    assert entry.actor == admin_user
    person.refresh_from_db()
    assert person.password not in str(entry.changes)
    assert "password" in str(entry.changes).lower()


def test_a_role_changed_in_admin_is_logged_with_the_hash_hidden(client):
    admin_user = AdminFactory()
    person = UserFactory(name="Rosa Jones")
    client.force_login(admin_user)
    url = reverse("admin:core_user_change", args=[person.pk])
    page = client.get(url)
    data = admin_form_data(page)
    data["role"] = "staff"

    assert client.post(url, data).status_code == 302
    entry = history_for(person).get()
    assert entry.changes["role"] == ["member", "staff"]
    assert person.password not in str(entry.changes)
