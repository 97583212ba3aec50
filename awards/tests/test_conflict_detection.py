"""Conflicts detected from the shared records beyond the panel's own: a published library
resource the nominee wrote with the judge's organisation or with the judge, a signed-in
nominator affiliated with the judge's organisation, and a nomination ruled eligible after the
panel was formed."""

import pytest

from awards.models import Conflict, NominationStatus
from awards.services import panels, screening
from awards.tests.factories import CategoryFactory, NominationFactory, PanelMemberFactory
from core.tests.factories import StaffFactory, UserFactory
from library.models import ResourceStatus
from library.tests.factories import ResourceFactory
from members.tests.factories import OrganisationFactory, member_contact_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def seat():
    judges_organisation = OrganisationFactory(name="Howard Street Trust")
    return PanelMemberFactory(category=CategoryFactory(), organisation=judges_organisation)


def _nominee(category, **fields):
    organisation = OrganisationFactory(name="Open Doors")
    return NominationFactory(
        category=category, nominee_kind="member", organisation=organisation,
        nominee_name=organisation.name, **fields,
    )  # fmt: skip


def test_a_resource_written_with_the_judges_organisation_is_a_conflict(seat):
    nomination = _nominee(seat.category)
    report = ResourceFactory(title="Housing first, out of prison")
    report.author_organisations.add(nomination.organisation)
    report.co_produced_with.add(seat.organisation)
    assert panels.detect_conflicts(seat.category) == 1
    conflict = Conflict.objects.get()
    assert conflict.nomination == nomination and conflict.recused
    assert "Howard Street Trust" in conflict.reason
    assert "“Housing first, out of prison”" in conflict.reason


def test_a_resource_the_judge_wrote_with_the_nominee_is_a_conflict(seat):
    nomination = _nominee(seat.category)
    seat.organisation = None
    seat.save()
    person = member_contact_for(OrganisationFactory(), seat.judge)
    report = ResourceFactory(title="Voices from the wing")
    report.co_produced_with.add(nomination.organisation)
    report.author_people.add(person)
    panels.detect_conflicts(seat.category)
    assert "The judge is an author of “Voices from the wing”" in Conflict.objects.get().reason


def test_unpublished_or_unrelated_resources_are_no_conflict(seat):
    nomination = _nominee(seat.category)
    draft = ResourceFactory(status=ResourceStatus.DRAFT)
    draft.author_organisations.add(nomination.organisation, seat.organisation)
    other = ResourceFactory()
    other.author_organisations.add(nomination.organisation, OrganisationFactory())
    assert panels.detect_conflicts(seat.category) == 0


def test_a_signed_in_nominator_from_the_judges_organisation_is_a_conflict(seat):
    colleague = UserFactory(name="Sam Colleague")
    member_contact_for(seat.organisation, colleague)
    nomination = NominationFactory(
        category=seat.category, nominator__user=colleague, nominator__name="Sam Colleague",
        nominator__organisation_name="",
    )  # fmt: skip
    assert panels.detect_conflicts(seat.category) == 1
    conflict = Conflict.objects.get(nomination=nomination)
    # Without the nominator's name, which blind judging keeps from the judge.
    assert conflict.reason == "Someone at Howard Street Trust nominated it."


def test_a_nomination_ruled_eligible_later_is_checked_against_the_panel(seat):
    nomination = NominationFactory(
        category=seat.category, status=NominationStatus.RECEIVED,
        nominee_name="Howard Street Trust",
    )  # fmt: skip
    # Detection ran when the judge joined; this nomination arrived afterwards.
    Conflict.objects.all().delete()
    screening.screen(StaffFactory(), nomination, eligible=True, reason="")
    assert Conflict.objects.get().nomination == nomination
