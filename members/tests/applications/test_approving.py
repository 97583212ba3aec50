"""Approving: a new or existing organisation, memberships, the contact, audit, all or nothing."""

import datetime

import pytest
from django.utils import timezone

from core.models import AuditEntry
from members.models import (
    Affiliation,
    Membership,
    MembershipApplication,
    MembershipStatus,
    Organisation,
    Person,
)
from members.services.applications import review
from members.tests.applications.support import ApplicationFactory, audit_entries
from members.tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
)
from taxonomy.models import Term


@pytest.mark.django_db
def test_approval_creates_organisation_membership_person_and_audit_entries(
    client, networks, staff, mailoutbox, send_on_commit
):
    application = ApplicationFactory(
        organisation_name="Second Chance Housing",
        charity_number="1234567",
        website="https://www.example.org.uk",
        contact_email="amira@example.org.uk",
        contact_name="Amira Khan",
        contact_job_title="Director",
        lived_experience_led=True,
        networks=networks,
    )
    application.themes.set(Term.objects.filter(slug="housing"))
    client.force_login(staff)

    with send_on_commit():
        response = client.post(
            application.get_absolute_url(), {"action": "approve", "target": "new"}
        )

    assert response.status_code == 302
    assert response.url == application.get_absolute_url()
    application.refresh_from_db()
    organisation = Organisation.objects.get()
    assert application.status == MembershipApplication.Status.APPROVED
    assert application.decided_by == staff
    assert application.decided_at is not None
    assert application.organisation == organisation
    assert organisation.name == "Second Chance Housing"
    assert organisation.slug == "second-chance-housing"
    assert organisation.charity_number == "1234567"
    assert organisation.lived_experience_led is True
    assert [t.slug for t in organisation.themes.all()] == ["housing"]

    today = timezone.localdate()
    memberships = Membership.objects.filter(organisation=organisation)
    assert {m.network for m in memberships} == set(networks)
    for membership in memberships:
        assert membership.status == MembershipStatus.ACTIVE
        assert membership.joined_on == today
        assert membership.renewal_due == review._one_year_after(today)

    person = Person.objects.get(email="amira@example.org.uk")
    assert person.name == "Amira Khan"
    assert person.communication_consent is True
    assert person.consent_date == application.consented_at
    assert person.consent_source == "membership application"
    affiliation = Affiliation.objects.get(person=person, organisation=organisation)
    assert affiliation.job_title == "Director"
    assert affiliation.is_main_contact is True

    assert audit_entries(Organisation, organisation.pk).get().action == "create"
    for membership in memberships:
        assert audit_entries(Membership, membership.pk).get().actor == staff
    decision = audit_entries(MembershipApplication, application.pk).get()
    assert decision.changes["status"] == ["pending", "approved"]
    assert audit_entries(Person, person.pk).exists()

    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["amira@example.org.uk"]
    assert "approved" in mailoutbox[0].subject
    assert "http://testserver" not in mailoutbox[0].body
    assert organisation.get_absolute_url() in mailoutbox[0].body

    page = client.get(response.url).content.decode()
    assert "is now a member" in page
    assert "Approve this application" not in page


