"""The account page: change password, change email (confirmed from the new address), sign
out everywhere else, and links to the person's data that appear once those pages exist."""

import re

import pytest
from django.contrib.sessions.models import Session
from django.core import mail
from django.test import Client

from core.accounts import email_change_token
from core.models import AuditEntry, User
from core.tests.factories import UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery"


@pytest.fixture
def person(client):
    user = UserFactory(email="rosa@example.org", name="Rosa Jones")
    client.force_login(user)
    return user


def test_the_account_page_offers_each_thing_a_person_can_do(client, person):
    page = client.get("/account/").content.decode()

    assert "rosa@example.org" in page
    for link in ("/account/password/", "/account/email/", "/account/sign-out-elsewhere/"):
        assert link in page


def test_changing_email_sends_a_link_to_the_new_address_and_changes_nothing_yet(client, person):
    response = client.post(
        "/account/email/", {"new_email": "Rosa.New@example.org", "password": PASSWORD}
    )

    assert response.status_code == 302
    person.refresh_from_db()
    assert person.email == "rosa@example.org"
    to_new = next(m for m in mail.outbox if m.to == ["rosa.new@example.org"])
    assert re.search(r"http://testserver/account/email/confirm/[^/\s]+/", to_new.body)
    assert any(m.to == ["rosa@example.org"] for m in mail.outbox)


def test_a_wrong_password_or_a_taken_address_is_refused_with_a_reason(client, person):
    UserFactory(email="taken@example.org")

    wrong = client.post("/account/email/", {"new_email": "x@example.org", "password": "nope"})
    taken = client.post("/account/email/", {"new_email": "taken@example.org", "password": PASSWORD})

    assert wrong.status_code == 400 and "not your current password" in wrong.content.decode()
    assert taken.status_code == 400 and "Another account uses" in taken.content.decode()
    assert not mail.outbox


def test_opening_the_link_asks_first_and_confirming_changes_the_address_once(client, person):
    token = email_change_token(person, "rosa.new@example.org")
    url = f"/account/email/confirm/{token}/"

    assert client.get(url).status_code == 200
    person.refresh_from_db()
    assert person.email == "rosa@example.org"  # a mail scanner's GET changes nothing

    assert client.post(url).status_code == 302
    person.refresh_from_db()
    assert person.email == "rosa.new@example.org"
    assert AuditEntry.objects.filter(object_id=str(person.pk)).exists()

    again = client.post(url)
    assert again.status_code == 400 and "already been used" in again.content.decode()


def test_a_forged_link_changes_nothing(client, person):
    response = client.post("/account/email/confirm/not-a-token/")

    assert response.status_code == 400 and "not valid" in response.content.decode()
    assert User.objects.get(pk=person.pk).email == "rosa@example.org"


def test_signing_out_elsewhere_ends_other_sessions_only(client, person):
    elsewhere = Client()
    elsewhere.force_login(person)
    someone_else = Client()
    someone_else.force_login(UserFactory())

    response = client.post("/account/sign-out-elsewhere/")

    assert response.status_code == 302
    assert client.get("/account/").status_code == 200
    assert elsewhere.get("/account/").status_code == 302  # sent to sign in
    assert someone_else.get("/account/").status_code == 200
    assert Session.objects.count() == 2


def test_changing_password_keeps_this_session(client, person):
    response = client.post(
        "/account/password/",
        {"old_password": PASSWORD, "new_password1": "a new long passphrase 42",
         "new_password2": "a new long passphrase 42"},
    )  # fmt: skip

    assert response.status_code == 302
    assert client.get("/account/").status_code == 200
    person.refresh_from_db()
    assert person.check_password("a new long passphrase 42")


def test_a_member_contacts_person_record_follows_the_new_address(client, person):
    from members.models import Person
    from members.tests.factories import OrganisationFactory, member_contact_for

    member_contact_for(OrganisationFactory(), person)
    token = email_change_token(person, "rosa.new@example.org")

    client.post(f"/account/email/confirm/{token}/")

    assert Person.objects.get(user=person).email == "rosa.new@example.org"
