"""Staff record roundtables and interviews: the session, its speakers with their consent, and
what each said."""

import pytest
from django.urls import reverse

from consultations.models import Attribution, Passage, Session, Speaker
from consultations.tests.factories import ConsultationFactory, QuestionFactory, SessionFactory
from core.tests.factories import StaffFactory, UserFactory
from members.tests.factories import NetworkFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(StaffFactory())
    return client


def test_staff_record_a_session_with_the_organisations_present(staff_client):
    network = NetworkFactory()
    present = OrganisationFactory(networks=[network])
    consultation = ConsultationFactory(networks=[network])
    response = staff_client.post(
        reverse("consultations:staff_session_create", args=[consultation.slug]),
        {
            "kind": "roundtable",
            "title": "Roundtable with young adults",
            "held_on": "2026-02-10",
            "facilitator": "Policy lead",
            "organisations_present": [present.pk],
            "notes": "Held in person.",
        },
    )
    session = Session.objects.get()
    assert response.status_code == 302
    assert list(session.organisations_present.all()) == [present]
    assert session.recorded_by is not None


def _speaker_data(**overrides):
    data = {
        "add": "speaker",
        "speaker-kind": Speaker.Kind.ANONYMOUS,
        "speaker-name": "",
        "speaker-attribution": Attribution.DESCRIBED,
        "speaker-approved_description": "a young adult with lived experience",
        "speaker-consent_confirmed": "on",
    }
    data.update(overrides)
    return data


def test_an_anonymous_speaker_with_an_approved_description_and_consent_time(staff_client):
    session = SessionFactory()
    url = reverse("consultations:staff_session", args=[session.consultation.slug, session.pk])
    assert staff_client.post(url, _speaker_data()).status_code == 302
    speaker = Speaker.objects.get()
    assert speaker.approved_description == "a young adult with lived experience"
    assert speaker.consent_given_at is not None


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"speaker-approved_description": ""}, "Write the description the speaker approved"),
        ({"speaker-kind": Speaker.Kind.PERSON}, "Give the name of the person"),
        ({"speaker-kind": Speaker.Kind.ORGANISATION}, "Choose the organisation"),
        ({"speaker-attribution": Attribution.NAMED}, "cannot be credited by name"),
    ],
)
def test_an_incomplete_speaker_is_refused(staff_client, overrides, message):
    session = SessionFactory()
    url = reverse("consultations:staff_session", args=[session.consultation.slug, session.pk])
    response = staff_client.post(url, _speaker_data(**overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Speaker.objects.exists()


def test_without_confirmed_consent_the_speaker_has_none(staff_client):
    session = SessionFactory()
    url = reverse("consultations:staff_session", args=[session.consultation.slug, session.pk])
    data = _speaker_data()
    del data["speaker-consent_confirmed"]
    staff_client.post(url, data)
    assert Speaker.objects.get().consent_given_at is None


def test_passages_are_added_per_speaker_and_tied_to_a_question(staff_client):
    session = SessionFactory()
    question = QuestionFactory(part__consultation=session.consultation)
    url = reverse("consultations:staff_session", args=[session.consultation.slug, session.pk])
    staff_client.post(url, _speaker_data())
    speaker = Speaker.objects.get()
    response = staff_client.post(
        url,
        {
            "add": "passage",
            "passage-speaker": speaker.pk,
            "passage-question": question.pk,
            "passage-text": "<b>Nobody</b> met me at the gate.",
        },
    )
    assert response.status_code == 302
    passage = Passage.objects.get()
    assert passage.question == question and passage.session == session
    page = staff_client.get(url).content.decode()
    assert "&lt;b&gt;Nobody&lt;/b&gt;" in page


def test_a_passage_for_a_speaker_of_another_session_is_refused(staff_client):
    session = SessionFactory()
    other = SessionFactory(consultation=session.consultation)
    stranger = Speaker.objects.create(session=other, kind=Speaker.Kind.ANONYMOUS)
    url = reverse("consultations:staff_session", args=[session.consultation.slug, session.pk])
    response = staff_client.post(
        url, {"add": "passage", "passage-speaker": stranger.pk, "passage-text": "Words."}
    )
    assert response.status_code == 400
    assert not Passage.objects.exists()


def test_members_cannot_record_sessions(client):
    consultation = ConsultationFactory()
    client.force_login(UserFactory())
    response = client.post(
        reverse("consultations:staff_session_create", args=[consultation.slug]),
        {"kind": "roundtable", "title": "x", "held_on": "2026-01-01", "facilitator": "x"},
    )
    assert response.status_code == 403
    assert not Session.objects.exists()
