"""Declining with a reason, and no application decided twice."""

import pytest

from core.tests.factories import AdminFactory, StaffFactory
from members.models import (
    MembershipApplication,
    Organisation,
)
from members.services.applications import review
from members.tests.applications.support import ApplicationFactory, audit_entries


@pytest.mark.django_db
def test_decline_needs_a_reason(client, networks, staff, mailoutbox):
    application = ApplicationFactory(networks=networks)
    client.force_login(staff)

    response = client.post(application.get_absolute_url(), {"action": "decline", "reason": "  "})

    assert response.status_code == 200
    assert "reason" in response.context["decline_form"].errors
    assert "Give a reason for declining" in response.content.decode()
    application.refresh_from_db()
    assert application.status == MembershipApplication.Status.PENDING
    assert mailoutbox == []
    with pytest.raises(review.ApplicationError):
        review.decline_application(application, staff, "")


@pytest.mark.django_db
def test_decline_records_the_reason_and_emails_it(
    client, networks, staff, mailoutbox, send_on_commit
):
    application = ApplicationFactory(contact_email="sam@example.org.uk", networks=networks)
    client.force_login(staff)
    reason = "Our membership is for organisations working in England and Wales."

    with send_on_commit():
        response = client.post(
            application.get_absolute_url(), {"action": "decline", "reason": reason}
        )

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == MembershipApplication.Status.DECLINED
    assert application.decision_reason == reason
    assert application.decided_by == staff
    assert Organisation.objects.count() == 0
    assert audit_entries(MembershipApplication, application.pk).get().changes["status"] == [
        "pending",
        "declined",
    ]
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["sam@example.org.uk"]
    assert reason in mailoutbox[0].body
    page = client.get(response.url).content.decode()
    assert reason in page


@pytest.mark.django_db
def test_an_application_cannot_be_decided_twice(
    client, networks, staff, mailoutbox, send_on_commit
):
    application = ApplicationFactory(networks=networks)
    with send_on_commit():
        review.approve_application(application, staff)
    assert len(mailoutbox) == 1

    with pytest.raises(review.AlreadyDecided):
        review.approve_application(application, staff)
    with pytest.raises(review.AlreadyDecided):
        review.decline_application(application, staff, "Changed our minds")

    client.force_login(AdminFactory())
    with send_on_commit():
        response = client.post(
            application.get_absolute_url(), {"action": "decline", "reason": "Too late"}
        )
    assert response.status_code == 302
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("cannot be decided again" in m for m in messages)
    application.refresh_from_db()
    assert application.status == MembershipApplication.Status.APPROVED
    assert application.decided_by == staff
    assert Organisation.objects.count() == 1
    assert len(mailoutbox) == 1


@pytest.mark.django_db
def test_stale_page_cannot_decide_an_application_already_decided(networks, staff):
    """Two members of staff with the page open: the second decision is refused."""
    application = ApplicationFactory(networks=networks)
    stale_copy = MembershipApplication.objects.get(pk=application.pk)
    review.decline_application(application, staff, "Outside our remit")

    with pytest.raises(review.AlreadyDecided, match="already been declined"):
        review.approve_application(stale_copy, StaffFactory())
    assert Organisation.objects.count() == 0
