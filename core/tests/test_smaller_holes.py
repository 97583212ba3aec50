"""The smaller holes of issue 11: each reproduced here, and closed."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from core.models import ApiToken
from core.tests.factories import StaffFactory, UserFactory
from core.views import RESET_PER_ADDRESS, RESET_PER_CLIENT

pytestmark = pytest.mark.django_db


# --- Pages with personal data are not stored by caches -------------------------------------


def test_pages_for_a_signed_in_person_are_sent_no_store(client):
    client.force_login(StaffFactory())

    for url in ("/", reverse("members:directory"), "/admin/"):
        response = client.get(url)
        assert "no-store" in response["Cache-Control"], url
        assert "private" in response["Cache-Control"], url


def test_api_answers_to_a_token_are_sent_no_store(client):
    _token, key = ApiToken.issue(StaffFactory(), "sync")

    response = client.get("/api/v1/organisations", headers={"Authorization": f"Bearer {key}"})

    assert "no-store" in response["Cache-Control"]


def test_visitors_public_pages_stay_cacheable(client):
    response = client.get(reverse("members:directory"))

    assert "no-store" not in response.get("Cache-Control", "")


# --- JSON, not HTML, under /api/ -----------------------------------------------------------


@pytest.mark.parametrize("path", ["/api/", "/api/v2/organisations", "/api/v1/nothing/here"])
def test_unknown_api_paths_answer_json(client, path):
    response = client.get(path)

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "no API endpoint" in response.json()["detail"]


def test_a_csrf_failure_under_the_api_answers_json():
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(UserFactory())

    response = browser.post("/api/v1/nothing", {"a": "b"})

    assert response.status_code == 403
    assert response["Content-Type"] == "application/json"
    assert "CSRF" in response.json()["detail"]


def test_a_csrf_failure_on_a_page_is_still_a_page():
    response = Client(enforce_csrf_checks=True).post(reverse("login"), {"username": "x"})

    assert response.status_code == 403
    assert response["Content-Type"].startswith("text/html")


# --- An oversized form post gets the friendly 413 page -------------------------------------


def test_an_oversized_form_post_gets_the_friendly_413_page(client):
    body = "username=" + "a" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)

    response = client.post(reverse("login"), body, content_type="application/x-www-form-urlencoded")

    assert response.status_code == 413
    assert "Too much sent at once" in response.text


def test_an_oversized_form_post_under_the_api_gets_json(client):
    body = "a=" + "a" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)

    response = client.post(
        "/api/v1/nothing", body, content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code in (404, 413)
    assert response["Content-Type"] == "application/json"


# --- Password reset is throttled per address and per client --------------------------------


def reset(client, email, address="203.0.113.5"):
    return client.post(reverse("password_reset"), {"email": email}, REMOTE_ADDR=address)


def test_password_reset_emails_to_one_address_stop_after_the_limit(client, mailoutbox):
    person = UserFactory(email="rosa@example.org")

    for attempt in range(RESET_PER_ADDRESS + 2):
        # From different clients, so only the per-address limit can apply.
        response = reset(client, person.email.upper(), address=f"198.51.100.{attempt}")
        assert response.status_code == 302  # the same answer every time: nothing revealed

    assert len(mailoutbox) == RESET_PER_ADDRESS


def test_password_reset_requests_from_one_client_are_refused_after_the_limit(client):
    for attempt in range(RESET_PER_CLIENT):
        assert reset(client, f"person{attempt}@example.org").status_code == 302

    response = reset(client, "one.more@example.org")

    assert response.status_code == 429
    assert "too many requests to reset a password" in response.text
    assert int(response["Retry-After"]) > 0


# --- check --deploy fails with the development key -----------------------------------------


def test_the_development_key_is_a_deployment_error(settings):
    from django.core.checks import run_checks

    settings.SECRET_KEY = settings.DEVELOPMENT_SECRET_KEY
    errors = [m for m in run_checks(include_deployment_checks=True) if m.id == "core.E001"]

    assert errors and errors[0].is_serious()
