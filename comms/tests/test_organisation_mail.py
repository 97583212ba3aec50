"""A member organisation's contacts say whether it gets the member update and who receives
it; bad input changes nothing; other organisations' people cannot."""

import pytest

from comms.models import OrganisationPreference
from comms.services import audiences
from comms.tests.factories import MailingListFactory
from core.tests.factories import UserFactory
from members.models import Affiliation
from members.tests.factories import (
    NetworkFactory,
    OrganisationFactory,
    PersonFactory,
    member_contact_for,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    network = NetworkFactory()
    organisation = OrganisationFactory(networks=[network])
    update = MailingListFactory(to_member_organisations=True)
    update.networks.add(network)
    user = UserFactory()
    me = member_contact_for(organisation, user)
    colleague = PersonFactory(email="colleague@example.org")
    Affiliation.objects.create(person=colleague, organisation=organisation, is_main_contact=True)
    return organisation, update, user, me, colleague


def _url(organisation):
    return f"/email/organisations/{organisation.slug}/"


def _affiliation(organisation, person):
    return Affiliation.objects.get(organisation=organisation, person=person)


def test_a_contact_chooses_who_receives_the_update(client, setting):
    organisation, update, user, me, colleague = setting
    client.force_login(user)
    page = client.get(_url(organisation))
    assert page.status_code == 200 and update.name in page.content.decode()

    mine = _affiliation(organisation, me)
    response = client.post(
        _url(organisation), {f"receives_{update.pk}": "on", "contacts": [mine.pk]}
    )
    assert response.status_code == 302
    assert [email for email, _ in audiences.recipients(update)] == [me.email.lower()]


def test_an_organisation_can_say_no(client, setting):
    organisation, update, user, me, _ = setting
    client.force_login(user)
    client.post(_url(organisation), {"contacts": [_affiliation(organisation, me).pk]})
    assert OrganisationPreference.objects.get(organisation=organisation).receives is False
    assert list(audiences.recipients(update)) == []


@pytest.mark.parametrize(
    "data",
    [
        {"contacts": ["999999"]},
        {"contacts": ["not-a-number"]},
        {"receives_UPDATE": "on"},  # receives it, but nobody ticked
    ],
)
def test_bad_input_is_refused_and_changes_nothing(client, setting, data):
    organisation, update, user, _, colleague = setting
    other = Affiliation.objects.create(
        person=PersonFactory(email="elsewhere@example.org"), organisation=OrganisationFactory()
    )
    if data.get("contacts") == ["999999"]:
        data = {"contacts": [other.pk]}  # someone from another organisation
    data = {k.replace("UPDATE", str(update.pk)): v for k, v in data.items()}
    client.force_login(user)
    response = client.post(_url(organisation), data)
    assert response.status_code == 400
    assert not OrganisationPreference.objects.exists()
    assert _affiliation(organisation, colleague).is_main_contact
    assert not Affiliation.objects.get(pk=other.pk).is_main_contact


def test_someone_from_another_organisation_is_refused(client, setting):
    organisation, update, _, _, colleague = setting
    outsider = UserFactory()
    member_contact_for(OrganisationFactory(), outsider)
    client.force_login(outsider)
    assert client.get(_url(organisation)).status_code == 403
    assert client.post(_url(organisation), {"contacts": []}).status_code == 403
    assert _affiliation(organisation, colleague).is_main_contact
