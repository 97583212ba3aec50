"""Every sign-in and password page, and the reset email, carry the installation's name.

Django's auth views set `site_name` to the host's name (no sites framework here), which used
to win over the context processor: the sign-in page said "testserver", not the alliance."""

import re

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from core.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def brand(settings):
    settings.SITE_NAME = "Justice Alliance"


def title(response):
    return re.search(r"<title>(.*?)</title>", response.text, re.S).group(1)


@pytest.mark.parametrize(
    "name", ["login", "password_reset", "password_reset_done", "password_reset_complete"]
)
def test_each_auth_page_is_branded_with_the_installation(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert "Justice Alliance" in title(response)
    assert "testserver" not in response.text


def test_the_set_a_new_password_page_is_branded(client):
    person = UserFactory()
    uid = urlsafe_base64_encode(force_bytes(person.pk))
    token = default_token_generator.make_token(person)
    response = client.get(reverse("password_reset_confirm", args=[uid, token]), follow=True)
    assert "Justice Alliance" in title(response)
    assert "testserver" not in response.text


def test_the_reset_email_names_the_installation_and_links_to_the_real_host(client, settings):
    settings.ALLOWED_HOSTS = ["alliance.example.org"]
    person = UserFactory(email="rosa@example.org")
    client.post(
        reverse("password_reset"), {"email": person.email}, HTTP_HOST="alliance.example.org"
    )
    [email] = mail.outbox
    assert email.subject == "Reset your Justice Alliance password"
    assert "The Justice Alliance team" in email.body
    assert "http://alliance.example.org/accounts/reset/" in email.body
    assert "testserver" not in email.body
