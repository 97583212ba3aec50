"""The lockout counts one email address however its case and spaces are written (issue 11)."""

import pytest
from django.conf import settings
from django.contrib.auth import SESSION_KEY

from core.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"
SPELLINGS = ["Someone@example.org", "SOMEONE@example.org", " someone@example.org "]


def sign_in(client, email, password):
    return client.post("/accounts/login/", {"username": email, "password": password})


@pytest.fixture
def someone():
    return UserFactory(email="someone@example.org")


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_failures_under_the_real_address_lock_every_spelling(client, someone, spelling):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "someone@example.org", "a wrong guess")

    response = sign_in(client, spelling, PASSWORD)

    assert "Too many failed sign-in attempts" in response.text
    assert client.session.get(SESSION_KEY) is None


def test_mixed_spellings_share_one_count_of_failures(client, someone):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, SPELLINGS[attempt % len(SPELLINGS)], "a wrong guess")

    response = sign_in(client, "someone@example.org", PASSWORD)

    assert "Too many failed sign-in attempts" in response.text
    assert client.session.get(SESSION_KEY) is None


def test_a_spelling_with_spaces_and_capitals_still_signs_in(client, someone):
    response = sign_in(client, " SomeOne@Example.org ", PASSWORD)

    assert response.status_code == 302
    assert client.session.get(SESSION_KEY) == str(someone.pk)
