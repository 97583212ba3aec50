import datetime
import json
import re

import pytest
from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.models import ApiToken, AuditEntry
from core.tests.factories import AdminFactory, JudgeFactory, StaffFactory, UserFactory
from members.models import Membership, MembershipStatus, Organisation
from members.tests.factories import (
    MembershipFactory,
    NetworkFactory,
    OrganisationFactory,
    member_contact_for,
)

pytestmark = pytest.mark.django_db

API = "/api/v1"
HOSTILE = "<script>alert('x')</script> \"quoted\" & {{ template }} ' OR 1=1; -- ☃"


def bearer(user) -> dict:
    _token, key = ApiToken.issue(user, "tests")
    return {"Authorization": f"Bearer {key}"}


def post_json(client, url, data, headers=None, method="post"):
    body = data if isinstance(data, str) else json.dumps(data)
    return getattr(client, method)(
        url, body, content_type="application/json", headers=headers or {}
    )


@pytest.fixture
def network():
    return NetworkFactory(name="Criminal Justice Alliance", slug="cja", short_name="CJA")


@pytest.fixture
def other_network():
    return NetworkFactory(name="Alliance for Youth Justice", slug="ayj", short_name="AYJ")


@pytest.fixture
def staff(network):
    user = StaffFactory()
    network.staff.add(user)
    return user


@pytest.fixture
def staff_headers(staff):
    return bearer(staff)


# --- Reading ------------------------------------------------------------------------------


def test_networks_list_counts_active_members_only(client, network, other_network):
    OrganisationFactory(networks=[network])
    OrganisationFactory(networks=[network, other_network])
    MembershipFactory(network=network, status=MembershipStatus.LAPSED)

    response = client.get(f"{API}/networks")

    assert response.status_code == 200
    by_slug = {item["slug"]: item for item in response.json()}
    assert by_slug["cja"]["active_members"] == 2
    assert by_slug["ayj"]["active_members"] == 1
    assert by_slug["cja"]["name"] == "Criminal Justice Alliance"
    assert by_slug["cja"]["organisations_url"].endswith("/api/v1/organisations?network=cja")


def test_network_detail_and_unknown_network(client, network):
    assert client.get(f"{API}/networks/cja").json()["short_name"] == "CJA"
    response = client.get(f"{API}/networks/nowhere")
    assert response.status_code == 404
    assert response.json() == {"detail": "There is no network with that slug."}


def test_organisation_list_shows_active_members_with_networks_and_tags(
    client, network, other_network
):
    member = OrganisationFactory(
        name="Women in Prison Support",
        tags=["prisons", "women-and-girls", "women", "london"],
        networks=[network],
    )
    MembershipFactory(organisation=member, network=other_network, status=MembershipStatus.LAPSED)
    OrganisationFactory(name="Applicant Only")  # no membership at all
    MembershipFactory(organisation__name="Former Member", status=MembershipStatus.LEFT)

    response = client.get(f"{API}/organisations")

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    (result,) = body["results"]
    assert result["name"] == "Women in Prison Support"
    assert result["parts"] == ["prisons"]
    assert result["themes"] == ["women-and-girls"]
    assert result["populations"] == ["women"]
    assert result["regions"] == ["london"]
    # Only the active membership is public; renewal dates are not.
    assert result["networks"] == [
        {
            "network": "cja",
            "network_name": "Criminal Justice Alliance",
            "status": "active",
            "joined_on": None,
        }
    ]
    assert result["url"].endswith(f"/members/{member.slug}/")


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ("q=housing", {"Housing First"}),
        ("q=HOUSING+first", {"Housing First"}),
        ("network=ayj", {"Youth Voice"}),
        ("part=youth-justice", {"Youth Voice"}),
        ("theme=housing", {"Housing First"}),
        ("population=women", {"Women Centre"}),
        ("region=wales", {"Youth Voice", "Women Centre"}),
        ("type=grassroots", {"Youth Voice"}),
        ("led=yes", {"Women Centre"}),
        ("led=no", {"Housing First", "Youth Voice"}),
        ("byandfor=yes", {"Youth Voice"}),
        ("region=wales&type=charity", {"Women Centre"}),
    ],
)
def test_organisation_filters_match_the_directory(client, network, other_network, params, expected):
    OrganisationFactory(
        name="Housing First",
        description="Homes for people leaving prison.",
        tags=["housing"],
        networks=[network],
    )
    OrganisationFactory(
        name="Youth Voice",
        org_type="grassroots",
        by_and_for=True,
        tags=["youth-justice", "wales"],
        networks=[other_network],
    )
    OrganisationFactory(
        name="Women Centre",
        lived_experience_led=True,
        tags=["women", "wales"],
        networks=[network],
    )

    response = client.get(f"{API}/organisations?{params}")

    assert response.status_code == 200, response.json()
    assert {item["name"] for item in response.json()["results"]} == expected


