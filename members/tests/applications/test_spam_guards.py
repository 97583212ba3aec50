"""The public form's spam guards: honeypot, timing token and rate limit."""

import datetime

import pytest
from django.utils import timezone

from members.models import MembershipApplication
from members.services.applications import screening
from members.tests.applications.support import (
    APPLY_URL,
    application_data,
    past_token,
)


@pytest.mark.django_db
def test_filled_honeypot_is_refused_politely_and_nothing_is_saved(client, networks, mailoutbox):
    data = application_data(networks, organisation_alias="http://spam.example")
    response = client.post(APPLY_URL, data)
    assert response.status_code == 400
    assert "We could not accept this form" in response.content.decode()
    assert MembershipApplication.objects.count() == 0
    assert mailoutbox == []


@pytest.mark.django_db
def test_too_fast_submission_is_held_back_with_every_answer_kept(client, networks, mailoutbox):
    sent = screening.make_form_token()
    data = application_data(networks, form_token=sent)
    response = client.post(APPLY_URL, data)
    assert response.status_code == 200
    assert "sent within seconds of opening" in response.content.decode()
    assert MembershipApplication.objects.count() == 0
    assert mailoutbox == []
    kept = response.context["form"].data
    assert kept["organisation_name"] == data["organisation_name"]
    assert kept["contact_email"] == data["contact_email"]
    # The fresh token holds the next send back only as long as a first one: three seconds.
    fresh = kept["form_token"]
    later = timezone.now() + datetime.timedelta(seconds=screening.MIN_FILL_SECONDS)
    assert screening.check_form_token(fresh, later) is screening.FormCheck.OK


@pytest.mark.django_db
@pytest.mark.parametrize("token", ["tampered", "", "not-a-token", None])
def test_tampered_or_missing_timestamp_is_held_back(client, networks, token):
    if token == "tampered":
        genuine = past_token()
        token = genuine[:-1] + ("A" if genuine[-1] != "A" else "B")
    response = client.post(APPLY_URL, application_data(networks, form_token=token))
    assert response.status_code == 200
    assert "This copy of the form is out of date" in response.content.decode()
    assert MembershipApplication.objects.count() == 0


@pytest.mark.django_db
def test_token_signed_for_another_purpose_is_held_back(client, networks):
    from django.core import signing

    forged = signing.dumps({"issued": 0}, salt="something-else")
    response = client.post(APPLY_URL, application_data(networks, form_token=forged))
    assert "This copy of the form is out of date" in response.content.decode()
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
