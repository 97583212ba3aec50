"""A member contact answers a consultation for their organisation: drafts, submitting,
consent, the deadline, and the bad input a real form meets."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from consultations.evidence.services.contributions import MAX_ANSWER_CHARS
from consultations.models import Attribution, Consultation, ConsultationStatus, Contribution
from consultations.tests.factories import ConsultationFactory, QuestionFactory
from core.models import AuditEntry
from core.tests.factories import StaffFactory, UserFactory
from members.models import Affiliation
from members.tests.factories import NetworkFactory, OrganisationFactory, member_contact_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    network = NetworkFactory()
    organisation = OrganisationFactory(name="Open Doors Housing", networks=[network])
    member = UserFactory(email="mina@opendoors.example.org")
    member_contact_for(organisation, member)
    consultation = ConsultationFactory(networks=[network])
    first = QuestionFactory(part__consultation=consultation, number=1, text="What works?")
    second = QuestionFactory(part=first.part, number=2, text="What gets in the way?")
    return {
        "consultation": consultation,
        "organisation": organisation,
        "member": member,
        "questions": [first, second],
    }


def _url(world, name="contribute_org"):
    return reverse(
        f"consultations:{name}", args=[world["consultation"].slug, world["organisation"].slug]
    )


def _post(client, world, action="save", **fields):
    first, second = world["questions"]
    data = {
        f"answer_{first.pk}": "Advice in the first week keeps people housed.",
        f"answer_{second.pk}": "",
        "attribution": Attribution.NAMED,
        "approved_description": "",
        "feedback_email": world["member"].email,
        "action": action,
    }
    data.update(fields)
    return client.post(_url(world), data)


def _contribution(world):
    return Contribution.objects.filter(consultation=world["consultation"]).first()


def test_a_member_saves_a_draft_then_submits_with_consent_recorded(client, world):
    client.force_login(world["member"])
    assert client.get(_url(world)).status_code == 200

    assert _post(client, world, action="save").status_code == 302
    draft = _contribution(world)
    assert draft.status == Contribution.Status.DRAFT
    assert draft.consent_given_at is None
    assert draft.answers.get().text == "Advice in the first week keeps people housed."

    response = _post(client, world, action="submit", wants_feedback="on")
    assert response.status_code == 302
    submitted = _contribution(world)
    assert submitted.status == Contribution.Status.SUBMITTED
    assert submitted.submitted_at and submitted.consent_given_at
    assert submitted.attribution == Attribution.NAMED and submitted.wants_feedback
    assert AuditEntry.objects.filter(object_id=str(submitted.pk)).exists()


def test_the_form_for_one_organisation_shows_straight_away(client, world):
    client.force_login(world["member"])
    response = client.get(reverse("consultations:contribute", args=[world["consultation"].slug]))
    assert response.status_code == 200
    assert "Open Doors Housing" in response.content.decode()


def test_a_contact_at_two_organisations_chooses_which_to_answer_for(client, world):
    second_org = OrganisationFactory(
        name="Second Step", networks=list(world["consultation"].networks.all())
    )
    Affiliation.objects.create(person=world["member"].person, organisation=second_org)
    client.force_login(world["member"])
    response = client.get(reverse("consultations:contribute", args=[world["consultation"].slug]))
    page = response.content.decode()
    assert "Open Doors Housing" in page and "Second Step" in page


def test_submitting_twice_is_harmless_and_keeps_the_first_time(client, world):
    client.force_login(world["member"])
    _post(client, world, action="submit")
    first = _contribution(world)
    response = _post(client, world, action="submit")
    assert response.status_code == 302
    again = _contribution(world)
    assert Contribution.objects.count() == 1
    assert again.submitted_at == first.submitted_at
    follow = client.get(_url(world))
    assert "Save changes to my submission" in follow.content.decode()


def test_changing_consent_after_submitting_records_a_new_time(client, world):
    client.force_login(world["member"])
    _post(client, world, action="submit")
    before = _contribution(world).consent_given_at
    _post(
        client,
        world,
        action="submit",
        attribution=Attribution.DESCRIBED,
        approved_description="a housing charity in the north",
    )
    after = _contribution(world)
    assert after.attribution == Attribution.DESCRIBED
    assert after.approved_description == "a housing charity in the north"
    assert after.consent_given_at > before


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"answer_FIRST": "   "}, "Answer at least one question"),
        ({"attribution": ""}, "Choose how your words may be used"),
        ({"attribution": Attribution.DESCRIBED}, "Write the description"),
        ({"wants_feedback": "on", "feedback_email": ""}, "Give an email address"),
    ],
)
def test_submitting_without_answers_or_consent_is_refused(client, world, fields, message):
    client.force_login(world["member"])
    first = world["questions"][0]
    fields = {k.replace("FIRST", str(first.pk)): v for k, v in fields.items()}
    response = _post(client, world, action="submit", **fields)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Contribution.objects.filter(status=Contribution.Status.SUBMITTED).exists()


def test_a_huge_paste_gets_a_clear_message_and_nothing_is_saved(client, world):
    client.force_login(world["member"])
    _post(client, world, action="save")
    first = world["questions"][0]
    response = _post(client, world, **{f"answer_{first.pk}": "x" * (MAX_ANSWER_CHARS + 1)})
    assert response.status_code == 400
    assert "the most we can take is 20,000" in response.content.decode()
    assert _contribution(world).answers.get().text.startswith("Advice")


def test_hostile_html_is_kept_as_plain_text_and_always_escaped(client, world):
    client.force_login(world["member"])
    first = world["questions"][0]
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    _post(client, world, action="submit", **{f"answer_{first.pk}": hostile})
    assert _contribution(world).answers.get().text == hostile
    page = client.get(_url(world)).content.decode()
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    staff = client
    staff.force_login(StaffFactory())
    staff_page = staff.get(
        reverse(
            "consultations:staff_contribution",
            args=[world["consultation"].slug, _contribution(world).pk],
        )
    ).content.decode()
    assert "<script>alert" not in staff_page and "&lt;script&gt;" in staff_page


def test_after_the_deadline_nothing_changes_and_the_reason_is_given(client, world):
    client.force_login(world["member"])
    _post(client, world, action="save")
    Consultation.objects.filter(pk=world["consultation"].pk).update(
        internal_deadline=timezone.localdate() - datetime.timedelta(days=1)
    )
    first = world["questions"][0]
    response = _post(client, world, action="submit", **{f"answer_{first.pk}": "Too late."})
    assert response.status_code == 400
    assert "can no longer be changed" in response.content.decode()
    contribution = _contribution(world)
    assert contribution.status == Contribution.Status.DRAFT
    assert contribution.answers.get().text.startswith("Advice")


def test_a_consultation_moved_on_to_analysis_is_closed_for_editing(client, world):
    client.force_login(world["member"])
    Consultation.objects.filter(pk=world["consultation"].pk).update(
        status=ConsultationStatus.ANALYSING
    )
    response = _post(client, world, action="save")
    assert response.status_code == 400
    assert "closed for evidence" in response.content.decode()
    assert not Contribution.objects.exists()


def test_another_organisations_contribution_is_a_404(client, world):
    other = OrganisationFactory(networks=list(world["consultation"].networks.all()))
    client.force_login(world["member"])
    url = reverse("consultations:contribute_org", args=[world["consultation"].slug, other.slug])
    assert client.get(url).status_code == 404
    assert client.post(url, {"action": "submit"}).status_code == 404
    assert not Contribution.objects.exists()


def test_a_member_of_an_uninvited_organisation_cannot_contribute(client, world):
    outsider = UserFactory()
    member_contact_for(OrganisationFactory(networks=[NetworkFactory()]), outsider)
    client.force_login(outsider)
    response = client.get(reverse("consultations:contribute", args=[world["consultation"].slug]))
    assert response.status_code == 403


def test_the_invitations_page_lists_only_the_members_own(client, world):
    ConsultationFactory(title="Not for you")
    client.force_login(world["member"])
    page = client.get(reverse("consultations:contribute_index")).content.decode()
    assert world["consultation"].title in page and "Not for you" not in page


def test_a_member_withdraws_their_own_organisations_consent(client, world):
    client.force_login(world["member"])
    _post(client, world, action="submit")
    confirm = client.get(_url(world, "contribute_withdraw"))
    assert confirm.status_code == 200
    assert _contribution(world).consent_withdrawn_at is None
    response = client.post(_url(world, "contribute_withdraw"))
    assert response.status_code == 302
    assert _contribution(world).consent_withdrawn_at is not None


def _autosave(client, world, **fields):
    first = world["questions"][0]
    data = {f"answer_{first.pk}": "Typed so far", "action": "save", **fields}
    return client.post(_url(world), data, HTTP_HX_REQUEST="true")


def test_typing_autosaves_the_draft_and_says_so(client, world):
    client.force_login(world["member"])
    response = _autosave(client, world)
    assert response.status_code == 200
    assert response.content.decode().startswith("Draft saved at")
    draft = _contribution(world)
    assert draft.status == Contribution.Status.DRAFT
    assert draft.answers.get().text == "Typed so far"


def test_autosave_never_changes_a_submitted_contribution(client, world):
    client.force_login(world["member"])
    _post(client, world, action="submit")
    response = _autosave(client, world)
    assert "Save changes to my submission" in response.content.decode()
    assert _contribution(world).answers.get().text.startswith("Advice")


def test_autosave_refusals_are_escaped_and_change_nothing(client, world):
    client.force_login(world["member"])
    response = _autosave(client, world, attribution="<img src=x onerror=alert(1)>")
    page = response.content.decode()
    assert page.startswith("Not saved:") and "<img" not in page
    assert not Contribution.objects.exists()


def test_windows_line_ends_are_stored_as_a_browser_shows_them(client, world):
    client.force_login(world["member"])
    first = world["questions"][0]
    _post(client, world, **{f"answer_{first.pk}": "  First line.\r\nSecond line.\r\n"})
    assert _contribution(world).answers.get().text == "First line.\nSecond line."
