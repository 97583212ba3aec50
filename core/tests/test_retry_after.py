"""Every 429 says when to come back: locked-out sign-ins (rate-limited API calls are tested
with their API, e.g. glossary/tests/test_checker_api_rate_limit.py), and lockouts count per
client behind a proxy."""

from django.conf import settings

from core.tests.factories import UserFactory

LOGIN_URL = "/accounts/login/"


def test_a_locked_out_sign_in_is_a_429_that_says_when_to_try_again(client, db):
    person = UserFactory(email="lena.osei@example.org")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN_URL, {"username": person.email, "password": "a wrong guess"})

    response = client.post(LOGIN_URL, {"username": person.email, "password": "a wrong guess"})

    assert response.status_code == 429
    assert response["Retry-After"] == str(round(settings.AXES_COOLOFF_TIME * 3600))
    assert "Too many failed sign-in attempts" in response.text


def test_behind_a_proxy_a_lockout_is_per_client_not_per_proxy(client, db, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    person = UserFactory(email="lena.osei@example.org")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            LOGIN_URL,
            {"username": person.email, "password": "a wrong guess"},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR="198.51.100.7",
        )

    elsewhere = client.post(
        LOGIN_URL,
        {"username": person.email, "password": "a wrong guess"},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="198.51.100.8",
    )

    assert elsewhere.status_code == 200  # the sign-in form again, not the lockout