@pytest.mark.django_db
def test_approval_into_an_existing_organisation_fills_gaps_without_losing_data(
    networks, staff, mailoutbox, send_on_commit
):
    cja, yjn = networks
    joined = datetime.date(2019, 4, 1)
    existing = OrganisationFactory(
        name="Forward Trust",
        slug="forward-trust",
        description="Our own description, written by us.",
        website="",
        charity_number=None,
        company_number="02822203",
        by_and_for=True,
        tags=["prisons"],
    )
    MembershipFactory(organisation=existing, network=cja, joined_on=joined)
    old_contact = PersonFactory(email="ceo@forward.example")
    Affiliation.objects.create(person=old_contact, organisation=existing, is_main_contact=True)
    returning = PersonFactory(name="Amira K", email="amira@example.org.uk")
    application = ApplicationFactory(
        organisation_name="The Forward Trust",
        description="A different description from the form.",
        website="https://www.forwardtrust.example",
        charity_number="1001701",
        company_number="09999999",
        by_and_for=False,
        contact_name="Amira Khan",
        contact_email="AMIRA@example.org.uk",
        networks=[cja, yjn],
    )
    application.themes.set(Term.objects.filter(slug="housing"))

    with send_on_commit():
        review.approve_application(application, staff, existing)

    existing.refresh_from_db()
    assert Organisation.objects.count() == 1
    assert existing.name == "Forward Trust"
    assert existing.description == "Our own description, written by us."
    assert existing.website == "https://www.forwardtrust.example"
    assert existing.charity_number == "1001701"
    assert existing.company_number == "02822203"
    assert existing.by_and_for is True
    assert {t.slug for t in existing.parts.all()} == {"prisons"}
    assert {t.slug for t in existing.themes.all()} == {"housing"}

    kept = Membership.objects.get(organisation=existing, network=cja)
    assert kept.joined_on == joined
    assert kept.renewal_due == review._one_year_after(timezone.localdate())
    added = Membership.objects.get(organisation=existing, network=yjn)
    assert added.status == MembershipStatus.ACTIVE
    assert added.joined_on == timezone.localdate()

    returning.refresh_from_db()
    assert Person.objects.filter(email="amira@example.org.uk").count() == 1
    assert returning.name == "Amira K"
    assert returning.communication_consent is True
    affiliation = Affiliation.objects.get(person=returning, organisation=existing)
    assert affiliation.is_main_contact is False

    change = audit_entries(Organisation, existing.pk).get()
    assert change.action == "update"
    assert change.changes["website"] == ["", "https://www.forwardtrust.example"]
    assert "description" not in change.changes
    application.refresh_from_db()
    assert application.organisation == existing
    assert len(mailoutbox) == 1


@pytest.mark.django_db
def test_approval_through_the_page_can_choose_the_matching_organisation(
    client, networks, staff, send_on_commit
):
    existing = OrganisationFactory(name="Forward Trust", slug="forward-trust")
    application = ApplicationFactory(organisation_name="The Forward Trust", networks=networks)
    client.force_login(staff)

    with send_on_commit():
        response = client.post(
            application.get_absolute_url(), {"action": "approve", "target": str(existing.pk)}
        )

    assert response.status_code == 302
    assert Organisation.objects.count() == 1
    application.refresh_from_db()
    assert application.organisation == existing


@pytest.mark.django_db
def test_approval_cannot_target_an_organisation_that_does_not_match(client, networks, staff):
    unrelated = OrganisationFactory(name="Clinks")
    application = ApplicationFactory(organisation_name="The Forward Trust", networks=networks)
    client.force_login(staff)

    response = client.post(
        application.get_absolute_url(), {"action": "approve", "target": str(unrelated.pk)}
    )

    assert response.status_code == 200
    assert "target" in response.context["approval_form"].errors
    application.refresh_from_db()
    assert application.status == MembershipApplication.Status.PENDING


@pytest.mark.django_db
def test_new_record_is_refused_when_the_charity_number_is_taken(
    client, networks, staff, mailoutbox
):
    OrganisationFactory(name="Unlock", charity_number="1079046")
    application = ApplicationFactory(
        organisation_name="Unlock for People with Convictions",
        charity_number="1079046",
        networks=networks,
    )
    client.force_login(staff)

    response = client.post(application.get_absolute_url(), {"action": "approve", "target": "new"})

    assert response.status_code == 200
    assert "Unlock already has charity number 1079046" in response.content.decode()
    assert Organisation.objects.count() == 1
    assert Membership.objects.count() == 0
    application.refresh_from_db()
    assert application.status == MembershipApplication.Status.PENDING
    assert mailoutbox == []


@pytest.mark.django_db
def test_a_failed_approval_changes_nothing(networks, staff, monkeypatch):
    application = ApplicationFactory(organisation_name="Half Done", networks=networks)

    def fail(*args, **kwargs):
        raise RuntimeError("mail server on fire")

    monkeypatch.setattr(review, "_record_contact", fail)
    with pytest.raises(RuntimeError):
        review.approve_application(application, staff)

    assert Organisation.objects.count() == 0
    assert Membership.objects.count() == 0
    assert AuditEntry.objects.count() == 0
    application.refresh_from_db()
    assert application.status == MembershipApplication.Status.PENDING
