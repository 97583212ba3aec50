"""Organisation profiles, the edit form, topic pages and the directory, through their views."""

import pytest
from django.db import connection
from django.forms.models import model_to_dict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.models import AuditEntry
from core.tests.factories import StaffFactory, UserFactory
from members.forms import OrganisationForm
from members.models import Membership, MembershipStatus, Organisation
from members.tests.factories import NetworkFactory, OrganisationFactory, member_contact_for
from taxonomy.models import Term

pytestmark = pytest.mark.django_db

HOSTILE = "<script>alert('owned')</script>"


def edit_form_data(organisation, **changes) -> dict:
    """What the edit form posts when nothing is touched, with `changes` applied."""
    data = model_to_dict(organisation, fields=OrganisationForm._meta.fields)
    for name, value in list(data.items()):
        if isinstance(value, list):
            data[name] = [term.pk for term in value]
        elif value is None:
            data[name] = ""
    data.update(changes)
    # An unticked checkbox is simply absent from a form post.
    return {name: value for name, value in data.items() if value is not False}


def snapshot(organisation) -> dict:
    organisation.refresh_from_db()
    return edit_form_data(organisation)


@pytest.fixture
def network():
    return NetworkFactory(name="Criminal Justice Network", short_name="CJN", slug="cjn")


@pytest.fixture
def organisation(network):
    return OrganisationFactory(
        name="Open Doors Housing",
        description="Finds homes for people leaving prison.",
        website="https://opendoors.example.org",
        charity_number="1098765",
        networks=[network],
        tags=["housing", "london", "probation-and-resettlement"],
    )


@pytest.fixture
def contact(organisation):
    user = UserFactory(name="Mina Member")
    member_contact_for(organisation, user)
    return user


# --- Profile -------------------------------------------------------------------------------


def test_profile_shows_the_public_details(client, organisation):
    response = client.get(organisation.get_absolute_url())

    assert response.status_code == 200
    for text in (
        "Open Doors Housing",
        "Finds homes for people leaving prison.",
        "https://opendoors.example.org",
        "1098765",
        "Housing",
        "London",
        "Probation and resettlement",
        "Criminal Justice Network",
    ):
        assert text in response.text
    assert "Demo content" not in response.text
    assert "Edit this profile" not in response.text


def test_profile_lists_every_network_the_organisation_belongs_to(client, organisation):
    youth = NetworkFactory(name="Youth Justice Network", slug="yjn")
    Membership.objects.create(organisation=organisation, network=youth)
    lapsed = NetworkFactory(name="Lapsed Network", slug="lapsed")
    Membership.objects.create(
        organisation=organisation, network=lapsed, status=MembershipStatus.LAPSED
    )

    response = client.get(organisation.get_absolute_url())

    assert "A member of 2 networks" in response.text
    assert "Criminal Justice Network" in response.text
    assert "Youth Justice Network" in response.text
    assert "Lapsed Network" not in response.text


def test_profile_flags_demo_content(client, organisation):
    Organisation.objects.filter(pk=organisation.pk).update(is_demo_content=True)

    response = client.get(organisation.get_absolute_url())

    assert "Demo content." in response.text


def test_profile_offers_editing_to_its_own_contact(client, organisation, contact):
    client.force_login(contact)

    response = client.get(organisation.get_absolute_url())

    assert reverse("members:edit", args=[organisation.slug]) in response.text


def test_hostile_text_is_escaped_on_profile_and_directory(client, network):
    organisation = OrganisationFactory(
        name=f"Evil {HOSTILE} Org", description=f"We do {HOSTILE} things.", networks=[network]
    )

    for url in (organisation.get_absolute_url(), reverse("members:directory")):
        response = client.get(url)
        assert response.status_code == 200
        assert HOSTILE not in response.text, url
        assert "&lt;script&gt;" in response.text, url


# --- Edit ----------------------------------------------------------------------------------


def test_member_contact_edits_their_own_organisation(client, organisation, contact):
    client.force_login(contact)
    url = reverse("members:edit", args=[organisation.slug])

    response = client.post(
        url, edit_form_data(organisation, description="Homes and jobs after prison."), follow=True
    )

    assert response.redirect_chain[-1][0] == organisation.get_absolute_url()
    assert "Your changes have been saved." in response.text
    organisation.refresh_from_db()
    assert organisation.description == "Homes and jobs after prison."


def test_member_contact_cannot_edit_another_organisation(client, network, contact):
    other = OrganisationFactory(name="Second Chances", networks=[network])
    url = reverse("members:edit", args=[other.slug])
    client.force_login(contact)
    before = snapshot(other)

    assert client.get(url).status_code == 403
    response = client.post(url, edit_form_data(other, name="Taken Over"))

    assert response.status_code == 403
    assert snapshot(other) == before
    assert not AuditEntry.objects.exists()


