"""Core's part of people's data rights: the account, tokens, sessions and the audit log."""

import pytest
from django.contrib.sessions.models import Session

from core import audit
from core.models import ApiToken, AuditEntry
from core.registries import personal_data
from core.registries.personal_data import DataSubject
from core.tests.factories import StaffFactory, UserFactory
from members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def _changed_name(actor, organisation, name):
    before = audit.snapshot(organisation)
    organisation.name = name
    organisation.save()
    return audit.record_change(actor, organisation, before)


def test_account_export_lists_account_tokens_and_changes(client):
    user = StaffFactory(email="me@example.org", name="Mo Ahmed")
    ApiToken.issue(user, "Our CRM")
    _changed_name(user, OrganisationFactory(), "Renamed")
    tables = personal_data.source("core.account").export(DataSubject.for_user(user))
    assert tables["account"][0]["email"] == "me@example.org"
    assert tables["API tokens"][0]["name"] == "Our CRM"
    assert "name" in tables["changes you made"][0]["fields changed"]


def test_erasing_an_account_anonymises_it_and_deidentifies_the_log(client):
    user = StaffFactory(email="me@example.org", name="Mo Ahmed")
    other = StaffFactory()
    client.force_login(user)
    ApiToken.issue(user, "Our CRM")
    mine = _changed_name(user, OrganisationFactory(), "Renamed by me")
    about_me = _changed_name(other, OrganisationFactory(), "Mo Ahmed Consulting")
    subject = DataSubject.for_user(user)
    source = personal_data.source("core.account")
    assert source.erase(subject) > 0
    assert source.erase(subject) == 0
    assert not ApiToken.objects.filter(user=user).exists()
    user.refresh_from_db()
    assert user.email.endswith("@erased.invalid") and user.name == ""
    assert not user.is_active and not user.has_usable_password()
    assert not Session.objects.exists()
    mine.refresh_from_db()
    assert mine.actor_label == audit.ERASED_ACTOR
    assert mine.changes["name"][1] == "Renamed by me"  # what they did stays
    about_me.refresh_from_db()
    assert about_me.changes["name"][1] == audit.ERASED_VALUE
    assert about_me.actor_label != audit.ERASED_ACTOR
    assert AuditEntry.objects.count() == 2


def test_forget_ignores_identifiers_too_short_to_be_safe():
    user = UserFactory(name="Al")
    entry = _changed_name(user, OrganisationFactory(), "Al's place")
    audit.forget(identifiers={"Al"})
    entry.refresh_from_db()
    assert entry.changes["name"][1] == "Al's place"


def test_records_a_person_authored_are_listed_through_declared_authorship():
    from library.tests.factories import ResourceFactory

    user = UserFactory()
    ResourceFactory(title="Routes home", submitted_by=user)
    rows = personal_data.source("core.account").export(DataSubject.for_user(user))[
        "records you made or decided"
    ]
    assert {
        "kind of record": "resource",
        "record": "Routes home",
        "you are its": "submitted by",
    } in rows