def test_organisation_sorting(client, network):
    for name in ["Beta Trust", "Alpha Project", "Gamma Network"]:
        OrganisationFactory(name=name, networks=[network])

    def names(sort):
        response = client.get(f"{API}/organisations?sort={sort}")
        return [organisation["name"] for organisation in response.json()["results"]]

    assert names("name") == ["Alpha Project", "Beta Trust", "Gamma Network"]
    assert names("-name") == ["Gamma Network", "Beta Trust", "Alpha Project"]
    assert names("recent")[0] == "Gamma Network"


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ("network=nowhere", "network"),
        ("theme=prisons", "theme"),  # a real slug, but a part of the system, not a theme
        ("region=atlantis", "region"),
        ("type=cartel", "type"),
        ("led=maybe", "led"),
        ("sort=random", "sort"),
        ("limit=0", "limit"),
        ("limit=101", "limit"),
        ("limit=ten", "limit"),
        ("offset=-1", "offset"),
        ("offset=99999999999999999999999", "offset"),
        ("q=" + "x" * 201, "q"),
        ("q=null%00byte", "q"),
    ],
)
def test_bad_filters_are_422_naming_the_field(client, network, params, field):
    response = client.get(f"{API}/organisations?{params}")

    assert response.status_code == 422
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert field in body["errors"], body
    assert body["errors"][field][0]


def test_pagination_defaults_limits_and_links(client, network):
    for n in range(30):
        OrganisationFactory(name=f"Organisation {n:02d}", networks=[network])

    first = client.get(f"{API}/organisations").json()
    assert (first["count"], first["limit"], first["offset"]) == (30, 25, 0)
    assert len(first["results"]) == 25
    assert first["previous"] is None
    assert first["next"].startswith("http://testserver/api/v1/organisations?")
    assert "offset=25" in first["next"] and "limit=25" in first["next"]

    second = client.get(first["next"]).json()
    assert [o["name"] for o in second["results"]] == [f"Organisation {n}" for n in range(25, 30)]
    assert second["next"] is None
    assert "offset=0" in second["previous"]

    page = client.get(f"{API}/organisations?limit=10&offset=10&q=organisation").json()
    assert [o["name"] for o in page["results"]][0] == "Organisation 10"
    assert "q=organisation" in page["next"]

    beyond = client.get(f"{API}/organisations?offset=500").json()
    assert beyond["results"] == [] and beyond["count"] == 30


def test_organisation_detail_and_404_for_non_members(client, network):
    member = OrganisationFactory(networks=[network], tags=["policing"])
    outsider = OrganisationFactory()
    lapsed = MembershipFactory(status=MembershipStatus.LAPSED).organisation

    response = client.get(f"{API}/organisations/{member.slug}")
    assert response.status_code == 200
    assert response.json()["parts"] == ["policing"]

    for slug in [outsider.slug, lapsed.slug, "no-such-organisation"]:
        response = client.get(f"{API}/organisations/{slug}")
        assert response.status_code == 404
        assert response.json() == {"detail": "There is no member organisation with that slug."}


def _make_members(network, other_network, count):
    for _ in range(count):
        OrganisationFactory(
            networks=[network, other_network],
            tags=["prisons", "housing", "women", "london"],
        )


def test_list_makes_the_same_number_of_queries_whatever_the_page_size(
    client, network, other_network
):
    _make_members(network, other_network, 50)

    def queries_for(url):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200
        return len(captured), response.json()

    small_count, small = queries_for(f"{API}/organisations?limit=5")
    large_count, large = queries_for(f"{API}/organisations?limit=50")
    filtered_small, _ = queries_for(f"{API}/organisations?limit=5&network=cja&theme=housing")
    filtered_large, _ = queries_for(f"{API}/organisations?limit=50&network=cja&theme=housing")

    assert len(small["results"]) == 5 and len(large["results"]) == 50
    assert small_count == large_count
    assert filtered_small == filtered_large
    assert len(large["results"][0]["networks"]) == 2


def test_network_list_query_count_is_constant(client, django_assert_max_num_queries):
    for _ in range(10):
        NetworkFactory()
    with django_assert_max_num_queries(1):
        assert len(client.get(f"{API}/networks").json()) == 10


# --- Writing: authentication and permission ------------------------------------------------