def test_staff_can_edit_members_of_their_network(client, network, organisation):
    staff = StaffFactory()
    network.staff.add(staff)
    client.force_login(staff)

    response = client.post(
        reverse("members:edit", args=[organisation.slug]),
        edit_form_data(organisation, name="Open Doors Homes"),
    )

    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.name == "Open Doors Homes"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", "This field is required."),
        ("name", "   ", "This field is required."),
        ("name", "N" * 201, "Ensure this value has at most 200 characters"),
        ("charity_number", "12AB", "Enter a registered charity number"),
        ("company_number", "12AB", "Enter a Companies House number"),
        ("website", "javascript:alert(1)", "Enter a valid URL."),
        ("org_type", "pirate", "Select a valid choice."),
    ],
    ids=[
        "empty-name",
        "blank-name",
        "long-name",
        "bad-charity-number",
        "bad-company-number",
        "javascript-website",
        "unknown-type",
    ],
)
def test_bad_input_explains_and_changes_nothing(
    client, organisation, contact, field, value, message
):
    client.force_login(contact)
    before = snapshot(organisation)

    response = client.post(
        reverse("members:edit", args=[organisation.slug]),
        edit_form_data(organisation, **{field: value}),
    )

    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert message in response.text
    assert response.context["form"].errors[field]
    assert snapshot(organisation) == before
    assert not AuditEntry.objects.exists()


@pytest.mark.parametrize("written", ["1234567", "123 4567", "1234567-1"])
def test_a_charity_number_already_in_use_is_refused(client, organisation, contact, written):
    OrganisationFactory(name="Already There", charity_number="1234567")
    client.force_login(contact)
    before = snapshot(organisation)

    response = client.post(
        reverse("members:edit", args=[organisation.slug]),
        edit_form_data(organisation, charity_number=written),
    )

    assert response.status_code == 200
    assert "Charity number already exists" in response.text
    assert snapshot(organisation) == before


# --- Topic pages ---------------------------------------------------------------------------


def test_topic_page_lists_member_organisations_tagged_with_it(client, network, organisation):
    OrganisationFactory(name="Untagged Member", networks=[network])
    OrganisationFactory(name="Tagged Non-member", tags=["housing"])

    response = client.get(Term.objects.get(slug="housing").get_absolute_url())

    assert response.status_code == 200
    assert "Open Doors Housing" in response.text
    assert "Untagged Member" not in response.text
    assert "Tagged Non-member" not in response.text
    assert "?theme=housing" in response.text


# --- Directory -----------------------------------------------------------------------------


@pytest.fixture
def directory_orgs(network):
    return {
        "both": OrganisationFactory(
            name="Homes in London", networks=[network], tags=["housing", "london"]
        ),
        "theme_only": OrganisationFactory(
            name="Homes in the North", networks=[network], tags=["housing", "north-west"]
        ),
        "region_only": OrganisationFactory(
            name="Equality London", networks=[network], tags=["racial-equality", "london"]
        ),
    }


def test_directory_filters_combine(client, directory_orgs):
    response = client.get(reverse("members:directory"), {"theme": "housing", "region": "london"})

    assert response.status_code == 200
    names = [o.name for o in response.context["result"].page]
    assert names == ["Homes in London"]
    assert "1 organisation" in response.text


def test_directory_shows_facet_counts(client, directory_orgs):
    response = client.get(reverse("members:directory"), {"theme": "housing"})

    facets = {facet.name: facet for facet in response.context["result"].facets}
    regions = {option["value"]: option["count"] for option in facets["region"].options}
    themes = {option["value"]: option["count"] for option in facets["theme"].options}
    assert regions["london"] == 1
    assert regions["north-west"] == 1
    # A facet's own counts ignore its own filter, so other themes stay reachable.
    assert themes["housing"] == 2
    assert themes["racial-equality"] == 1
    assert "2 organisations" in response.text


def test_directory_facet_links_work_without_htmx(client, directory_orgs):
    page = client.get(reverse("members:directory"))
    facets = {facet.name: facet for facet in page.context["result"].facets}
    housing = next(o for o in facets["theme"].options if o["value"] == "housing")
    assert f'href="{housing["url"]}"' in page.text.replace("&amp;", "&")

    response = client.get(reverse("members:directory") + housing["url"])

    assert response.status_code == 200
    assert "<html" in response.text
    assert [o.name for o in response.context["result"].page] == [
        "Homes in London",
        "Homes in the North",
    ]


def test_an_htmx_request_gets_only_the_results(client, directory_orgs):
    response = client.get(
        reverse("members:directory"), {"theme": "housing"}, HTTP_HX_REQUEST="true"
    )

    assert response.status_code == 200
    assert "<html" not in response.text
    assert "<header" not in response.text
    assert 'id="directory-body"' in response.text
    assert "Homes in London" in response.text
    assert "Equality London" not in response.text


VOCABULARY_OF_FIELD = {
    "themes": "theme",
    "regions": "place",
    "parts": "part",
    "populations": "population",
}


def test_directory_query_count_does_not_grow_with_page_size(client, network):
    terms = list(Term.objects.filter(slug__in=["housing", "london", "prisons", "women"]))
    organisations = Organisation.objects.bulk_create(
        Organisation(
            name=f"Member {n:03d}", slug=f"member-{n:03d}", normalised_name=f"member {n:03d}"
        )
        for n in range(150)
    )
    Membership.objects.bulk_create(
        Membership(organisation=o, network=network) for o in organisations
    )
    for field, vocabulary in VOCABULARY_OF_FIELD.items():
        through = getattr(Organisation, field).through
        through.objects.bulk_create(
            through(organisation_id=o.pk, term_id=t.pk)
            for o in organisations
            for t in terms
            if t.vocabulary == vocabulary
        )

    def queries(per_page):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse("members:directory"), {"per_page": per_page})
        assert response.status_code == 200
        assert len(response.context["result"].page) == per_page
        return len(captured.captured_queries)

    queries(10)  # warm up: sessions, content types and the like
    assert queries(10) == queries(100)
