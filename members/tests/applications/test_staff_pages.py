"""The staff's list and pages of applications."""

import datetime

import pytest
from django.utils import timezone

from members.models import MembershipApplication
from members.tests.applications.support import (
    APPLY_URL,
    LIST_URL,
    ApplicationFactory,
    application_data,
)


@pytest.mark.django_db
def test_hostile_html_is_stored_as_text_and_escaped_for_staff(
    client, networks, staff, send_on_commit, mailoutbox
):
    hostile = '<script>alert("x")</script> Reform'
    data = application_data(
        networks,
        organisation_name=hostile,
        description='<img src=x onerror="alert(1)">We help.',
        contact_name="<b>Bold</b> Person",
    )
    with send_on_commit():
        client.post(APPLY_URL, data)
    application = MembershipApplication.objects.get()
    assert application.organisation_name == hostile
    # Plain-text emails carry the text as typed, not HTML-escaped.
    assert hostile in mailoutbox[0].body

    client.force_login(staff)
    for url in (LIST_URL, application.get_absolute_url()):
        html = client.get(url).content.decode()
        assert '<script>alert("x")</script>' not in html
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Reform" in html
        assert "<b>Bold</b>" not in html
    detail = client.get(application.get_absolute_url()).content.decode()
    assert '<img src=x onerror="alert(1)">' not in detail


@pytest.mark.django_db
def test_list_puts_waiting_applications_first_with_counts_and_filters(client, staff):
    old_pending = ApplicationFactory(
        organisation_name="Old Pending", submitted_at=timezone.now() - datetime.timedelta(days=9)
    )
    ApplicationFactory(organisation_name="Recent Approved", status="approved")
    ApplicationFactory(organisation_name="Recent Declined", status="declined")
    new_pending = ApplicationFactory(organisation_name="New Pending")
    client.force_login(staff)

    response = client.get(LIST_URL)
    listed = list(response.context["page"].object_list)
    assert listed[:2] == [new_pending, old_pending]
    assert response.context["counts"] == {"pending": 2, "approved": 1, "declined": 1, "all": 4}
    html = response.content.decode()
    assert "Waiting for a decision (2)" in html
    assert "2 applications waiting for a decision" in html

    response = client.get(LIST_URL, {"status": "declined"})
    assert [a.organisation_name for a in response.context["page"].object_list] == [
        "Recent Declined"
    ]
    response = client.get(LIST_URL, {"status": "nonsense"})
    assert len(response.context["page"].object_list) == 4
