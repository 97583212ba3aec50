"""Membership applications: the public form, its spam guards, and staff decisions."""

import datetime

import factory
import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from core.models import AuditEntry
from core.tests.factories import AdminFactory, JudgeFactory, StaffFactory, UserFactory
from members.models import (
    Affiliation,
    Membership,
    MembershipApplication,
    MembershipStatus,
    Organisation,
    Person,
)
from members.services.applications import intake, review, screening
from members.services.applications.duplicates import find_duplicates
from members.tests.factories import (
    MembershipFactory,
    NetworkFactory,
    OrganisationFactory,
    PersonFactory,
    member_contact_for,
)
from taxonomy.models import Term

APPLY_URL = reverse("members:apply")
THANKS_URL = reverse("members:apply_thanks")
LIST_URL = reverse("members:applications")


def past_token(seconds: int = 60) -> str:
    """A genuine form token issued `seconds` ago, so the timing check lets it through."""
    return screening.make_form_token(timezone.now() - datetime.timedelta(seconds=seconds))


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MembershipApplication
        skip_postgeneration_save = True

    organisation_name = factory.Sequence(lambda n: f"Applicant Group {n}")
    org_type = "charity"
    description = "Mentoring for young adults leaving custody."
    contact_name = "Sam Okafor"
    contact_email = factory.Sequence(lambda n: f"applicant{n}@example.org.uk")
    contact_job_title = "Coordinator"
    consent_text = factory.LazyFunction(intake.consent_text)

    @factory.post_generation
    def networks(obj, create, extracted, **kwargs):
        if create:
            obj.networks.set(extracted or [NetworkFactory()])


@pytest.fixture
def networks(db):
    return [
        NetworkFactory(name="Criminal Justice Alliance", slug="cja"),
        NetworkFactory(name="Youth Justice Network", slug="yjn"),
    ]


@pytest.fixture
def staff(db):
    return StaffFactory(name="Priya Staff")


