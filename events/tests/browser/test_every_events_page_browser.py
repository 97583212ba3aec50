"""axe-core on every events page, as the person who would open it (visitor, member contact,
staff), at 1280 and 390 px; on the phone no page may scroll sideways. The pages walked
through by the other browser tests (registering, check-in, groups) are here too, in the
states they have with a little of everything in them."""

import pytest

from core.tests.browser_support import DESKTOP, PHONE, axe_check, log_in
from core.tests.factories import StaffFactory, UserFactory
from events.models import EventKind, Registration, RegistrationStatus, Visibility
from events.services import groups, links, tickets
from events.services.registration import Applicant, register
from events.tests.factories import (
    EventFactory,
    GroupFactory,
    InvitationFactory,
    QuestionFactory,
    RegistrationFactory,
)
from members.tests.factories import NetworkFactory, OrganisationFactory, member_contact_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _world():
    network = NetworkFactory(name="Criminal Justice Alliance")
    organisation = OrganisationFactory(name="Open Doors Housing", networks=[network])
    staff = StaffFactory(email="staff@example.org", name="Sam Staff")
    member = UserFactory(email="member@example.org", name="Amina Okafor")
    person = member_contact_for(organisation, member)
    event = EventFactory(
        title="Quarterly member forum with a rather long title to wrap on a phone",
        networks=[network],
        capacity=2,
        per_organisation_limit=1,
    )
    event.organisers.add(staff)
    QuestionFactory(event=event, text="Access needs")
    mine = register(event, Applicant("Amina Okafor", member.email, user=member,
                                     organisation=organisation))  # fmt: skip
    mine.checked_in_at = mine.created_at
    mine.save()
    waiting = RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED)
    unverified = RegistrationFactory(event=event, status=RegistrationStatus.UNVERIFIED)
    offered = RegistrationFactory(event=event, status=RegistrationStatus.OFFERED,
                                  offer_expires_at=event.starts_at)  # fmt: skip
    roundtable = EventFactory(kind=EventKind.ROUNDTABLE, title="Roundtable on remand")
    group = GroupFactory(network=network, name="Research advisory group")
    groups.add_member(staff, group, person, organisation, "Chair")
    meeting = EventFactory(group=group, visibility=Visibility.INVITATION, notes="Agreed **asks**.")
    InvitationFactory(event=meeting, name="Ruth Ade", email="ruth@example.org")
    slug = event.slug
    return {
        "visitor": [
            "/events/", "/events/?when=past", "/events/?kind=member_forum&attend=online",
            "/events/month/", f"/events/{slug}/", f"/events/{slug}/register/",
            links.registration_url(links.VERIFY, unverified),
            links.registration_url(links.CANCEL, waiting),
            links.registration_url(links.ACCEPT, offered),
            tickets.ticket_url(mine),
        ],
        member.email: [
            "/events/my/", "/events/groups/", group.get_absolute_url(), f"/events/{slug}/",
            f"/events/{slug}/colleague/", meeting.get_absolute_url(),
        ],
        staff.email: [
            "/events/staff/", "/events/staff/new/", "/events/staff/venues/new/",
            f"/events/staff/{slug}/edit/", f"/events/staff/{slug}/duplicate/",
            f"/events/staff/{slug}/questions/", f"/events/staff/{slug}/speakers/",
            f"/events/staff/{roundtable.slug}/notes/",
            f"/events/staff/{meeting.slug}/notes/", f"/events/staff/{meeting.slug}/invitations/",
            f"/events/staff/{slug}/message/", f"/events/staff/{slug}/registrations/",
            f"/events/staff/{slug}/check-in/", tickets.check_in_url(mine).split("/", 3)[3],
            f"/events/staff/{slug}/report/", f"/events/staff/{slug}/series/",
            f"/events/staff/{slug}/actions/", "/events/staff/groups/new/",
            f"/events/staff/groups/{group.slug}/members/", organisation.get_absolute_url(),
        ],
    }  # fmt: skip


def test_every_events_page_passes_axe_and_fits_a_phone(new_page, live_server):
    pages = _world()
    assert Registration.objects.filter(status=RegistrationStatus.CONFIRMED).count() == 1
    for who, paths in pages.items():
        for viewport in (DESKTOP, PHONE):
            page = new_page(viewport)
            if who != "visitor":
                log_in(page, live_server.url, who)
            for path in paths:
                path = path if path.startswith("/") else "/" + path
                response = page.goto(live_server.url + path)
                assert response.status == 200, f"{who} {path}: {response.status}"
                axe_check(page)
                if viewport == PHONE:
                    overflow = page.evaluate(
                        "() => document.documentElement.scrollWidth"
                        " - document.documentElement.clientWidth"
                    )
                    assert overflow <= 0, f"{path} scrolls sideways by {overflow}px on a phone"
