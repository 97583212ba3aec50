"""The "My input" page lists every submitted contribution of the person's organisations, whether or
not anyone asked to hear back by email: it used to leave out those that had not, so a member
saw their organisation's evidence on its profile but not on their own page."""

import pytest
from django.test import Client
from django.urls import reverse

from consultations.models import Contribution
from consultations.tests.factories import ContributionFactory
from core.tests.factories import UserFactory
from members.tests.factories import OrganisationFactory, member_contact_for

pytestmark = pytest.mark.django_db


def test_my_input_lists_contributions_whatever_their_feedback_choice():
    organisation = OrganisationFactory(name="Open Doors Housing")
    member = UserFactory()
    member_contact_for(organisation, member)
    ContributionFactory(
        organisation=organisation, consultation__title="Sentencing review", wants_feedback=False
    )
    ContributionFactory(
        organisation=organisation, consultation__title="Remand of children", wants_feedback=True
    )
    ContributionFactory(
        organisation=organisation,
        consultation__title="Unsent draft",
        status=Contribution.Status.DRAFT,
        submitted_at=None,
    )
    ContributionFactory(consultation__title="Someone else's evidence")

    client = Client()
    client.force_login(member)
    page = client.get(reverse("consultations:my_input")).content.decode()
    assert "Sentencing review" in page
    assert "Remand of children" in page
    assert "Unsent draft" not in page
    assert "Someone else" not in page