@pytest.fixture
def send_on_commit(django_capture_on_commit_callbacks):
    """Emails are queued when the transaction commits; run those callbacks in tests."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def term_ids(*slugs):
    return [term.pk for term in Term.objects.filter(slug__in=slugs)]


def application_data(networks, **overrides):
    data = {
        "organisation_name": "Second Chance Housing",
        "org_type": "charity",
        "description": "We help people leaving prison to find a safe home.",
        "website": "https://www.example.org.uk",
        "charity_number": "1234567",
        "company_number": "",
        "parts": term_ids("prisons"),
        "themes": term_ids("housing"),
        "regions": term_ids("london"),
        "lived_experience_led": "on",
        "contact_name": "Amira Khan",
        "contact_email": "amira@example.org.uk",
        "contact_job_title": "Director",
        "networks": [network.pk for network in networks],
        "consent": "on",
        "organisation_alias": "",
        "form_token": past_token(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


# --- The public form ----------------------------------------------------------------------


@pytest.mark.django_db
def test_form_shows_every_section_and_hides_the_honeypot(client, networks):
    response = client.get(APPLY_URL)
    assert response.status_code == 200
    html = response.content.decode()
    for heading in ("About your organisation", "Contact person", "Networks", "Consent"):
        assert f"<h2>{heading}</h2>" in html
    assert "<legend>Networks you want to join</legend>" in html
    assert '<div class="honeypot" aria-hidden="true">' in html
    assert 'tabindex="-1"' in html
    assert 'name="form_token"' in html
    assert escape(intake.consent_text()) in html
    assert response.headers["Cache-Control"].startswith("max-age=0")


@pytest.mark.django_db
def test_form_can_preselect_a_network(client, networks):
    response = client.get(APPLY_URL, {"network": "yjn"})
    form = response.context["form"]
    assert [n.slug for n in form.initial["networks"]] == ["yjn"]


@pytest.mark.django_db
def test_successful_application_is_saved_and_acknowledged(
    client, networks, mailoutbox, send_on_commit
):
    with send_on_commit():
        response = client.post(APPLY_URL, application_data(networks))

    assert response.status_code == 302
    assert response.url == THANKS_URL
    application = MembershipApplication.objects.get()
    assert application.organisation_name == "Second Chance Housing"
    assert application.status == MembershipApplication.Status.PENDING
    assert application.charity_number == "1234567"
    assert application.lived_experience_led is True
    assert application.by_and_for is False
    assert set(application.networks.all()) == set(networks)
    assert [t.slug for t in application.parts.all()] == ["prisons"]
    assert [t.slug for t in application.themes.all()] == ["housing"]
    assert [t.slug for t in application.regions.all()] == ["london"]
    assert application.consent_text == intake.consent_text()
    assert abs(application.consented_at - timezone.now()) < datetime.timedelta(minutes=1)

    assert len(mailoutbox) == 1
    email = mailoutbox[0]
    assert email.to == ["amira@example.org.uk"]
    assert "received your membership application" in email.subject
    assert "Criminal Justice Alliance and Youth Justice Network" in email.body
    assert "Second Chance Housing" in email.body
    assert client.get(THANKS_URL).status_code == 200


@pytest.mark.django_db
def test_staff_are_told_about_a_new_application_when_an_address_is_set(
    client, networks, mailoutbox, send_on_commit, settings
):
    settings.STAFF_NOTIFICATION_EMAIL = "office@alliance.example"
    with send_on_commit():
        client.post(APPLY_URL, application_data(networks))

    application = MembershipApplication.objects.get()
    assert [m.to for m in mailoutbox] == [["amira@example.org.uk"], ["office@alliance.example"]]
    notice = mailoutbox[1]
    assert "Second Chance Housing" in notice.subject
    assert application.get_absolute_url() in notice.body


@pytest.mark.django_db
def test_missing_required_fields_are_listed_and_nothing_is_saved(client, networks, mailoutbox):
    data = {"form_token": past_token(), "organisation_alias": ""}
    response = client.post(APPLY_URL, data)

    assert response.status_code == 200
    errors = response.context["form"].errors
    for name in (
        "organisation_name",
        "org_type",
        "description",
        "contact_name",
        "contact_email",
        "networks",
        "consent",
    ):
        assert name in errors, name
    html = response.content.decode()
    assert "There is a problem" in html
    assert "Choose at least one network to join." in html
    assert 'href="#id_networks_0"' in html
    assert MembershipApplication.objects.count() == 0
    assert mailoutbox == []


@pytest.mark.django_db
def test_consent_must_be_given(client, networks):
    response = client.post(APPLY_URL, application_data(networks, consent=None))
    assert "consent" in response.context["form"].errors
    assert MembershipApplication.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("charity_number", "12345"),
        ("charity_number", "AB123456"),
        ("company_number", "XY12345678"),
        ("contact_email", "not-an-email"),
        ("website", "javascript:alert(1)"),
        ("organisation_name", "x" * 201),
        ("description", "y" * 2001),
    ],
)
def test_invalid_answers_are_refused(client, networks, field, value):
    response = client.post(APPLY_URL, application_data(networks, **{field: value}))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert MembershipApplication.objects.count() == 0


@pytest.mark.django_db
def test_invalid_charity_number_gets_a_plain_message(client, networks):
    response = client.post(APPLY_URL, application_data(networks, charity_number="12-34"))
    assert "Enter a registered charity number" in response.content.decode()


@pytest.mark.django_db
def test_whitespace_is_trimmed_and_numbers_are_normalised(client, networks, send_on_commit):
    data = application_data(
        networks,
        organisation_name="  The   Forward\tTrust  ",
        contact_name=" Amira   Khan ",
        contact_email=" Amira@Example.org.uk ",
        charity_number=" 1 234 567-1 ",
        company_number="1234567",
    )
    with send_on_commit():
        client.post(APPLY_URL, data)
    application = MembershipApplication.objects.get()
    assert application.organisation_name == "The Forward Trust"
    assert application.contact_name == "Amira Khan"
    assert application.contact_email == "amira@example.org.uk"
    assert application.charity_number == "1234567"
    assert application.company_number == "01234567"


# --- Spam guards --------------------------------------------------------------------------


@pytest.mark.django_db
def test_filled_honeypot_is_refused_politely_and_nothing_is_saved(client, networks, mailoutbox):
    data = application_data(networks, organisation_alias="http://spam.example")
    response = client.post(APPLY_URL, data)
    assert response.status_code == 400
    assert "We could not accept this form" in response.content.decode()
    assert MembershipApplication.objects.count() == 0
    assert mailoutbox == []


@pytest.mark.django_db
def test_too_fast_submission_is_refused(client, networks, mailoutbox):
    data = application_data(networks, form_token=screening.make_form_token())
    response = client.post(APPLY_URL, data)
    assert response.status_code == 400
    assert "looked like it had been sent automatically" in response.content.decode()
    assert MembershipApplication.objects.count() == 0
    assert mailoutbox == []


@pytest.mark.django_db
@pytest.mark.parametrize("token", ["tampered", "", "not-a-token", None])
def test_tampered_or_missing_timestamp_is_refused(client, networks, token):
    if token == "tampered":
        genuine = past_token()
        token = genuine[:-1] + ("A" if genuine[-1] != "A" else "B")
    response = client.post(APPLY_URL, application_data(networks, form_token=token))
    assert response.status_code == 400
    assert MembershipApplication.objects.count() == 0


@pytest.mark.django_db
def test_token_signed_for_another_purpose_is_refused(client, networks):
    from django.core import signing

    forged = signing.dumps({"issued": 0}, salt="something-else")
    response = client.post(APPLY_URL, application_data(networks, form_token=forged))
    assert response.status_code == 400
    assert MembershipApplication.objects.count() == 0


@pytest.mark.django_db
def test_form_open_for_over_a_day_is_shown_again_with_a_fresh_token(client, networks):
    stale = past_token(seconds=25 * 60 * 60)
    response = client.post(APPLY_URL, application_data(networks, form_token=stale))
    assert response.status_code == 200
    assert "open for more than a day" in response.content.decode()
    assert MembershipApplication.objects.count() == 0
    fresh = response.context["form"].data["form_token"]
    assert fresh != stale
    assert screening.check_form_token(fresh) is screening.FormCheck.OK


@pytest.mark.django_db
def test_timing_check_boundaries():
    now = timezone.now()
    token = screening.make_form_token(now)
    assert screening.check_form_token(token, now) is screening.FormCheck.TOO_FAST
    later = now + datetime.timedelta(seconds=screening.MIN_FILL_SECONDS)
    assert screening.check_form_token(token, later) is screening.FormCheck.OK
    day_later = now + datetime.timedelta(seconds=screening.MAX_FORM_AGE_SECONDS + 1)
    assert screening.check_form_token(token, day_later) is screening.FormCheck.EXPIRED
    future = screening.make_form_token(now + datetime.timedelta(hours=1))
    assert screening.check_form_token(future, now) is screening.FormCheck.TOO_FAST


@pytest.mark.django_db
def test_rate_limit_refuses_the_sixth_post_in_an_hour(client, networks, mailoutbox):
    for _ in range(service_limit()):
        response = client.post(APPLY_URL, application_data(networks, consent=None))
        assert response.status_code == 200
    response = client.post(APPLY_URL, application_data(networks))

    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    assert "Too many attempts" in response.content.decode()
    assert MembershipApplication.objects.count() == 0
    assert mailoutbox == []


@pytest.mark.django_db
def test_rate_limit_is_per_client(client, networks, send_on_commit):
    for _ in range(service_limit()):
        client.post(APPLY_URL, application_data(networks, consent=None))
    with send_on_commit():
        response = client.post(APPLY_URL, application_data(networks), REMOTE_ADDR="192.0.2.7")
    assert response.status_code == 302
    assert MembershipApplication.objects.count() == 1


def service_limit() -> int:
    from members.views.applications import APPLY_LIMIT

    return APPLY_LIMIT


# --- Staff pages --------------------------------------------------------------------------


@pytest.mark.django_db
def test_hostile_html_is_stored_as_text_and_escaped_for_staff(
    client, networks, staff, send_on_commit, mailoutbox
):
    hostile = '<script>alert("x")</script> Reform'
    data = application_data(
        networks,
        organisation_name=hostile,
        description='<img src=x onerror="alert(1)">We help.',
        contact_name="<b>Bold</b> Person",
    )
    with send_on_commit():
        client.post(APPLY_URL, data)
    application = MembershipApplication.objects.get()
    assert application.organisation_name == hostile
    # Plain-text emails carry the text as typed, not HTML-escaped.
    assert hostile in mailoutbox[0].body

    client.force_login(staff)
    for url in (LIST_URL, application.get_absolute_url()):
        html = client.get(url).content.decode()
        assert '<script>alert("x")</script>' not in html
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Reform" in html
        assert "<b>Bold</b>" not in html
    detail = client.get(application.get_absolute_url()).content.decode()
    assert '<img src=x onerror="alert(1)">' not in detail


@pytest.mark.django_db
def test_list_puts_waiting_applications_first_with_counts_and_filters(client, staff):
    old_pending = ApplicationFactory(
        organisation_name="Old Pending", submitted_at=timezone.now() - datetime.timedelta(days=9)
    )
    ApplicationFactory(organisation_name="Recent Approved", status="approved")
    ApplicationFactory(organisation_name="Recent Declined", status="declined")
    new_pending = ApplicationFactory(organisation_name="New Pending")
    client.force_login(staff)

    response = client.get(LIST_URL)
    listed = list(response.context["page"].object_list)
    assert listed[:2] == [new_pending, old_pending]
    assert response.context["counts"] == {"pending": 2, "approved": 1, "declined": 1, "all": 4}
    html = response.content.decode()
    assert "Waiting for a decision (2)" in html
    assert "2 applications waiting for a decision" in html

    response = client.get(LIST_URL, {"status": "declined"})
    assert [a.organisation_name for a in response.context["page"].object_list] == [
        "Recent Declined"
    ]
    response = client.get(LIST_URL, {"status": "nonsense"})
    assert len(response.context["page"].object_list) == 4


# --- Duplicate check ----------------------------------------------------------------------


@pytest.mark.django_db
def test_duplicate_check_finds_a_similar_name():
    forward = OrganisationFactory(name="Forward Trust")
    OrganisationFactory(name="Women in Prison")
    application = ApplicationFactory(organisation_name="The Forward Trust")

    report = find_duplicates(application)

    assert [m.record for m in report.organisations] == [forward]
    match = report.organisations[0]
    assert match.name_score == 100
    assert not match.same_number
    assert any(reason.startswith("Similar name: 100 out of 100") for reason in match.reasons)


@pytest.mark.django_db
def test_duplicate_check_finds_the_same_charity_number_whatever_the_name():
    holder = OrganisationFactory(name="Unlock", charity_number="1079046")
    application = ApplicationFactory(
        organisation_name="Completely Different Name", charity_number="1 079 046"
    )

    report = find_duplicates(application)

    assert [m.record for m in report.organisations] == [holder]
    assert report.organisations[0].same_number
    assert report.organisations[0].reasons == ["Same charity number: 1079046"]


@pytest.mark.django_db
def test_duplicate_check_finds_the_same_company_number_first():
    OrganisationFactory(name="Nacro")
    holder = OrganisationFactory(name="Other Name Ltd", company_number="SC123456")
    application = ApplicationFactory(organisation_name="Nacro", company_number="sc123456")

    report = find_duplicates(application)

    assert report.organisations[0].record == holder
    assert report.organisations[0].reasons == ["Same company number: SC123456"]
    assert report.organisations[1].record.name == "Nacro"


@pytest.mark.django_db
def test_duplicate_check_lists_other_waiting_applications_with_similar_names():
    application = ApplicationFactory(organisation_name="The Forward Trust")
    twin = ApplicationFactory(organisation_name="Forward Trust Ltd")
    ApplicationFactory(organisation_name="Forward Trust", status="declined")
    ApplicationFactory(organisation_name="Clinks")

    report = find_duplicates(application)

    assert [m.record for m in report.applications] == [twin]
    assert report.organisations == []


@pytest.mark.django_db
def test_unrelated_names_are_not_flagged():
    OrganisationFactory(name="Howard League for Penal Reform")
    application = ApplicationFactory(organisation_name="Prison Reform Trust")
    assert not find_duplicates(application)


@pytest.mark.django_db
def test_detail_page_shows_duplicates_with_score_and_reason(client, staff):
    OrganisationFactory(name="Forward Trust", slug="forward-trust")
    application = ApplicationFactory(organisation_name="The Forward Trust")
    client.force_login(staff)

    html = client.get(application.get_absolute_url()).content.decode()

    assert "Possible duplicates" in html
    assert 'href="/members/forward-trust/"' in html
    assert "Similar name: 100 out of 100" in html
    assert "Add to the existing record for Forward Trust" in html


# --- Approving ----------------------------------------------------------------------------


def _audit_entries(model, pk):
    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id=str(pk)
    )


@pytest.mark.django_db
def test_approval_creates_organisation_membership_person_and_audit_entries(
    client, networks, staff, mailoutbox, send_on_commit
):
    application = ApplicationFactory(
        organisation_name="Second Chance Housing",
        charity_number="1234567",
        website="https://www.example.org.uk",
        contact_email="amira@example.org.uk",
        contact_name="Amira Khan",
        contact_job_title="Director",
        lived_experience_led=True,
        networks=networks,
    )
    application.themes.set(Term.objects.filter(slug="housing"))
    client.force_login(staff)

    with send_on_commit():
        response = client.post(
            application.get_absolute_url(), {"action": "approve", "target": "new"}
        )

    assert response.status_code == 302
    assert response.url == application.get_absolute_url()
    application.refresh_from_db()
    organisation = Organisation.objects.get()
    assert application.status == MembershipApplication.Status.APPROVED
    assert application.decided_by == staff
    assert application.decided_at is not None
    assert application.organisation == organisation
    assert organisation.name == "Second Chance Housing"
    assert organisation.slug == "second-chance-housing"
    assert organisation.charity_number == "1234567"
    assert organisation.lived_experience_led is True
    assert [t.slug for t in organisation.themes.all()] == ["housing"]

    today = timezone.localdate()
    memberships = Membership.objects.filter(organisation=organisation)
    assert {m.network for m in memberships} == set(networks)
    for membership in memberships:
        assert membership.status == MembershipStatus.ACTIVE
        assert membership.joined_on == today
        assert membership.renewal_due == review._one_year_after(today)

    person = Person.objects.get(email="amira@example.org.uk")
    assert person.name == "Amira Khan"
    assert person.communication_consent is True
    assert person.consent_date == application.consented_at
    assert person.consent_source == "membership application"
    affiliation = Affiliation.objects.get(person=person, organisation=organisation)
    assert affiliation.job_title == "Director"
    assert affiliation.is_main_contact is True

    assert _audit_entries(Organisation, organisation.pk).get().action == "create"
    for membership in memberships:
        assert _audit_entries(Membership, membership.pk).get().actor == staff
    decision = _audit_entries(MembershipApplication, application.pk).get()
    assert decision.changes["status"] == ["pending", "approved"]
    assert _audit_entries(Person, person.pk).exists()

    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["amira@example.org.uk"]
    assert "approved" in mailoutbox[0].subject
    assert "http://testserver" not in mailoutbox[0].body
    assert organisation.get_absolute_url() in mailoutbox[0].body

    page = client.get(response.url).content.decode()
    assert "is now a member" in page
    assert "Approve this application" not in page


@pytest.mark.django_db
def test_approval_into_an_existing_organisation_fills_gaps_without_losing_data(
    networks, staff, mailoutbox, send_on_commit
):
    cja, yjn = networks
    joined = datetime.date(2019, 4, 1)
    existing = OrganisationFactory(
        name="Forward Trust",
        slug="forward-trust",
        description="Our own description, written by us.",
        website="",
        charity_number=None,
        company_number="02822203",
        by_and_for=True,
        tags=["prisons"],
    )
    MembershipFactory(organisation=existing, network=cja, joined_on=joined)
    old_contact = PersonFactory(email="ceo@forward.example")
    Affiliation.objects.create(person=old_contact, organisation=existing, is_main_contact=True)
    returning = PersonFactory(name="Amira K", email="amira@example.org.uk")
    application = ApplicationFactory(
        organisation_name="The Forward Trust",
        description="A different description from the form.",
        website="https://www.forwardtrust.example",
        charity_number="1001701",
        company_number="09999999",
        by_and_for=False,
        contact_name="Amira Khan",
        contact_email="AMIRA@example.org.uk",
        networks=[cja, yjn],
    )
    application.themes.set(Term.objects.filter(slug="housing"))

    with send_on_commit():
        review.approve_application(application, staff, existing)

    existing.refresh_from_db()
    assert Organisation.objects.count() == 1
    assert existing.name == "Forward Trust"
    assert existing.description == "Our own description, written by us."
    assert existing.website == "https://www.forwardtrust.example"
    assert existing.charity_number == "1001701"
    assert existing.company_number == "02822203"
    assert existing.by_and_for is True
    assert {t.slug for t in existing.parts.all()} == {"prisons"}
    assert {t.slug for t in existing.themes.all()} == {"housing"}

    kept = Membership.objects.get(organisation=existing, network=cja)
    assert kept.joined_on == joined
    assert kept.renewal_due == review._one_year_after(timezone.localdate())
    added = Membership.objects.get(organisation=existing, network=yjn)
    assert added.status == MembershipStatus.ACTIVE
    assert added.joined_on == timezone.localdate()

    returning.refresh_from_db()
    assert Person.objects.filter(email="amira@example.org.uk").count() == 1
    assert returning.name == "Amira K"
    assert returning.communication_consent is True
    affiliation = Affiliation.objects.get(person=returning, organisation=existing)
    assert affiliation.is_main_contact is False

    change = _audit_entries(Organisation, existing.pk).get()
    assert change.action == "update"
    assert change.changes["website"] == ["", "https://www.forwardtrust.example"]
    assert "description" not in change.changes
    application.refresh_from_db()
    assert application.organisation == existing
    assert len(mailoutbox) == 1


@pytest.mark.django_db
def test_approval_through_the_page_can_choose_the_matching_organisation(
    client, networks, staff, send_on_commit
):
    existing = OrganisationFactory(name="Forward Trust", slug="forward-trust")
    application = ApplicationFactory(organisation_name="The Forward Trust", networks=networks)
    client.force_login(staff)

    with send_on_commit():
        response = client.post(
            application.get_absolute_url(), {"action": "approve", "target": str(existing.pk)}
        )

    assert response.status_code == 302
    assert Organisation.objects.count() == 1
    application.refresh_from_db()
    assert application.organisation == existing


@pytest.mark.django_db
def test_approval_cannot_target_an_organisation_that_does_not_match(client, networks, staff):
    unrelated = OrganisationFactory(name="Clinks")
    application = ApplicationFactory(organisation_name="The Forward Trust", networks=networks)
    client.force_login(staff)

    response = client.post(
        application.get_absolute_url(), {"action": "approve", "target": str(unrelated.pk)}
    )

    assert response.status_code == 200
    assert "target" in response.context["approval_form"].errors
    application.refresh_from_db()
    assert application.status == MembershipApplication.Status.PENDING


@pytest.mark.django_db
def test_new_record_is_refused_when_the_charity_number_is_taken(
    client, networks, staff, mailoutbox
):
    OrganisationFactory(name="Unlock", charity_number="1079046")
    application = ApplicationFactory(
        organisation_name="Unlock for People with Convictions",
        charity_number="1079046",
        networks=networks,
    )
    client.force_login(staff)

    response = client.post(application.get_absolute_url(), {"action": "approve", "target": "new"})

    assert response.status_code == 200
    assert "Unlock already has charity number 1079046" in response.content.decode()
    assert Organisation.objects.count() == 1
    assert Membership.objects.count() == 0
    application.refresh_from_db()
    assert application.status == MembershipApplication.Status.PENDING
    assert mailoutbox == []


@pytest.mark.django_db
def test_a_failed_approval_changes_nothing(networks, staff, monkeypatch):
    application = ApplicationFactory(organisation_name="Half Done", networks=networks)

    def fail(*args, **kwargs):
        raise RuntimeError("mail server on fire")

    monkeypatch.setattr(review, "_record_contact", fail)
    with pytest.raises(RuntimeError):
        review.approve_application(application, staff)

    assert Organisation.objects.count() == 0
    assert Membership.objects.count() == 0
    assert AuditEntry.objects.count() == 0
    application.refresh_from_db()
    assert application.status == MembershipApplication.Status.PENDING


# --- Declining and deciding twice ---------------------------------------------------------


@pytest.mark.django_db
def test_decline_needs_a_reason(client, networks, staff, mailoutbox):
    application = ApplicationFactory(networks=networks)
    client.force_login(staff)

    response = client.post(application.get_absolute_url(), {"action": "decline", "reason": "  "})

    assert response.status_code == 200
    assert "reason" in response.context["decline_form"].errors
    assert "Give a reason for declining" in response.content.decode()
    application.refresh_from_db()
    assert application.status == MembershipApplication.Status.PENDING
    assert mailoutbox == []
    with pytest.raises(review.ApplicationError):
        review.decline_application(application, staff, "")


@pytest.mark.django_db
def test_decline_records_the_reason_and_emails_it(
    client, networks, staff, mailoutbox, send_on_commit
):
    application = ApplicationFactory(contact_email="sam@example.org.uk", networks=networks)
    client.force_login(staff)
    reason = "Our membership is for organisations working in England and Wales."

    with send_on_commit():
        response = client.post(
            application.get_absolute_url(), {"action": "decline", "reason": reason}
        )

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == MembershipApplication.Status.DECLINED
    assert application.decision_reason == reason
    assert application.decided_by == staff
    assert Organisation.objects.count() == 0
    assert _audit_entries(MembershipApplication, application.pk).get().changes["status"] == [
        "pending",
        "declined",
    ]
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["sam@example.org.uk"]
    assert reason in mailoutbox[0].body
    page = client.get(response.url).content.decode()
    assert reason in page


@pytest.mark.django_db
def test_an_application_cannot_be_decided_twice(
    client, networks, staff, mailoutbox, send_on_commit
):
    application = ApplicationFactory(networks=networks)
    with send_on_commit():
        review.approve_application(application, staff)
    assert len(mailoutbox) == 1

    with pytest.raises(review.AlreadyDecided):
        review.approve_application(application, staff)
    with pytest.raises(review.AlreadyDecided):
        review.decline_application(application, staff, "Changed our minds")

    client.force_login(AdminFactory())
    with send_on_commit():
        response = client.post(
            application.get_absolute_url(), {"action": "decline", "reason": "Too late"}
        )
    assert response.status_code == 302
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("cannot be decided again" in m for m in messages)
    application.refresh_from_db()
    assert application.status == MembershipApplication.Status.APPROVED
    assert application.decided_by == staff
    assert Organisation.objects.count() == 1
    assert len(mailoutbox) == 1


@pytest.mark.django_db
def test_stale_page_cannot_decide_an_application_already_decided(networks, staff):
    """Two members of staff with the page open: the second decision is refused."""
    application = ApplicationFactory(networks=networks)
    stale_copy = MembershipApplication.objects.get(pk=application.pk)
    review.decline_application(application, staff, "Outside our remit")

    with pytest.raises(review.AlreadyDecided, match="already been declined"):
        review.approve_application(stale_copy, StaffFactory())
    assert Organisation.objects.count() == 0


# --- Who may see what ---------------------------------------------------------------------


def _login_as(client, role):
    if role == "anonymous":
        return None
    if role == "member contact":
        user = UserFactory()
        member_contact_for(OrganisationFactory(), user)
    else:
        user = {"judge": JudgeFactory, "staff": StaffFactory, "admin": AdminFactory}[role]()
    client.force_login(user)
    return user


ROLES = ["anonymous", "member contact", "judge", "staff", "admin"]
STAFF_ONLY = {"anonymous": 302, "member contact": 403, "judge": 403, "staff": 200, "admin": 200}


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", ["apply", "thanks", "list", "detail"])
def test_each_page_for_each_role(client, networks, role, page):
    application = ApplicationFactory(networks=networks)
    url = {
        "apply": APPLY_URL,
        "thanks": THANKS_URL,
        "list": LIST_URL,
        "detail": application.get_absolute_url(),
    }[page]
    _login_as(client, role)

    response = client.get(url)

    expected = 200 if page in {"apply", "thanks"} else STAFF_ONLY[role]
    assert response.status_code == expected
    if expected == 302:
        assert response.url.startswith(reverse("login"))


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_only_staff_can_decide(client, networks, role, send_on_commit):
    application = ApplicationFactory(networks=networks)
    _login_as(client, role)

    with send_on_commit():
        response = client.post(
            application.get_absolute_url(), {"action": "decline", "reason": "Not for us"}
        )

    application.refresh_from_db()
    if role in {"staff", "admin"}:
        assert response.status_code == 302
        assert application.status == MembershipApplication.Status.DECLINED
    else:
        assert response.status_code == STAFF_ONLY[role]
        assert application.status == MembershipApplication.Status.PENDING


@pytest.mark.django_db
def test_unknown_application_is_not_found(client, staff):
    client.force_login(staff)
    assert client.get(reverse("members:application", args=[999999])).status_code == 404
