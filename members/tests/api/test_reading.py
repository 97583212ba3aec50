"""Public reading: networks and member organisations, filtered, sorted, paged, in few queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from members.models import MembershipStatus
from members.tests.api.support import API
from members.tests.factories import (
    MembershipFactory,
    NetworkFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db


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
