"""Staff run the awards of the networks they staff: another network's schemes, cycles,
categories, nominations, panels, conflicts and files are not found for them (as for a record
that does not exist), and they cannot put a scheme in, or a cycle under, another network's."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from awards.models import Conflict, Scheme, SupportingFile
from awards.tests.factories import (
    CategoryFactory,
    NominationFactory,
    PanelMemberFactory,
    SchemeFactory,
)
from core.tests.factories import AdminFactory, StaffFactory
from members.tests.factories import NetworkFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def theirs():
    category = CategoryFactory(cycle__scheme=SchemeFactory(network=NetworkFactory()))
    seat = PanelMemberFactory(category=category)
    nomination = NominationFactory(category=category)
    conflict = Conflict.objects.create(panel_member=seat, nomination=nomination,
                                       source="declared", reason="A trustee.")  # fmt: skip
    supporting = SupportingFile.objects.create(
        nominator=nomination.nominators.get(), filename="letter.pdf", kind="pdf",
        file=SimpleUploadedFile("letter.pdf", b"%PDF-1.4 a letter"),
    )  # fmt: skip
    cycle = category.cycle
    return {
        "get": [
            reverse("awards:staff_scheme_edit", args=[cycle.scheme.pk]),
            reverse("awards:staff_cycle", args=[cycle.pk]),
            reverse("awards:staff_cycle_edit", args=[cycle.pk]),
            reverse("awards:staff_category_new", args=[cycle.pk]),
            reverse("awards:staff_category_edit", args=[cycle.pk, category.pk]),
            reverse("awards:staff_nominations", args=[category.pk]),
            reverse("awards:staff_nominations_csv", args=[category.pk]),
            reverse("awards:staff_panel", args=[category.pk]),
            reverse("awards:staff_ranking", args=[category.pk]),
            reverse("awards:staff_nomination", args=[nomination.pk]),
            reverse("awards:staff_file", args=[supporting.pk]),
        ],
        "post": [
            reverse("awards:staff_screen", args=[nomination.pk]),
            reverse("awards:staff_decide", args=[nomination.pk]),
            reverse("awards:staff_withdraw", args=[nomination.pk]),
            reverse("awards:staff_remove_judge", args=[seat.pk]),
            reverse("awards:staff_override", args=[conflict.pk]),
            reverse("awards:staff_close_panel", args=[category.pk]),
            reverse("awards:staff_detect", args=[category.pk]),
        ],
        "cycle": cycle,
    }


def test_another_networks_awards_are_not_found_for_staff(client, theirs):
    staff = StaffFactory()
    staff.staffed_networks.add(NetworkFactory())
    client.force_login(staff)
    for url in theirs["get"]:
        assert client.get(url).status_code == 404, url
    for url in theirs["post"]:
        assert client.post(url, {"reason": "x", "recused": "0"}).status_code == 404, url
    assert str(theirs["cycle"]) not in client.get(reverse("awards:staff_index")).content.decode()
    assert Conflict.objects.get().recused


def test_staff_of_that_network_and_admins_reach_them(client, theirs):
    staff = StaffFactory()
    staff.staffed_networks.add(theirs["cycle"].scheme.network)
    for user in (staff, AdminFactory()):
        client.force_login(user)
        for url in theirs["get"]:
            assert client.get(url).status_code == 200, url


def test_staff_cannot_file_a_scheme_or_cycle_under_another_network(client, theirs):
    ours = NetworkFactory()
    staff = StaffFactory()
    staff.staffed_networks.add(ours)
    client.force_login(staff)
    data = {
        "name": "Their awards",
        "slug": "their-awards",
        "network": theirs["cycle"].scheme.network.pk,
    }
    assert client.post(reverse("awards:staff_scheme_new"), data).status_code == 400
    assert (
        client.post(reverse("awards:staff_scheme_new"), {**data, "network": ""}).status_code == 400
    )
    assert (
        client.post(reverse("awards:staff_scheme_new"), {**data, "network": ours.pk}).status_code
        == 302
    )
    assert Scheme.objects.get(slug="their-awards").network == ours
    cycle = {"scheme": theirs["cycle"].scheme.pk, "year": 2031, "slug": "their-2031",
             "nominations_open": "2031-03-01", "nominations_close": "2031-05-31"}  # fmt: skip
    assert client.post(reverse("awards:staff_cycle_new"), cycle).status_code == 400
