"""Staff manage an organisation's contacts: invite with a set-password link that expires,
send it again, remove; each change audit-logged, bad input refused with a reason."""

import re

import pytest
from django.core import mail

from core.models import AuditEntry, User
from core.roles import Role
from core.tests.factories import JudgeFactory, StaffFactory
from members.models import Affiliation, Person
from members.tests.factories import NetworkFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(client):
    network = NetworkFactory()
    organisation = OrganisationFactory(name="Open Doors", networks=[network])
    staff = StaffFactory()
    network.staff.add(staff)
    client.force_login(staff)
    return {"organisation": organisation, "url": f"/members/{organisation.slug}/contacts/"}


def invite(client, world, email="lee@example.org", name="Lee Contact"):
    return client.post(world["url"], {"name": name, "email": email, "job_title": "Director"})


def test_inviting_creates_an_account_and_emails_a_set_password_link(client, world):
    response = invite(client, world, email="Lee@Example.org")

    assert response.status_code == 302
    user = User.objects.get(email="lee@example.org")
    assert user.role == Role.MEMBER and not user.has_usable_password()
    assert Affiliation.objects.filter(person__user=user, organisation=world["organisation"])
    (message,) = mail.outbox
    link = re.search(r"http://testserver(/accounts/reset/[^\s]+/)", message.body).group(1)
    assert "Open Doors" in message.body

    page = client.get(link, follow=True)
    assert b"new_password1" in page.content  # the link opens the choose-a-password form


def test_each_change_is_in_the_audit_log(client, world):
    invite(client, world)
    affiliation = Affiliation.objects.get()

    client.post(f"{world['url']}{affiliation.pk}/remove/")

    logged = AuditEntry.objects.filter(object_id=str(affiliation.pk))
    assert {entry.action for entry in logged} == {"create", "delete"}
    assert not Affiliation.objects.exists()
    assert User.objects.filter(email="lee@example.org").exists()  # the account stays


def test_an_existing_member_account_is_linked_not_duplicated(client, world):
    existing = User.objects.create_user(email="lee@example.org", password="x" * 12)

    invite(client, world)

    assert User.objects.filter(email="lee@example.org").count() == 1
    assert Person.objects.get(email="lee@example.org").user == existing
    assert "sign in with this email address as usual" in mail.outbox[0].body


def test_a_staff_or_judge_address_and_a_second_invitation_are_refused(client, world):
    JudgeFactory(email="judge@example.org")

    judge = invite(client, world, email="judge@example.org")
    invite(client, world)
    again = invite(client, world)

    assert judge.status_code == 400 and "signs in as judge" in judge.content.decode()
    assert again.status_code == 400 and "already a contact" in again.content.decode()
    assert Affiliation.objects.count() == 1


def test_the_link_can_be_sent_again(client, world):
    invite(client, world)
    affiliation = Affiliation.objects.get()

    client.post(f"{world['url']}{affiliation.pk}/resend/")

    assert len(mail.outbox) == 2


def test_bad_input_changes_nothing(client, world):
    response = client.post(world["url"], {"name": "", "email": "not-an-address"})

    assert response.status_code == 400
    assert not Person.objects.exists() and not mail.outbox
