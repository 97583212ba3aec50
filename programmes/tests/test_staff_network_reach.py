"""Staff run only their own networks' programmes and young advocates groups: a staff member of
another network is refused every staff page and action (403, nothing changed); the network's
own staff and admins get through."""

import pytest
from django.urls import reverse

from core.tests.factories import AdminFactory, StaffFactory
from events.models import Registration
from members.tests.factories import NetworkFactory
from programmes.models import MentorMatch, Payment, ProjectConsent
from programmes.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    network, elsewhere = NetworkFactory(), NetworkFactory()
    own, other = StaffFactory(), StaffFactory()
    network.staff.add(own)
    elsewhere.staff.add(other)
    cohort = factories.CohortFactory(programme__network=network)
    participant = factories.ApplicationFactory(cohort=cohort, status="accepted")
    session = factories.ProgrammeSessionFactory(module__cohort=cohort)
    offer = factories.PartnerOfferFactory(cohort=cohort)
    mentor = factories.MentorFactory()
    group = factories.YouthGroupFactory(network=network)
    consent = factories.ProjectConsentFactory(project__group=group, young_person__group=group)
    person = consent.young_person
    payment = factories.PaymentFactory(
        session=factories.YouthSessionFactory(project=consent.project), young_person=person
    )
    output = factories.OutputFactory(project=consent.project)
    meeting = factories.MeetingFactory(project=consent.project)
    return {
        "own": own, "other": other, "cohort": cohort, "participant": participant,
        "session": session, "offer": offer, "mentor": mentor, "group": group,
        "consent": consent, "person": person, "payment": payment, "output": output,
        "meeting": meeting,
    }  # fmt: skip


PAGES = [
    ("programmes:staff_cohort", lambda w: [w["cohort"].pk]),
    ("programmes:staff_sessions", lambda w: [w["cohort"].pk]),
    ("programmes:staff_mentoring", lambda w: [w["cohort"].pk]),
    ("programmes:staff_offers", lambda w: [w["cohort"].pk]),
    ("programmes:staff_application", lambda w: [w["participant"].pk]),
    ("programmes:staff_outcomes", lambda w: [w["cohort"].programme.slug]),
    ("programmes:staff_youth_group", lambda w: [w["group"].slug]),
    ("programmes:staff_young_person", lambda w: [w["person"].pk]),
]

ACTIONS = [
    ("programmes:staff_cohort", lambda w: [w["cohort"].pk], lambda w: {"judge": w["other"].pk}),
    ("programmes:staff_application", lambda w: [w["participant"].pk],
     lambda w: {"decision": "declined"}),
    ("programmes:staff_match", lambda w: [w["participant"].pk],
     lambda w: {"mentor": w["mentor"].pk}),
    ("programmes:staff_attendance", lambda w: [w["session"].pk],
     lambda w: {"present": [w["participant"].pk]}),
    ("programmes:staff_assign_offer", lambda w: [w["offer"].pk],
     lambda w: {"participant": w["participant"].pk}),
    ("programmes:staff_send_followups", lambda w: [w["cohort"].programme.slug], lambda w: {}),
    ("programmes:staff_consent", lambda w: [w["consent"].pk], lambda w: {"action": "withdraw"}),
    ("programmes:staff_record_owed", lambda w: [w["person"].pk],
     lambda w: {"session": w["payment"].session_id}),
    ("programmes:staff_set_credit", lambda w: [w["person"].pk, w["output"].pk],
     lambda w: {"sharing": "first_name"}),
    ("programmes:staff_mark_paid", lambda w: [w["payment"].pk],
     lambda w: {"paid_on": "2026-01-05"}),
    ("programmes:staff_publish", lambda w: [w["output"].pk], lambda w: {}),
    ("programmes:staff_log_meeting", lambda w: [w["meeting"].pk], lambda w: {}),
]  # fmt: skip


def _state(world):
    """Everything the actions above could change, to show a refusal changed nothing."""
    w = world
    w["participant"].refresh_from_db()
    w["offer"].refresh_from_db()
    w["payment"].refresh_from_db()
    w["output"].refresh_from_db()
    w["meeting"].refresh_from_db()
    return (
        w["participant"].status, w["offer"].participant_id, w["payment"].paid_on,
        w["output"].resource_id, w["meeting"].activity_id, w["cohort"].panel.count(),
        MentorMatch.objects.count(), Payment.objects.count(),
        Registration.objects.filter(checked_in_at__isnull=False).count(),
        list(ProjectConsent.objects.values_list("withdrawn_at", flat=True)),
        list(w["output"].credits.values_list("sharing", flat=True)),
    )  # fmt: skip


@pytest.mark.parametrize(("name", "args"), PAGES, ids=[p[0] for p in PAGES])
def test_another_networks_staff_are_refused_every_page(client, world, name, args):
    url = reverse(name, args=args(world))
    client.force_login(world["other"])
    refused = client.get(url)
    assert refused.status_code == 403
    assert "another network" in refused.content.decode()
    client.force_login(world["own"])
    assert client.get(url).status_code == 200
    client.force_login(AdminFactory())
    assert client.get(url).status_code == 200


@pytest.mark.parametrize(("name", "args", "data"), ACTIONS, ids=[a[0] for a in ACTIONS])
def test_another_networks_staff_are_refused_every_action_and_nothing_changes(
    client, world, name, args, data
):
    before = _state(world)
    client.force_login(world["other"])
    response = client.post(reverse(name, args=args(world)), data(world))
    assert response.status_code == 403
    assert _state(world) == before


def test_the_staff_index_lists_only_the_networks_own_programmes_and_groups(client, world):
    elsewhere = factories.CohortFactory(programme__name="Programme of another network")
    client.force_login(world["own"])
    page = client.get(reverse("programmes:staff_index")).content.decode()
    assert world["cohort"].programme.name in page and world["group"].name in page
    assert elsewhere.programme.name not in page
    client.force_login(world["other"])
    page = client.get(reverse("programmes:staff_index")).content.decode()
    assert world["cohort"].programme.name not in page and world["group"].name not in page
    client.force_login(AdminFactory())
    page = client.get(reverse("programmes:staff_index")).content.decode()
    assert world["cohort"].programme.name in page and elsewhere.programme.name in page
