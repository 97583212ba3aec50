"""Staff writes: organisations and memberships created, changed, deleted, checked and audited."""

import datetime

import pytest

from core.models import AuditEntry
from members.models import Membership, MembershipStatus, Organisation
from members.tests.api.support import API, post_json
from members.tests.factories import (
    MembershipFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db


def test_staff_creates_an_organisation_with_tags_and_it_is_audited(client, staff, staff_headers):
    response = post_json(
        client,
        f"{API}/organisations",
        {
            "name": "  Second   Chance  Housing ",
            "type": "social_enterprise",
            "description": "Homes and tenancy support for people leaving prison.",
            "website": "https://example.org/",
            "charity_number": "1 234 567",
            "company_number": "1234567",
            "size_band": "small",
            "lived_experience_led": True,
            "parts": ["probation-and-resettlement"],
            "themes": ["housing", "housing"],
            "regions": ["london", "south-east"],
        },
        staff_headers,
    )

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["name"] == "Second Chance Housing"
    assert body["slug"] == "second-chance-housing"
    assert body["type"] == "social_enterprise"
    assert body["charity_number"] == "1234567"
    assert body["company_number"] == "01234567"
    assert body["themes"] == ["housing"]
    assert body["regions"] == ["london", "south-east"]
    assert body["networks"] == []

    organisation = Organisation.objects.get(slug="second-chance-housing")
    assert organisation.lived_experience_led is True
    entry = AuditEntry.objects.get(object_id=str(organisation.pk))
    assert entry.action == AuditEntry.Action.CREATE
    assert entry.actor == staff
    assert entry.changes["name"] == [None, "Second Chance Housing"]
    assert entry.changes["themes"] == [None, ["Housing"]]
    # Not public until it joins a network.
    assert client.get(f"{API}/organisations/second-chance-housing").status_code == 404


def test_patch_changes_only_the_fields_sent_and_is_audited(client, network, staff, staff_headers):
    organisation = OrganisationFactory(
        name="Old Name",
        description="Keeps this.",
        tags=["prisons", "housing"],
        networks=[network],
        charity_number="123456",
    )

    response = post_json(
        client,
        f"{API}/organisations/{organisation.slug}",
        {"name": "New Name", "themes": ["criminal-records"], "by_and_for": True},
        staff_headers,
        "patch",
    )

    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["name"] == "New Name"
    assert body["slug"] == organisation.slug  # addresses stay stable
    assert body["description"] == "Keeps this."
    assert body["parts"] == ["prisons"]
    assert body["themes"] == ["criminal-records"]
    assert body["charity_number"] == "123456"
    assert body["by_and_for"] is True
    entry = AuditEntry.objects.get()
    assert entry.action == AuditEntry.Action.UPDATE
    assert entry.actor == staff
    assert set(entry.changes) == {"name", "normalised_name", "themes", "by_and_for"}


def test_patch_can_clear_optional_fields(client, network, staff_headers):
    organisation = OrganisationFactory(
        networks=[network],
        website="https://example.org",
        charity_number="123456",
        tags=["housing"],
    )
    response = post_json(
        client,
        f"{API}/organisations/{organisation.slug}",
        {"website": None, "charity_number": None, "themes": []},
        staff_headers,
        "patch",
    )
    assert response.status_code == 200, response.json()
    organisation.refresh_from_db()
    assert organisation.website == ""
    assert organisation.charity_number is None
    assert not organisation.themes.exists()


def test_an_empty_patch_changes_nothing_and_logs_nothing(client, network, staff_headers):
    organisation = OrganisationFactory(networks=[network])
    response = post_json(
        client, f"{API}/organisations/{organisation.slug}", {}, staff_headers, "patch"
    )
    assert response.status_code == 200
    assert not AuditEntry.objects.exists()


@pytest.mark.parametrize(
    ("payload", "field", "message"),
    [
        ({}, "name", "Field required"),
        ({"name": "   "}, "name", "This field is required."),
        ({"name": "x" * 201}, "name", "at most 200 characters"),
        ({"name": "Ok", "description": "y" * 2001}, "description", "at most 2000 characters"),
        ({"name": "Ok", "charity_number": "12"}, "charity_number", "registered charity number"),
        ({"name": "Ok", "company_number": "ABC"}, "company_number", "Companies House number"),
        ({"name": "Ok", "website": "javascript:alert(1)"}, "website", "valid URL"),
        ({"name": "Ok", "type": "cartel"}, "type", "Input should be"),
        ({"name": "Ok", "size_band": "giant"}, "size_band", "Input should be"),
        ({"name": "Ok", "themes": ["prisons"]}, "themes", "no theme with the slug 'prisons'"),
        ({"name": "Ok", "parts": ["atlantis"]}, "parts", "no part of the system"),
        ({"name": "Ok", "regions": "london"}, "regions", "valid list"),
        ({"name": "Ok", "lived_experience_led": "perhaps"}, "lived_experience_led", "boolean"),
        ({"name": "Ok", "slug": "chosen"}, "slug", "Extra inputs are not permitted"),
        ({"name": "Ok\x00"}, "name", "Null characters are not allowed"),
        ({"name": "Ok", "description": "a\x00b"}, "description", "Null characters"),
        ({"name": "Ok", "charity_number": "\x00"}, "charity_number", "Null characters"),
        ({"name": "Ok", "themes": ["housing\x00"]}, "themes.0", "should match pattern"),
        ({"name": "Ok", "themes": ["x" * 121]}, "themes.0", "at most 120 characters"),
    ],
)
def test_invalid_organisations_are_422_with_field_messages(
    client, staff_headers, payload, field, message
):
    response = post_json(client, f"{API}/organisations", payload, staff_headers)

    assert response.status_code == 422, response.json()
    body = response.json()
    assert body["detail"].startswith("The data sent is not valid")
    assert any(message in text for text in body["errors"][field]), body
    assert Organisation.objects.count() == 0
    assert not AuditEntry.objects.exists()


def test_all_problems_are_reported_together(client, staff_headers):
    response = post_json(
        client,
        f"{API}/organisations",
        {"name": "Ok", "charity_number": "12", "themes": ["nope"], "website": "not a url"},
        staff_headers,
    )
    assert response.status_code == 422
    assert set(response.json()["errors"]) == {"charity_number", "themes", "website"}


@pytest.mark.parametrize("number", ["1234567", "1 234 567", "1234567-1"])
def test_duplicate_charity_number_is_409(client, network, staff_headers, number):
    OrganisationFactory(name="First", charity_number="1234567", networks=[network])

    response = post_json(
        client, f"{API}/organisations", {"name": "Second", "charity_number": number}, staff_headers
    )

    assert response.status_code == 409
    body = response.json()
    assert "charity_number" in body["errors"]
    assert "already exists" in body["errors"]["charity_number"][0]
    assert not Organisation.objects.filter(name="Second").exists()


def test_patching_onto_another_organisations_company_number_is_409(client, network, staff_headers):
    OrganisationFactory(company_number="SC123456", networks=[network])
    ours = OrganisationFactory(networks=[network])
    response = post_json(
        client,
        f"{API}/organisations/{ours.slug}",
        {"company_number": "sc123456"},
        staff_headers,
        "patch",
    )
    assert response.status_code == 409
    assert "company_number" in response.json()["errors"]


def test_membership_is_created_then_updated_with_audit(client, staff, staff_headers):
    organisation = OrganisationFactory(name="New Applicant")  # no memberships yet
    url = f"{API}/organisations/{organisation.slug}/memberships/cja"

    created = post_json(
        client,
        url,
        {"status": "active", "joined_on": "2024-04-01", "renewal_due": "2025-04-01"},
        staff_headers,
        "put",
    )
    assert created.status_code == 201, created.json()
    assert created.json() == {
        "network": "cja",
        "network_name": "Criminal Justice Alliance",
        "organisation": organisation.slug,
        "status": "active",
        "joined_on": "2024-04-01",
        "renewal_due": "2025-04-01",
    }
    assert client.get(f"{API}/organisations/{organisation.slug}").status_code == 200

    updated = post_json(client, url, {"status": "lapsed"}, staff_headers, "put")
    assert updated.status_code == 200
    assert updated.json()["status"] == "lapsed"
    assert updated.json()["joined_on"] == "2024-04-01"  # unchanged fields stay
    assert client.get(f"{API}/organisations/{organisation.slug}").status_code == 404

    entries = list(AuditEntry.objects.order_by("id"))
    assert [e.action for e in entries] == [AuditEntry.Action.CREATE, AuditEntry.Action.UPDATE]
    assert all(e.actor == staff for e in entries)
    assert entries[1].changes == {"status": ["active", "lapsed"]}


def test_staff_view_of_an_organisation_lists_every_membership(client, network, staff_headers):
    organisation = OrganisationFactory(networks=[network])
    MembershipFactory(
        organisation=organisation,
        status=MembershipStatus.APPLIED,
        renewal_due=datetime.date(2026, 1, 31),
    )
    body = post_json(
        client, f"{API}/organisations/{organisation.slug}", {}, staff_headers, "patch"
    ).json()
    assert sorted(m["status"] for m in body["networks"]) == ["active", "applied"]
    assert "2026-01-31" in [m["renewal_due"] for m in body["networks"]]


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"status": "expelled"}, "status"),
        ({"joined_on": "2024-02-30"}, "joined_on"),
        ({"renewal_due": "soon"}, "renewal_due"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_invalid_memberships_are_422(client, network, staff_headers, payload, field):
    organisation = OrganisationFactory(networks=[network])
    response = post_json(
        client,
        f"{API}/organisations/{organisation.slug}/memberships/cja",
        payload,
        staff_headers,
        "put",
    )
    assert response.status_code == 422
    assert field in response.json()["errors"]
    assert Membership.objects.get().status == MembershipStatus.ACTIVE


def test_deleting_a_membership_is_audited(client, network, staff, staff_headers):
    organisation = OrganisationFactory(networks=[network])
    membership = organisation.memberships.get()

    response = client.delete(
        f"{API}/organisations/{organisation.slug}/memberships/cja", headers=staff_headers
    )

    assert response.status_code == 204
    assert not Membership.objects.exists()
    entry = AuditEntry.objects.get()
    assert entry.action == AuditEntry.Action.DELETE
    assert entry.object_id == str(membership.pk)
    assert entry.actor == staff
