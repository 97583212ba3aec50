"""Signing in and out, lockout, password reset, and the security settings around them."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.urls import reverse

from core.models import User
from core.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"
LOGIN_URL = "/accounts/login/"
BASE_DIR = Path(__file__).resolve().parents[2]


@pytest.fixture
def person():
    return UserFactory(email="rosa.jones@example.org", name="Rosa Jones")


def sign_in(client, email, password):
    return client.post(LOGIN_URL, {"username": email, "password": password})


def signed_in_user_id(client):
    return client.session.get(SESSION_KEY)


def test_signing_in_with_email_ignores_its_case(client, person):
    response = sign_in(client, "Rosa.Jones@EXAMPLE.org", PASSWORD)

    assert response.status_code == 302
    assert response["Location"] == reverse(settings.LOGIN_REDIRECT_URL)
    assert signed_in_user_id(client) == str(person.pk)


def test_a_wrong_password_explains_and_does_not_sign_in(client, person):
    response = sign_in(client, person.email, "not the password")

    assert response.status_code == 200
    assert "That email address and password do not match an account." in response.text
    assert signed_in_user_id(client) is None


def test_signing_out_is_a_post_and_ends_the_session(client, person):
    client.force_login(person)

    assert client.get(reverse("logout")).status_code == 405
    assert signed_in_user_id(client) == str(person.pk)

    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert signed_in_user_id(client) is None


def test_repeated_failures_lock_the_account_even_with_the_right_password(client, person):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, person.email, "a wrong guess")

    response = sign_in(client, person.email, PASSWORD)

    assert response.status_code in (403, 429)
    assert "Too many failed sign-in attempts" in response.text
    assert signed_in_user_id(client) is None


def test_failures_below_the_limit_do_not_lock(client, person):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, person.email, "a wrong guess")

    response = sign_in(client, person.email, PASSWORD)

    assert response.status_code == 302
    assert signed_in_user_id(client) == str(person.pk)


def test_password_reset_emails_a_link_that_sets_a_new_password(client, person, mailoutbox):
    response = client.post(reverse("password_reset"), {"email": "ROSA.JONES@example.org"})
    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_done")

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [person.email]
    link = re.search(r"https?://[^/\s]+(/accounts/reset/\S+/)", message.body).group(1)

    # Django swaps the token in the link for a session-held one before showing the form.
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    assert "Choose a new password" in form_page.text
    set_password_url = form_page.redirect_chain[-1][0]
    response = client.post(
        set_password_url,
        {"new_password1": "a brand new passphrase", "new_password2": "a brand new passphrase"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_complete")

    person.refresh_from_db()
    assert person.check_password("a brand new passphrase")
    assert not person.check_password(PASSWORD)
    # The link works once only.
    assert "This link has expired" in client.get(link, follow=True).text


def test_password_reset_for_an_unknown_email_reveals_nothing(client, person, mailoutbox):
    known = client.post(reverse("password_reset"), {"email": person.email})
    mailoutbox.clear()
    unknown = client.post(reverse("password_reset"), {"email": "nobody@example.org"})

    assert unknown.status_code == known.status_code == 302
    assert unknown["Location"] == known["Location"]
    assert mailoutbox == []
    assert not User.objects.filter(email="nobody@example.org").exists()


def test_argon2_hashes_passwords_outside_the_test_suite():
    env = {k: v for k, v in os.environ.items() if k not in {"TESTING", "DEBUG"}}
    env["DJANGO_SETTINGS_MODULE"] = "groundswell.settings"
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.PASSWORD_HASHERS[0])",
        ],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_the_session_cookie_is_http_only_and_same_site_lax(client, person):
    response = sign_in(client, person.email, PASSWORD)

    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


def test_pages_send_security_headers(client):
    response = client.get(reverse("home"))

    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