def test_writes_without_a_token_are_401(client, network):
    organisation = OrganisationFactory(networks=[network])
    attempts = [
        post_json(client, f"{API}/organisations", {"name": "New"}),
        post_json(client, f"{API}/organisations/{organisation.slug}", {}, method="patch"),
        post_json(
            client, f"{API}/organisations/{organisation.slug}/memberships/cja", {}, method="put"
        ),
        client.delete(f"{API}/organisations/{organisation.slug}/memberships/cja"),
    ]
    for response in attempts:
        assert response.status_code == 401
        assert response.json()["detail"].startswith("Authentication required")
        assert response["WWW-Authenticate"].startswith("Bearer")
    assert Organisation.objects.count() == 1


@pytest.mark.parametrize(
    "header",
    ["Bearer not-a-real-key", "Bearer ", "Token abc", "Basic dXNlcjpwYXNz", "Bearer " + "x" * 5000],
)
def test_writes_with_a_bad_token_are_401(client, header):
    response = post_json(client, f"{API}/organisations", {"name": "New"}, {"Authorization": header})
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert Organisation.objects.count() == 0


def test_deactivated_users_token_is_401(client):
    user = StaffFactory()
    headers = bearer(user)
    user.is_active = False
    user.save()
    response = post_json(client, f"{API}/organisations", {"name": "New"}, headers)
    assert response.status_code == 401


@pytest.mark.parametrize("factory", [UserFactory, JudgeFactory])
def test_member_and_judge_tokens_cannot_write(client, network, factory):
    user = factory()
    organisation = OrganisationFactory(networks=[network])
    member_contact_for(organisation, user)  # even their own organisation
    headers = bearer(user)

    create = post_json(client, f"{API}/organisations", {"name": "New"}, headers)
    patch = post_json(
        client, f"{API}/organisations/{organisation.slug}", {"name": "Renamed"}, headers, "patch"
    )
    membership = post_json(
        client, f"{API}/organisations/{organisation.slug}/memberships/cja", {}, headers, "put"
    )

    for response in (create, patch, membership):
        assert response.status_code == 403
        assert response.json() == {"detail": "Only staff and admin tokens may change data."}
    organisation.refresh_from_db()
    assert organisation.name != "Renamed"
    assert not AuditEntry.objects.exists()


def test_staff_cannot_change_organisations_outside_their_networks(
    client, staff_headers, other_network
):
    elsewhere = OrganisationFactory(networks=[other_network])

    patch = post_json(
        client,
        f"{API}/organisations/{elsewhere.slug}",
        {"name": "Taken over"},
        staff_headers,
        "patch",
    )
    membership = post_json(
        client, f"{API}/organisations/{elsewhere.slug}/memberships/cja", {}, staff_headers, "put"
    )

    assert patch.status_code == 403
    assert patch.json()["detail"] == "You can only change organisations in the networks you staff."
    assert membership.status_code == 403
    assert not Membership.objects.filter(organisation=elsewhere, network__slug="cja").exists()


def test_staff_cannot_add_members_to_a_network_they_do_not_staff(
    client, staff_headers, network, other_network
):
    ours = OrganisationFactory(networks=[network])
    response = post_json(
        client, f"{API}/organisations/{ours.slug}/memberships/ayj", {}, staff_headers, "put"
    )
    assert response.status_code == 403
    assert response.json()["detail"] == "You can only change memberships of the networks you staff."


def test_admin_may_change_any_organisation(client, other_network):
    elsewhere = OrganisationFactory(networks=[other_network])
    response = post_json(
        client,
        f"{API}/organisations/{elsewhere.slug}",
        {"name": "Renamed by admin"},
        bearer(AdminFactory()),
        "patch",
    )
    assert response.status_code == 200
    assert response.json()["name"] == "Renamed by admin"


def test_writes_to_missing_records_are_404(client, staff_headers, network):
    ours = OrganisationFactory(networks=[network])
    missing_org = post_json(client, f"{API}/organisations/ghost", {}, staff_headers, "patch")
    missing_network = post_json(
        client, f"{API}/organisations/{ours.slug}/memberships/ghost", {}, staff_headers, "put"
    )
    no_membership = client.delete(
        f"{API}/organisations/{ours.slug}/memberships/ayj", headers=staff_headers
    )
    assert missing_org.status_code == 404
    assert missing_org.json() == {"detail": "There is no organisation with that slug."}
    assert missing_network.status_code == 404
    assert missing_network.json() == {"detail": "There is no network with that slug."}
    assert no_membership.status_code == 404


