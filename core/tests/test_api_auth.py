from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import RequestFactory
from django.utils import timezone
from ninja.errors import AuthenticationError, AuthorizationError

from core.api_auth import StaffTokenAuth, TokenAuth, user_for_key
from core.models import ApiToken
from core.tests.factories import AdminFactory, JudgeFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


def request_with(header: str | None):
    headers = {} if header is None else {"HTTP_AUTHORIZATION": header}
    return RequestFactory().post("/api/v1/organisations", **headers)


def test_a_valid_token_authenticates_its_user():
    user = StaffFactory()
    _token, key = ApiToken.issue(user, "CRM sync")

    assert TokenAuth()(request_with(f"Bearer {key}")) == user
    assert TokenAuth()(request_with(f"bearer   {key}  ")) == user


def test_only_the_hash_of_the_key_is_stored():
    token, key = ApiToken.issue(StaffFactory(), "CRM sync")
    token.refresh_from_db()
    assert token.key_hash == ApiToken.hash_key(key)
    assert key not in token.key_hash
    assert token.prefix == key[:8]


@pytest.mark.parametrize(
    ("header", "message"),
    [
        (None, "Authentication required"),
        ("", "Authentication required"),
        ("Token abc", "Authentication required"),
        ("Basic dXNlcjpwYXNzd29yZA==", "Authentication required"),
        ("Bearer", "not valid"),
        ("Bearer wrong-key", "not valid"),
        ("Bearer " + "k" * 10_000, "not valid"),
    ],
)
def test_missing_or_bad_tokens_are_refused(header, message):
    ApiToken.issue(StaffFactory(), "real token")
    with pytest.raises(AuthenticationError) as raised:
        TokenAuth()(request_with(header))
    assert raised.value.status_code == 401
    assert message in raised.value.message


def test_a_deactivated_users_token_stops_working():
    user = StaffFactory()
    _token, key = ApiToken.issue(user, "old laptop")
    user.is_active = False
    user.save()
    with pytest.raises(AuthenticationError):
        TokenAuth()(request_with(f"Bearer {key}"))


def test_a_deleted_token_stops_working():
    token, key = ApiToken.issue(StaffFactory(), "revoked")
    token.delete()
    assert user_for_key(key) is None


@pytest.mark.parametrize("factory", [StaffFactory, AdminFactory])
def test_staff_and_admin_tokens_may_write(factory):
    user = factory()
    _token, key = ApiToken.issue(user, "writer")
    assert StaffTokenAuth()(request_with(f"Bearer {key}")) == user


@pytest.mark.parametrize("factory", [UserFactory, JudgeFactory])
def test_member_and_judge_tokens_may_not_write(factory):
    _token, key = ApiToken.issue(factory(), "reader")
    with pytest.raises(AuthorizationError) as raised:
        StaffTokenAuth()(request_with(f"Bearer {key}"))
    assert raised.value.status_code == 403


def test_superuser_counts_as_admin():
    user = UserFactory(is_superuser=True)
    _token, key = ApiToken.issue(user, "root")
    assert StaffTokenAuth()(request_with(f"Bearer {key}")) == user


def test_last_used_is_recorded_at_most_once_a_minute(django_assert_num_queries):
    token, key = ApiToken.issue(StaffFactory(), "sync")
    assert token.last_used_at is None

    with django_assert_num_queries(2):  # look-up, then the first use is recorded
        user_for_key(key)
    token.refresh_from_db()
    first_use = token.last_used_at
    assert first_use is not None

    with django_assert_num_queries(1):  # look-up only
        user_for_key(key)
    token.refresh_from_db()
    assert token.last_used_at == first_use

    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now() - timedelta(minutes=2))
    user_for_key(key)
    token.refresh_from_db()
    assert token.last_used_at > first_use - timedelta(minutes=1)
    assert timezone.now() - token.last_used_at < timedelta(seconds=5)


def test_write_through_the_api_with_a_token_end_to_end(client):
    _token, key = ApiToken.issue(AdminFactory(), "end to end")
    response = client.post(
        "/api/v1/organisations",
        {"name": "Token Test Trust"},
        content_type="application/json",
        headers={"Authorization": f"Bearer {key}"},
    )
    assert response.status_code == 201
    assert ApiToken.objects.get().last_used_at is not None


# --- The issue_api_token command ------------------------------------------------------------


def run_command(*args):
    out, err = StringIO(), StringIO()
    call_command("issue_api_token", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_command_prints_a_working_key_once():
    user = StaffFactory(email="caseworker@example.org")

    out, err = run_command("Caseworker@Example.org", "CRM sync")

    key = out.strip()
    assert len(key) >= 40 and "\n" not in key
    token = ApiToken.objects.get()
    assert token.user == user
    assert token.name == "CRM sync"
    assert token.key_hash == ApiToken.hash_key(key)
    assert user_for_key(key) == user
    assert "cannot be shown again" in err
    assert key not in err


def test_command_warns_that_a_member_token_cannot_write():
    UserFactory(email="member@example.org")
    _out, err = run_command("member@example.org", "Website")
    assert "can read but not write" in err


def test_command_refuses_unknown_or_deactivated_users_and_blank_names():
    UserFactory(email="gone@example.org", is_active=False)
    StaffFactory(email="staff@example.org")
    with pytest.raises(CommandError, match="No user"):
        run_command("nobody@example.org", "x")
    with pytest.raises(CommandError, match="deactivated"):
        run_command("gone@example.org", "x")
    with pytest.raises(CommandError, match="name"):
        run_command("staff@example.org", "   ")
    with pytest.raises(CommandError, match="too long"):
        run_command("staff@example.org", "n" * 101)
    assert not ApiToken.objects.exists()
