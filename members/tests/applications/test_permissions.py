"""Who may see which application page, and who may decide."""

import pytest
from django.urls import reverse

from core.tests.factories import AdminFactory, JudgeFactory, StaffFactory, UserFactory
from members.models import MembershipApplication
from members.tests.applications.support import (
    APPLY_URL,
    LIST_URL,
    THANKS_URL,
    ApplicationFactory,
)
from members.tests.factories import (
    OrganisationFactory,
    member_contact_for,
)


def _login_as(client, role):
    if role == "anonymous":
        return None
    if role == "member contact":
        user = UserFactory()
        member_contact_for(OrganisationFactory(), user)
    else:
        user = {"judge": JudgeFactory, "staff": StaffFactory, "admin": AdminFactory}[role]()
    client.force_login(user)
    return user


ROLES = ["anonymous", "member contact", "judge", "staff", "admin"]
STAFF_ONLY = {"anonymous": 302, "member contact": 403, "judge": 403, "staff": 200, "admin": 200}


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", ["apply", "thanks", "list", "detail"])
def test_each_page_for_each_role(client, networks, role, page):
    application = ApplicationFactory(networks=networks)
    url = {
        "apply": APPLY_URL,
        "thanks": THANKS_URL,
        "list": LIST_URL,
        "detail": application.get_absolute_url(),
    }[page]
    _login_as(client, role)

    response = client.get(url)

    expected = 200 if page in {"apply", "thanks"} else STAFF_ONLY[role]
    assert response.status_code == expected
    if expected == 302:
        assert response.url.startswith(reverse("login"))


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_only_staff_can_decide(client, networks, role, send_on_commit):
    application = ApplicationFactory(networks=networks)
    _login_as(client, role)

    with send_on_commit():
        response = client.post(
            application.get_absolute_url(), {"action": "decline", "reason": "Not for us"}
        )

    application.refresh_from_db()
    if role in {"staff", "admin"}:
        assert response.status_code == 302
        assert application.status == MembershipApplication.Status.DECLINED
    else:
        assert response.status_code == STAFF_ONLY[role]
        assert application.status == MembershipApplication.Status.PENDING


@pytest.mark.django_db
def test_unknown_application_is_not_found(client, staff):
    client.force_login(staff)
    assert client.get(reverse("members:application", args=[999999])).status_code == 404