# --- Writing: behaviour, validation, audit -------------------------------------------------


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


# --- Errors are always JSON ----------------------------------------------------------------


@pytest.mark.parametrize("body", ["{not json", '{"name": "Unclosed', "\xff\xfe", "null"])
def test_malformed_json_is_400_json(client, staff_headers, body):
    response = post_json(client, f"{API}/organisations", body, staff_headers)
    assert response.status_code in (400, 422)
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]


def test_unparseable_json_is_400(client, staff_headers):
    response = post_json(client, f"{API}/organisations", "{not json", staff_headers)
    assert response.status_code == 400
    assert response.json() == {"detail": "Cannot parse request body"}


def test_a_json_list_instead_of_an_object_is_422(client, staff_headers):
    response = post_json(client, f"{API}/organisations", ["name"], staff_headers)
    assert response.status_code == 422
    assert response.json()["errors"]


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("get", "/api/v1/nothing-here", 404),
        ("get", "/api/v1/organisations/", 404),
        ("get", "/api/v1/organisations/not a slug", 404),
        ("delete", "/api/v1/networks", 405),
        ("post", "/api/v1/taxonomy", 405),
    ],
)
def test_unknown_paths_and_methods_answer_in_json(client, method, path, status):
    response = getattr(client, method)(path)
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]


def test_api_root_describes_the_api(client):
    body = client.get("/api/v1/").json()
    assert body["openapi"] == "http://testserver/api/v1/openapi.json"
    assert body["docs"] == "http://testserver/api/v1/docs"


def test_writes_need_no_csrf_token(network, staff_headers):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = post_json(strict, f"{API}/organisations", {"name": "Csrf Free"}, staff_headers)
    assert response.status_code == 201


def test_hostile_strings_are_stored_and_returned_as_plain_json(client, network, staff_headers):
    created = post_json(
        client,
        f"{API}/organisations",
        {"name": HOSTILE, "description": HOSTILE + "\n</script><img src=x onerror=alert(1)>"},
        staff_headers,
    )
    assert created.status_code == 201, created.json()
    slug = created.json()["slug"]
    post_json(client, f"{API}/organisations/{slug}/memberships/cja", {}, staff_headers, "put")

    response = client.get(f"{API}/organisations?q=script")

    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["X-Content-Type-Options"] == "nosniff"
    (result,) = response.json()["results"]
    assert result["name"] == HOSTILE
    assert result["description"].endswith("</script><img src=x onerror=alert(1)>")
    assert Organisation.objects.get(slug=slug).name == HOSTILE
    assert re.fullmatch(r"[a-z0-9-]+", slug)


# --- OpenAPI and documentation -------------------------------------------------------------


def test_openapi_document_lists_every_endpoint(client):
    response = client.get("/api/v1/openapi.json")

    assert response.status_code == 200
    document = json.loads(response.content)
    assert document["info"]["title"] == "Groundswell API"
    paths = document["paths"]
    assert set(paths["/api/v1/organisations"]) == {"get", "post"}
    assert set(paths["/api/v1/organisations/{slug}"]) == {"get", "patch"}
    assert set(paths["/api/v1/organisations/{slug}/memberships/{network_slug}"]) == {
        "put",
        "delete",
    }
    assert "get" in paths["/api/v1/networks"]
    assert "get" in paths["/api/v1/networks/{slug}"]
    assert "get" in paths["/api/v1/taxonomy"]
    assert "get" in paths["/api/v1/taxonomy/{slug}"]
    assert document["components"]["securitySchemes"]["StaffTokenAuth"]["scheme"] == "bearer"
    filters = {p["name"] for p in paths["/api/v1/organisations"]["get"]["parameters"]}
    assert filters >= {
        "q",
        "network",
        "part",
        "theme",
        "population",
        "region",
        "type",
        "led",
        "byandfor",
        "sort",
        "limit",
        "offset",
    }


def test_docs_page_uses_only_local_static_files(client):
    response = client.get("/api/v1/docs")

    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui-bundle.js" in html
    assert "/static/ninja/" in html
    assert not re.search(r"https?://", html)
    for asset in re.findall(r'(?:src|href)="/static/([^"]+)"', html):
        assert finders.find(asset), asset


def test_an_oversized_body_is_413_json(client, staff_headers):
    payload = {"name": "Big", "description": "x" * (3 * 1024 * 1024)}
    response = post_json(client, f"{API}/organisations", payload, staff_headers)
    assert response.status_code == 413
    assert response.json() == {"detail": "The request body is too large."}
    assert not Organisation.objects.exists()
