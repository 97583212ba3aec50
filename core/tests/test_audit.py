"""The audit log, as people meet it: edits through the site are recorded, staff can read them."""

import pytest
from django.urls import reverse

from core.models import AuditEntry
from core.tests.factories import StaffFactory, UserFactory
from members.models import Organisation
from members.tests.factories import NetworkFactory, OrganisationFactory, member_contact_for
from members.tests.test_organisations import edit_form_data
from taxonomy.models import Term

pytestmark = pytest.mark.django_db


@pytest.fixture
def network():
    return NetworkFactory(name="Criminal Justice Network", slug="cjn")


@pytest.fixture
def organisation(network):
    return OrganisationFactory(
        name="Open Doors Housing",
        description="Finds homes for people leaving prison.",
        networks=[network],
        tags=["housing"],
    )


@pytest.fixture
def staff(network):
    user = StaffFactory(name="Sam Staff")
    network.staff.add(user)
    return user


@pytest.fixture
def contact(organisation):
    user = UserFactory(name="Mina Member")
    member_contact_for(organisation, user)
    return user


def edit(client, user, organisation, **changes):
    client.force_login(user)
    return client.post(
        reverse("members:edit", args=[organisation.slug]),
        edit_form_data(organisation, **changes),
    )


def test_an_edit_records_who_changed_what(client, contact, organisation):
    response = edit(client, contact, organisation, description="Homes and work after prison.")
    assert response.status_code == 302

    entry = AuditEntry.objects.get()
    assert entry.action == AuditEntry.Action.UPDATE
    assert entry.actor == contact
    assert entry.object_id == str(organisation.pk)
    assert entry.object_repr == "Open Doors Housing"
    assert entry.changes == {
        "description": ["Finds homes for people leaving prison.", "Homes and work after prison."]
    }


def test_only_changed_fields_are_recorded_including_tags(client, staff, organisation):
    prisons = Term.objects.get(slug="prisons")
    housing = Term.objects.get(slug="housing")

    edit(
        client,
        staff,
        organisation,
        website="https://opendoors.example.org",
        parts=[prisons.pk],
        themes=[housing.pk],
        lived_experience_led=True,
    )

    entry = AuditEntry.objects.get()
    assert entry.actor == staff
    assert entry.changes == {
        "website": ["", "https://opendoors.example.org"],
        "parts": [[], ["Prisons"]],
        "lived_experience_led": [False, True],
    }


def test_a_renamed_organisation_records_old_and_new_name(client, staff, organisation):
    edit(client, staff, organisation, name="Open Doors Homes")

    changes = AuditEntry.objects.get().changes
    assert changes["name"] == ["Open Doors Housing", "Open Doors Homes"]
    # Only name-derived fields may come along with the name.
    assert set(changes) <= {"name", "normalised_name"}


def test_saving_without_changes_records_nothing(client, contact, organisation):
    response = edit(client, contact, organisation)

    assert response.status_code == 302
    assert not AuditEntry.objects.exists()


def test_staff_see_the_change_in_the_history(client, contact, staff, organisation):
    edit(client, contact, organisation, description="Homes and work after prison.")
    client.force_login(staff)

    response = client.get(reverse("members:history", args=[organisation.slug]))

    assert response.status_code == 200
    assert "Updated Open Doors Housing" in response.text
    assert "Mina Member" in response.text
    assert "description" in response.text
    assert "Finds homes for people leaving prison." in response.text
    assert "Homes and work after prison." in response.text


def test_a_member_contact_cannot_read_the_history(client, contact, organisation):
    edit(client, contact, organisation, description="Homes and work after prison.")

    response = client.get(reverse("members:history", args=[organisation.slug]))

    assert response.status_code == 403
    assert "Homes and work after prison." not in response.text


def test_history_of_an_unknown_organisation_is_not_found(client, staff):
    client.force_login(staff)

    response = client.get(reverse("members:history", args=["no-such-organisation"]))

    assert response.status_code == 404
    assert not Organisation.objects.filter(slug="no-such-organisation").exists()


def test_file_fields_are_logged_by_their_stored_name(settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    from core.audit import snapshot
    from library.models import Resource
    from library.tests.factories import ResourceFactory

    resource = ResourceFactory()
    resource.file.save("note.txt", SimpleUploadedFile("note.txt", b"hello"), save=True)
    values = snapshot(Resource.objects.get(pk=resource.pk))
    assert values["file"].endswith("note.txt")
