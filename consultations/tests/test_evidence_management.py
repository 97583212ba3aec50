"""Staff run a consultation: its details, parts and questions, its stages, and the emails to
invited member contacts when it opens and before the internal deadline."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from consultations.evidence.services import calls
from consultations.models import Consultation, ConsultationStatus, Question
from consultations.tests.factories import (
    ConsultationFactory,
    ContributionFactory,
    QuestionFactory,
    QuestionPartFactory,
)
from core.models import AuditEntry
from core.tests.factories import AdminFactory, JudgeFactory, StaffFactory, UserFactory
from influence.tests.factories import TargetBodyFactory
from members.models import Membership, MembershipStatus
from members.tests.factories import (
    NetworkFactory,
    OrganisationFactory,
    PersonFactory,
    member_contact_for,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(StaffFactory())
    return client


def _details(**overrides):
    network = NetworkFactory()
    data = {
        "title": "Call for evidence: women in the justice system",
        "asking_body": TargetBodyFactory().pk,
        "deadline": "2030-03-31",
        "internal_deadline": "2030-03-01",
        "description": "The committee wants to hear about women's routes out of prison.",
        "networks": [network.pk],
    }
    data.update(overrides)
    return data


def test_staff_create_a_draft_consultation_with_a_slug_and_an_audit_entry(staff_client):
    response = staff_client.post(reverse("consultations:staff_create"), _details())
    consultation = Consultation.objects.get()
    assert response.status_code == 302
    assert consultation.slug == "call-for-evidence-women-in-the-justice-system"
    assert consultation.status == ConsultationStatus.DRAFT
    assert AuditEntry.objects.filter(object_id=str(consultation.pk)).exists()


def test_our_deadline_after_theirs_is_refused_and_nothing_is_saved(staff_client):
    response = staff_client.post(
        reverse("consultations:staff_create"), _details(internal_deadline="2030-04-15")
    )
    assert response.status_code == 400
    assert "must be on or before theirs" in response.content.decode()
    assert not Consultation.objects.exists()


def test_a_reserved_word_never_becomes_a_slug():
    assert calls.unique_slug("Staff") == "staff-consultation"
    assert calls.unique_slug("!!!") == "consultation"


@pytest.mark.parametrize(
    ("user_factory", "status"),
    [(UserFactory, 403), (JudgeFactory, 403), (StaffFactory, 302), (AdminFactory, 302)],
)
def test_only_staff_and_admins_may_post_the_staff_forms(client, user_factory, status):
    client.force_login(user_factory())
    response = client.post(reverse("consultations:staff_create"), _details())
    assert response.status_code == status
    assert Consultation.objects.exists() == (status == 302)


def test_anonymous_posts_are_sent_to_sign_in(client):
    consultation = ConsultationFactory(status=ConsultationStatus.DRAFT)
    response = client.post(
        reverse("consultations:staff_status", args=[consultation.slug]), {"to": "open"}
    )
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    consultation.refresh_from_db()
    assert consultation.status == ConsultationStatus.DRAFT


def test_parts_and_questions_are_added_edited_and_reordered(staff_client):
    consultation = ConsultationFactory(status=ConsultationStatus.DRAFT)
    url = reverse("consultations:staff_questions", args=[consultation.slug])
    staff_client.post(url, {"add": "part", "part-title": "Part 1: Before prison"})
    staff_client.post(url, {"add": "part", "part-title": "Part 2: After prison"})
    first, second = consultation.question_parts.all()
    staff_client.post(
        url,
        {
            "add": "question",
            "question-part": first.pk,
            "question-number": 1,
            "question-text": "What works in diversion?",
            "question-guidance": "Tell us about your own service.",
        },
    )
    staff_client.post(
        url,
        {
            "add": "question",
            "question-part": second.pk,
            "question-number": 2,
            "question-text": "What helps on release?",
        },
    )
    duplicate = staff_client.post(
        url,
        {"add": "question", "question-part": first.pk, "question-number": 2, "question-text": "x"},
    )
    assert duplicate.status_code == 400
    assert "Question 2 already exists" in duplicate.content.decode()
    assert consultation.questions.count() == 2

    reorder = reverse("consultations:staff_reorder", args=[consultation.slug])
    staff_client.post(reorder, {"kind": "part", "pk": second.pk, "direction": "up"})
    assert list(consultation.question_parts.all()) == [second, first]
    diversion = Question.objects.get(number=1)
    staff_client.post(reorder, {"kind": "question", "pk": diversion.pk, "direction": "down"})
    diversion.refresh_from_db()
    assert diversion.number == 2
    assert Question.objects.get(text="What helps on release?").number == 1

    edit = reverse("consultations:staff_question_edit", args=[consultation.slug, diversion.pk])
    staff_client.post(
        edit,
        {"part": first.pk, "number": 2, "text": "What works in diversion?", "guidance": "More."},
    )
    diversion.refresh_from_db()
    assert diversion.guidance == "More."


def test_moving_the_first_part_up_changes_nothing(staff_client):
    part = QuestionPartFactory()
    reorder = reverse("consultations:staff_reorder", args=[part.consultation.slug])
    response = staff_client.post(reorder, {"kind": "part", "pk": part.pk, "direction": "up"})
    assert response.status_code == 302
    bad = staff_client.post(reorder, {"kind": "nonsense", "pk": "x", "direction": "sideways"})
    assert bad.status_code == 302


def _invited_world():
    network = NetworkFactory()
    invited = OrganisationFactory(networks=[network])
    lapsed = OrganisationFactory()
    Membership.objects.create(organisation=lapsed, network=network, status=MembershipStatus.LAPSED)
    elsewhere = OrganisationFactory(networks=[NetworkFactory()])
    contact = member_contact_for(invited, UserFactory(email="contact@open.example.org"))
    member_contact_for(lapsed, UserFactory(email="lapsed@example.org"))
    member_contact_for(elsewhere, UserFactory(email="other@example.org"))
    consultation = ConsultationFactory(networks=[network], status=ConsultationStatus.DRAFT)
    QuestionFactory(part__consultation=consultation)
    return consultation, invited, contact


def test_opening_emails_each_invited_contact_of_an_active_member_only(
    staff_client, django_capture_on_commit_callbacks
):
    consultation, _, contact = _invited_world()
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            reverse("consultations:staff_status", args=[consultation.slug]), {"to": "open"}
        )
    assert response.status_code == 302
    consultation.refresh_from_db()
    assert consultation.status == ConsultationStatus.OPEN and consultation.opened_at
    assert [m.to for m in mail.outbox] == [[contact.email]]
    assert consultation.slug in mail.outbox[0].body


@pytest.mark.parametrize(
    ("current", "wanted"),
    [
        ("draft", "analysing"),
        ("open", "closed"),
        ("analysing", "submitted"),
        ("open", "draft"),
        ("closed", "open"),
    ],
)
def test_stages_only_move_one_step_forward(current, wanted):
    consultation = ConsultationFactory(status=current)
    QuestionFactory(part__consultation=consultation)
    with pytest.raises(ValidationError) as refused:
        calls.advance_status(StaffFactory(), consultation, wanted)
    assert "Nothing was changed" in str(refused.value) or "moves on only" in str(refused.value)
    consultation.refresh_from_db()
    assert consultation.status == current


def test_a_consultation_without_questions_cannot_open(staff_client):
    consultation = ConsultationFactory(status=ConsultationStatus.DRAFT)
    response = staff_client.post(
        reverse("consultations:staff_status", args=[consultation.slug]), {"to": "open"}, follow=True
    )
    assert "Add at least one question" in response.content.decode()
    consultation.refresh_from_db()
    assert consultation.status == ConsultationStatus.DRAFT


def test_the_stages_after_sending_move_on_by_hand():
    consultation = ConsultationFactory(status=ConsultationStatus.SUBMITTED)
    staff = StaffFactory()
    calls.advance_status(staff, consultation, ConsultationStatus.RESPONSE_RECEIVED)
    consultation.refresh_from_db()
    calls.advance_status(staff, consultation, ConsultationStatus.CLOSED)
    consultation.refresh_from_db()
    assert consultation.status == ConsultationStatus.CLOSED


def test_reminders_go_once_to_contacts_whose_organisation_has_not_submitted():
    consultation, invited, contact = _invited_world()
    consultation.status = ConsultationStatus.OPEN
    consultation.internal_deadline = timezone.localdate() + datetime.timedelta(days=2)
    consultation.save()
    submitted_org = OrganisationFactory(networks=list(consultation.networks.all()))
    member_contact_for(submitted_org, UserFactory(email="done@example.org"))
    ContributionFactory(consultation=consultation, organisation=submitted_org)
    PersonFactory(email=None).organisations.add(invited)  # no address: nobody to email

    call_command("send_consultation_reminders")
    call_command("send_consultation_reminders")

    assert [m.to for m in mail.outbox] == [[contact.email]]
    assert "Reminder" in mail.outbox[0].subject
    consultation.refresh_from_db()
    assert consultation.reminder_sent_at is not None


def test_no_reminder_before_the_window_or_after_the_deadline():
    far = ConsultationFactory(internal_deadline=timezone.localdate() + datetime.timedelta(days=20))
    past = ConsultationFactory(
        internal_deadline=timezone.localdate() - datetime.timedelta(days=1),
        deadline=timezone.localdate() + datetime.timedelta(days=5),
    )
    assert calls.send_reminders() == []
    far.refresh_from_db()
    past.refresh_from_db()
    assert far.reminder_sent_at is None and past.reminder_sent_at is None


def test_the_overview_links_to_every_part_of_the_work(staff_client):
    consultation = ConsultationFactory()
    response = staff_client.get(reverse("consultations:staff_overview", args=[consultation.slug]))
    page = response.content.decode()
    for name in (
        "staff_contributions",
        "staff_sessions",
        "staff_quotes",
        "staff_codebook",
        "staff_summary",
        "builder",
    ):
        assert reverse(f"consultations:{name}", args=[consultation.slug]) in page


def test_the_staff_list_shows_each_consultation(staff_client):
    consultation = ConsultationFactory(title="Sentencing of women")
    response = staff_client.get(reverse("consultations:staff_index"))
    assert "Sentencing of women" in response.content.decode()
    edit = staff_client.post(
        reverse("consultations:staff_edit", args=[consultation.slug]),
        _details(title="Sentencing of women and girls"),
    )
    assert edit.status_code == 302
    consultation.refresh_from_db()
    assert consultation.title == "Sentencing of women and girls"
    assert consultation.slug.startswith("call-for-evidence-on-resettlement")


POST_ONLY_VIEWS = [
    ("staff_status", {}),
    ("staff_reorder", {}),
    ("staff_flag_resolve", {"pk": "flag"}),
    ("staff_quote_redactions", {"pk": "quote"}),
    ("staff_quote_code", {"pk": "quote"}),
    ("staff_suggestion_accept", {"pk": "quote"}),
]


@pytest.mark.parametrize(("name", "arguments"), POST_ONLY_VIEWS)
@pytest.mark.parametrize(
    ("user_factory", "expected"),
    [
        (None, 302),
        (UserFactory, 403),
        (JudgeFactory, 403),
        (StaffFactory, 302),
        (AdminFactory, 302),
    ],
)
def test_each_role_posting_to_the_staff_actions(client, name, arguments, user_factory, expected):
    from consultations.models import ConsentFlag
    from consultations.tests.factories import QuoteFactory, ThemeFactory

    quote = QuoteFactory()
    theme = ThemeFactory(consultation=quote.consultation)
    flag = ConsentFlag.objects.create(consultation=quote.consultation, description="Flagged.")
    samples = {"quote": quote.pk, "flag": flag.pk}
    if user_factory:
        client.force_login(user_factory())
    url = reverse(
        f"consultations:{name}",
        kwargs={"slug": quote.consultation.slug, **{k: samples[v] for k, v in arguments.items()}},
    )
    response = client.post(url, {"theme": theme.pk, "action": "review", "to": "analysing"})
    assert response.status_code == expected
    if user_factory is None:
        assert "/accounts/login/" in response["Location"]
    if expected != 302 or user_factory is None:
        flag.refresh_from_db()
        assert flag.resolved_at is None and not quote.codings.exists()
