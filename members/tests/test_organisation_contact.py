"""How to reach an organisation: general email, phone and a logo checked by content."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from core.tests.factories import UserFactory
from members.models import Organisation
from members.tests.factories import NetworkFactory, OrganisationFactory, member_contact_for
from members.tests.test_organisations import edit_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation():
    return OrganisationFactory(
        name="Open Doors Housing", networks=[NetworkFactory()], tags=["london", "wales"]
    )


@pytest.fixture
def contact_client(client, organisation):
    user = UserFactory()
    member_contact_for(organisation, user)
    client.force_login(user)
    return client


def picture(kind="PNG", size=(1200, 800), name="logo.png") -> SimpleUploadedFile:
    output = io.BytesIO()
    Image.new("RGB", size, "#225588").save(output, format=kind)
    return SimpleUploadedFile(name, output.getvalue(), content_type="image/png")


def post_edit(client, organisation, **changes):
    data = edit_form_data(organisation, **changes)
    return client.post(reverse("members:edit", args=[organisation.slug]), data)


def test_a_contact_adds_email_and_phone_and_the_profile_shows_them(contact_client, organisation):
    response = post_edit(
        contact_client, organisation, email="info@opendoors.example.org", phone="020 7946 0123"
    )
    assert response.status_code == 302
    page = contact_client.get(organisation.get_absolute_url()).content.decode()
    assert 'href="mailto:info@opendoors.example.org"' in page
    assert 'href="tel:02079460123"' in page
    assert "London, Wales" in page  # regions served, beside the contact details


def test_a_bad_phone_number_is_refused_and_nothing_changes(contact_client, organisation):
    response = post_edit(contact_client, organisation, phone="call us!")
    assert response.status_code == 200
    assert "Enter a telephone number" in response.content.decode()
    assert Organisation.objects.get(pk=organisation.pk).phone == ""


def test_a_logo_is_checked_scaled_down_and_served_as_png(contact_client, organisation, client):
    response = post_edit(contact_client, organisation, logo_upload=picture("JPEG", name="x.jpg"))
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.logo
    served = client.get(reverse("members:logo", args=[organisation.slug]))
    assert served.status_code == 200 and served["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(b"".join(served.streaming_content)))
    assert image.format == "PNG" and max(image.size) == 400
    profile = contact_client.get(organisation.get_absolute_url()).content.decode()
    assert organisation.logo_url in profile


def test_a_file_that_is_not_a_picture_is_refused_whatever_its_name(contact_client, organisation):
    fake = SimpleUploadedFile("logo.png", b"%PDF-1.4 not a picture", content_type="image/png")
    response = post_edit(contact_client, organisation, logo_upload=fake)
    assert response.status_code == 200
    assert "not a picture we accept" in response.content.decode()
    organisation.refresh_from_db()
    assert not organisation.logo


def test_a_picture_claiming_enormous_dimensions_is_refused(contact_client, organisation):
    response = post_edit(contact_client, organisation, logo_upload=picture(size=(6000, 5000)))
    assert response.status_code == 200
    assert "too large in pixels" in response.content.decode()


def test_a_logo_can_be_removed(contact_client, organisation):
    post_edit(contact_client, organisation, logo_upload=picture())
    organisation.refresh_from_db()
    post_edit(contact_client, organisation, remove_logo="on")
    organisation.refresh_from_db()
    assert not organisation.logo
    assert contact_client.get(reverse("members:logo", args=[organisation.slug])).status_code == 404


def test_a_profile_without_contact_details_says_so(client, organisation):
    page = client.get(organisation.get_absolute_url()).content.decode()
    assert "has not given contact details yet" in page


def test_demo_contact_details_are_clearly_fictional():
    from members.demo_contact import demo_contact, initials, initials_logo

    details = demo_contact(7, "open-doors-housing")
    assert details["email"].endswith(".example.org")
    assert details["website"].startswith("https://open-doors-housing.example.org")
    assert details["phone"].startswith("020 7946 0")
    assert initials("The Forward Trust") == "FT"
    assert Image.open(io.BytesIO(initials_logo("Unlock", "#1d4f91"))).format == "PNG"
