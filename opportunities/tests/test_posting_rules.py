"""Bad input on the posting form gets a clear message and changes nothing."""

import pytest

from core.tests.factories import StaffFactory, UserFactory
from members.tests.factories import OrganisationFactory, member_contact_for
from opportunities.models import Kind, Opportunity, Status
from opportunities.tests.factories import form_data, in_days

pytestmark = pytest.mark.django_db
URL = "/opportunities/post/"


@pytest.fixture
def staff_client(client):
    client.force_login(StaffFactory())
    return client


def _post(client, **overrides):
    return client.post(URL, form_data(**overrides), secure=True)


def test_a_complete_listing_by_staff_goes_straight_on_the_board(staff_client):
    response = _post(staff_client)
    assert response.status_code == 302
    listing = Opportunity.objects.get()
    assert listing.status == Status.APPROVED and listing.published_at
    assert listing.slug == "resettlement-caseworker"


@pytest.mark.parametrize("missing", ["pay_min", "pay_max", "pay_period"])
def test_a_paid_role_without_its_pay_range_is_refused(staff_client, missing):
    response = _post(staff_client, **{missing: None})
    assert response.status_code == 200
    assert "pay" in response.content.decode().lower()
    assert not Opportunity.objects.exists()


def test_competitive_is_not_pay(staff_client):
    response = _post(staff_client, pay_min="competitive", pay_max="competitive")
    assert "not words such as" in response.content.decode()
    assert not Opportunity.objects.exists()


def test_a_job_is_paid_even_if_the_box_is_unticked(staff_client):
    response = _post(staff_client, kind=Kind.LIVED_EXPERIENCE, paid=None, pay_min=None)
    assert response.status_code == 200
    assert not Opportunity.objects.exists()


def test_pay_the_wrong_way_round_is_refused(staff_client):
    response = _post(staff_client, pay_min="30000", pay_max="20000")
    assert "below the bottom" in response.content.decode()
    assert not Opportunity.objects.exists()


def test_an_unpaid_volunteering_role_needs_no_pay(staff_client):
    response = _post(
        staff_client, kind=Kind.VOLUNTEERING, paid=None, pay_min=None, pay_max=None,
        pay_period=None,
    )  # fmt: skip
    assert response.status_code == 302
    listing = Opportunity.objects.get()
    assert not listing.paid and listing.pay_min is None


@pytest.mark.parametrize("missing", ["check_level", "check_reason", "spent_disclosure",
                                     "when_asked", "support_offered"])  # fmt: skip
def test_every_listing_needs_its_vetting_information(staff_client, missing):
    response = _post(staff_client, **{missing: None})
    assert response.status_code == 200
    assert not Opportunity.objects.exists()


def test_a_missing_check_level_says_how_to_fix_it(staff_client):
    response = _post(staff_client, check_level=None)
    assert "No criminal record check" in response.content.decode()


def test_a_closing_date_in_the_past_is_refused(staff_client):
    response = _post(staff_client, closes_on=in_days(-1).isoformat())
    assert "closing date has passed" in response.content.decode()
    assert not Opportunity.objects.exists()


def test_fair_chance_needs_the_scheme_named(staff_client):
    response = _post(staff_client, fair_chance="on", fair_chance_scheme="")
    assert "Ban the Box" in response.content.decode()
    assert not Opportunity.objects.exists()


def test_an_employer_is_required_and_only_one(staff_client):
    organisation = OrganisationFactory()
    assert _post(staff_client, employer_name="").status_code == 200
    assert _post(staff_client, organisation=str(organisation.pk)).status_code == 200
    assert not Opportunity.objects.exists()


def test_hostile_text_is_kept_as_text_and_never_run(staff_client, client):
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    _post(staff_client, title=f"Mentor {hostile}", description=f"Hi {hostile}",
          summary=hostile, how_to_apply=hostile)  # fmt: skip
    listing = Opportunity.objects.get()
    page = client.get(listing.get_absolute_url(), secure=True).content.decode()
    assert "<script>alert" not in page
    assert "onerror=alert" not in page.replace("onerror=alert(1)&gt;", "")
    assert "&lt;script&gt;" in page


def test_huge_text_is_refused(staff_client):
    response = _post(staff_client, title="x" * 5000)
    assert response.status_code == 200
    assert not Opportunity.objects.exists()


def test_a_member_contact_posts_only_for_their_own_organisation(client):
    mine, other = OrganisationFactory(lived_experience_led=True), OrganisationFactory()
    member = UserFactory()
    member_contact_for(mine, member)
    client.force_login(member)
    refused = _post(client, employer_name=None, organisation=str(other.pk))
    assert refused.status_code == 200 and not Opportunity.objects.exists()
    # An outside employer's name is not theirs to give either: the field is not there.
    _post(client, organisation=str(mine.pk), employer_name="Someone Else")
    listing = Opportunity.objects.get()
    assert listing.organisation == mine and listing.employer_name == ""
    assert listing.status == Status.PENDING
    assert listing.lived_experience_led  # copied from the directory


def test_a_poster_changing_an_approved_listing_sends_it_back_for_approval(client):
    organisation = OrganisationFactory()
    member = UserFactory()
    member_contact_for(organisation, member)
    client.force_login(member)
    _post(client, employer_name=None, organisation=str(organisation.pk))
    listing = Opportunity.objects.get()
    listing.status = Status.APPROVED
    listing.save()
    client.post(
        f"/opportunities/{listing.slug}/edit/",
        form_data(employer_name=None, organisation=str(organisation.pk), title="Changed"),
        secure=True,
    )
    listing.refresh_from_db()
    assert listing.title == "Changed" and listing.status == Status.PENDING
