"""The public application form: what it shows, what it saves, what it refuses."""

import datetime

import pytest
from django.utils import timezone
from django.utils.html import escape

from members.models import MembershipApplication
from members.services.applications import intake
from members.tests.applications.support import (
    APPLY_URL,
    THANKS_URL,
    application_data,
    past_token,
)


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
