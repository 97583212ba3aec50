"""In Django admin, staff see and change only their own networks' programmes, cohorts,
modules, mentors, partners' offers, young advocates groups and safeguarding leads, and may
pick only their own networks, programmes and cohorts: a staff member of another
network cannot make themselves a safeguarding lead there. The home page's count of
applications to decide counts only their own networks' applications."""

import pytest
from django.urls import reverse

from core.registries import home
from core.tests.factories import AdminFactory, StaffFactory
from members.tests.factories import NetworkFactory
from programmes.models import Module, SafeguardingLead
from programmes.tests.factories import (
    ApplicationFactory,
    CohortFactory,
    MentorFactory,
    ModuleFactory,
    PartnerOfferFactory,
    YouthGroupFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    group = YouthGroupFactory()
    elsewhere = NetworkFactory()
    outsider = StaffFactory()
    elsewhere.staff.add(outsider)
    lead = SafeguardingLead.objects.create(network=group.network, user=StaffFactory())
    return group, outsider, lead


def test_staff_of_another_network_cannot_make_themselves_a_lead_there(client, world):
    group, outsider, _lead = world
    client.force_login(outsider)
    url = reverse("admin:programmes_safeguardinglead_add")
    response = client.post(url, {"network": group.network_id, "user": outsider.pk})
    assert response.status_code == 200  # the form comes back with an error
    assert not SafeguardingLead.objects.filter(user=outsider).exists()


def test_another_networks_leads_groups_are_not_listed_or_opened(client, world):
    group, outsider, lead = world
    client.force_login(outsider)
    listing = client.get(reverse("admin:programmes_safeguardinglead_changelist"))
    assert str(lead.user) not in listing.content.decode()
    change = client.get(reverse("admin:programmes_youthgroup_change", args=[group.pk]))
    assert change.status_code == 302  # Django admin: "does not exist", back to the index
    client.force_login(AdminFactory())
    assert (
        client.get(reverse("admin:programmes_youthgroup_change", args=[group.pk])).status_code
        == 200
    )


def test_the_attention_count_is_only_the_staff_members_networks(world):
    _group, outsider, _lead = world
    ApplicationFactory()
    item = next(i for i in home.attention_items() if i.key == "programmes.applications")
    assert item.count(outsider) == 0
    assert item.count(AdminFactory()) == 1


ADMIN_MODELS = ["cohort", "module", "mentor", "partneroffer"]


@pytest.fixture
def other_networks_records():
    cohort = CohortFactory()
    return {
        "cohort": cohort,
        "module": ModuleFactory(cohort=cohort),
        "mentor": MentorFactory(network=cohort.programme.network),
        "partneroffer": PartnerOfferFactory(cohort=cohort),
    }


@pytest.mark.parametrize("model", ADMIN_MODELS)
def test_another_networks_set_up_records_are_not_listed_or_opened(
    client, world, other_networks_records, model
):
    _group, outsider, _lead = world
    record = other_networks_records[model]
    client.force_login(outsider)
    listing = client.get(reverse(f"admin:programmes_{model}_changelist"))
    assert listing.status_code == 200 and f"/{record.pk}/change/" not in listing.content.decode()
    change = client.get(reverse(f"admin:programmes_{model}_change", args=[record.pk]))
    assert change.status_code == 302
    client.force_login(AdminFactory())
    assert (
        client.get(reverse(f"admin:programmes_{model}_change", args=[record.pk])).status_code == 200
    )


def test_admin_offers_only_their_own_programmes_and_cohorts_to_pick(
    client, world, other_networks_records
):
    _group, outsider, _lead = world
    own = CohortFactory()
    own.programme.network.staff.add(outsider)
    cohort = other_networks_records["cohort"]
    client.force_login(outsider)
    form = client.get(reverse("admin:programmes_module_add")).content.decode()
    assert f'value="{own.pk}"' in form and f'value="{cohort.pk}"' not in form
    form = client.get(reverse("admin:programmes_cohort_add")).content.decode()
    assert f'value="{own.programme_id}"' in form
    assert f'value="{cohort.programme_id}"' not in form
    client.post(
        reverse("admin:programmes_module_add"), {"cohort": cohort.pk, "title": "Mine", "order": 0}
    )
    assert not Module.objects.filter(title="Mine").exists()
