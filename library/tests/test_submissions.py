"""Member contacts submit resources for their organisation; staff approve or reject them."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.models import AuditEntry
from core.tests.documents import pdf_with_text
from library.models import ExtractionStatus, Resource, ResourceStatus
from library.tests.conftest import client_for
from library.tests.factories import ResourceFactory
from members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def outcome(response):
    if response.status_code == 302 and "/login/" in response["Location"]:
        return "login"
    return response.status_code


def submission(for_organisation, **overrides):
    data = {
        "organisation": for_organisation.pk,
        "title": "Peer mentors at the prison gate",
        "kind": "evidence_review",
        "published_on": "2025-02-10",
        "summary": "What peer mentors add in the days after release.",
        "body": "## What we found\n\nPeople valued someone who had been there.",
        "licence": "CC BY 4.0",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", "login"), ("member", 200), ("judge", 403), ("staff", 200), ("admin", 200)],
)
def test_who_may_open_the_submission_form(client, people, role, expected):
    client_for(client, people, role)
    assert outcome(client.get(reverse("library:submit"))) == expected


def test_a_member_without_an_organisation_may_not_submit(client, db):
    from core.tests.factories import UserFactory

    client.force_login(UserFactory())
    assert client.get(reverse("library:submit")).status_code == 403


@pytest.mark.parametrize("role", ["anonymous", "member", "judge", "staff", "admin"])
def test_review_only_accepts_post(client, people, role):
    resource = ResourceFactory(status=ResourceStatus.SUBMITTED)
    client_for(client, people, role)
    assert client.get(reverse("library:review", args=[resource.slug])).status_code == 405


@pytest.mark.parametrize("role", ["anonymous", "member", "judge"])
def test_only_staff_can_decide(client, people, role):
    resource = ResourceFactory(status=ResourceStatus.SUBMITTED)
    client_for(client, people, role)
    response = client.post(reverse("library:review", args=[resource.slug]), {"decision": "approve"})
    assert outcome(response) == ("login" if role == "anonymous" else 403)
    resource.refresh_from_db()
    assert resource.status == ResourceStatus.SUBMITTED


def test_member_submits_for_their_organisation_and_sees_it_waiting(client, people, settings):
    settings.STAFF_NOTIFICATION_EMAIL = "office@example.org"
    client.force_login(people["member"])
    organisation = people["organisation"]
    response = client.post(
        reverse("library:submit"),
        {
            **submission(organisation),
            "upload": SimpleUploadedFile("evidence.pdf", pdf_with_text(["Mentors helped"])),
        },
    )
    resource = Resource.objects.get()
    assert response.status_code == 302 and response["Location"] == resource.get_absolute_url()
    assert resource.status == ResourceStatus.SUBMITTED
    assert resource.submitted_by == people["member"]
    assert resource.submitted_for == organisation
    assert list(resource.author_organisations.all()) == [organisation]
    assert resource.extraction_status == ExtractionStatus.DONE
    assert resource.extracted_text == "Mentors helped"
    page = client.get(resource.get_absolute_url())
    assert page.status_code == 200 and b"until staff approve it" in page.content
    assert b"Peer mentors at the prison gate" in client.get(reverse("library:submit")).content
    assert [m.to for m in mail.outbox] == [["office@example.org"]]
    # Not public yet.
    client.logout()
    assert client.get(resource.get_absolute_url()).status_code == 404


def test_a_member_cannot_submit_for_another_organisation(client, people):
    client.force_login(people["member"])
    other = OrganisationFactory(name="Someone Else")
    response = client.post(reverse("library:submit"), submission(other))
    assert response.status_code == 400
    assert "organisation" in response.context["form"].errors
    assert not Resource.objects.exists()


def test_a_member_cannot_set_the_status_or_authors(client, people):
    client.force_login(people["member"])
    stranger = OrganisationFactory(name="Not Mine")
    client.post(
        reverse("library:submit"),
        submission(people["organisation"], status="published", author_organisations=[stranger.pk]),
    )
    resource = Resource.objects.get()
    assert resource.status == ResourceStatus.SUBMITTED
    assert list(resource.author_organisations.all()) == [people["organisation"]]


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"title": ""}, "title"),
        ({"kind": ""}, "kind"),
        ({"body": "b" * 200_001}, "body"),
        ({"organisation": "999999"}, "organisation"),
    ],
)
def test_bad_submissions_change_nothing(client, people, overrides, field):
    client.force_login(people["member"])
    response = client.post(
        reverse("library:submit"), submission(people["organisation"], **overrides)
    )
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert not Resource.objects.exists()


def test_another_member_cannot_see_a_submission(client, people):
    from core.tests.factories import UserFactory
    from members.tests.factories import member_contact_for

    resource = ResourceFactory(status=ResourceStatus.SUBMITTED, submitted_by=people["member"])
    other = UserFactory()
    member_contact_for(OrganisationFactory(), other)
    client.force_login(other)
    assert client.get(resource.get_absolute_url()).status_code == 404


def _submitted(people):
    return ResourceFactory(
        title="Mentoring evidence",
        status=ResourceStatus.SUBMITTED,
        submitted_by=people["member"],
        submitted_for=people["organisation"],
    )


def test_staff_approve_which_publishes_and_emails_the_submitter(
    client, people, django_capture_on_commit_callbacks
):
    resource = _submitted(people)
    client.force_login(people["staff"])
    listing = client.get(reverse("library:submissions")).content.decode()
    assert "Mentoring evidence" in listing
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("library:review", args=[resource.slug]), {"decision": "approve"}
        )
    assert response.status_code == 302
    resource.refresh_from_db()
    assert resource.status == ResourceStatus.PUBLISHED
    assert resource.reviewed_by == people["staff"]
    assert AuditEntry.objects.filter(object_id=str(resource.pk), action="update").exists()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["mina@example.org"]
    assert "approved" in mail.outbox[0].body and resource.get_absolute_url() in mail.outbox[0].body
    client.logout()
    assert client.get(resource.get_absolute_url()).status_code == 200


def test_rejecting_needs_a_reason_which_is_emailed(
    client, people, django_capture_on_commit_callbacks
):
    resource = _submitted(people)
    client.force_login(people["staff"])
    url = reverse("library:review", args=[resource.slug])
    client.post(url, {"decision": "reject", "note": "  "})
    resource.refresh_from_db()
    assert resource.status == ResourceStatus.SUBMITTED
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"decision": "reject", "note": "Please add the sources you used."})
    resource.refresh_from_db()
    assert resource.status == ResourceStatus.REJECTED
    assert "Please add the sources you used." in mail.outbox[0].body
    client.force_login(people["member"])
    page = client.get(resource.get_absolute_url()).content.decode()
    assert "was not accepted" in page and "Please add the sources" in page


def test_a_decided_submission_cannot_be_decided_again(client, people):
    resource = ResourceFactory(status=ResourceStatus.PUBLISHED)
    client.force_login(people["staff"])
    client.post(
        reverse("library:review", args=[resource.slug]), {"decision": "reject", "note": "No"}
    )
    resource.refresh_from_db()
    assert resource.status == ResourceStatus.PUBLISHED


def test_a_bad_decision_value_changes_nothing(client, people):
    resource = _submitted(people)
    client.force_login(people["staff"])
    client.post(reverse("library:review", args=[resource.slug]), {"decision": "publish-all"})
    resource.refresh_from_db()
    assert resource.status == ResourceStatus.SUBMITTED
