"""A concern can name the young person it is about: only a young person of that group can be
chosen, staff of another network are not shown the group's names, bad choices change nothing,
and the concern (and who it is about) still reaches nobody but the leads."""

import pytest
from django.core import mail
from django.urls import reverse

from core.tests.factories import StaffFactory, UserFactory
from programmes.models import Concern, SafeguardingLead
from programmes.tests.factories import YoungPersonFactory, YouthGroupFactory

pytestmark = pytest.mark.django_db
URL = "programmes:safeguarding_record"


@pytest.fixture
def setup():
    group, other_group = YouthGroupFactory(), YouthGroupFactory()
    worker, lead = UserFactory(), UserFactory()
    group.workers.add(worker)
    other_group.workers.add(worker)
    SafeguardingLead.objects.create(network=group.network, user=lead)
    robin = YoungPersonFactory(group=group, first_name="Robin", last_name="Quillfeather")
    kit = YoungPersonFactory(group=other_group, first_name="Kit", last_name="Ashdown")
    return group, other_group, worker, lead, robin, kit


def _post(client, group, person, text="She said she was scared to go home."):
    return client.post(reverse(URL), {
        "group": group.pk, "young_person": "" if person is None else person,
        "what_happened": text,
    })  # fmt: skip


def test_a_worker_names_the_young_person_and_the_lead_sees_who_it_is_about(client, setup):
    group, _other, worker, lead, robin, _kit = setup
    client.force_login(worker)
    form = client.get(reverse(URL)).content.decode()
    assert "Robin Quillfeather" in form and "No one in particular" in form
    assert _post(client, group, robin.pk).status_code == 302
    concern = Concern.objects.get()
    assert concern.young_person == robin and concern.group == group
    # The email to the lead names neither the young person nor the worry.
    assert "Robin" not in mail.outbox[-1].body and "scared" not in mail.outbox[-1].body
    client.force_login(lead)
    page = client.get(reverse("programmes:safeguarding_concern", args=[concern.pk]))
    assert "about Robin Quillfeather" in page.content.decode()


def test_naming_no_one_is_still_allowed(client, setup):
    group, _other, worker, *_ = setup
    client.force_login(worker)
    assert _post(client, group, None).status_code == 302
    assert Concern.objects.get().young_person is None


@pytest.mark.parametrize(
    ("choice", "message"),
    [
        ("kit", "not in the group you chose"),
        ("999999", "Choose a young person from the list"),
        ("not-a-number", "Choose a young person from the list"),
        ("<script>alert(1)</script>", "Choose a young person from the list"),
    ],
)
def test_a_young_person_outside_the_group_or_a_bad_choice_is_refused(
    client, setup, choice, message
):
    group, _other, worker, _lead, _robin, kit = setup
    client.force_login(worker)
    response = _post(client, group, kit.pk if choice == "kit" else choice)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html and "<script>alert(1)" not in html
    assert not Concern.objects.exists() and not mail.outbox


def test_staff_of_another_network_may_record_but_are_not_shown_the_groups_names(client, setup):
    group, _other, _worker, _lead, robin, _kit = setup
    outsider = StaffFactory()
    client.force_login(outsider)
    assert "Robin" not in client.get(reverse(URL)).content.decode()
    assert _post(client, group, robin.pk).status_code == 400
    assert _post(client, group, None).status_code == 302
    own = StaffFactory()
    group.network.staff.add(own)
    client.force_login(own)
    assert "Robin Quillfeather" in client.get(reverse(URL)).content.decode()


def test_the_named_concern_is_on_no_page_but_the_leads(client, setup):
    group, _other, worker, _lead, robin, _kit = setup
    client.force_login(worker)
    _post(client, group, robin.pk, text="Worry number 7731 about home")
    staff = StaffFactory()
    group.network.staff.add(staff)
    client.force_login(staff)
    pages = [
        reverse("programmes:staff_young_person", args=[robin.pk]),
        reverse("programmes:staff_youth_group", args=[group.slug]),
        reverse("programmes:safeguarding_log", args=[group.slug]),
    ]
    for url in pages:
        assert "7731" not in client.get(url).content.decode(), url
    client.logout()
    public = client.get(reverse("programmes:youth_group", args=[group.slug]))
    assert "7731" not in public.content.decode() and "Robin" not in public.content.decode()
