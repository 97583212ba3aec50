"""The public nomination form: a nomination is saved whole with a confirmation, or refused
with a clear message and nothing saved."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from awards.models import Consent, Eligibility, Nomination, Nominator, SupportingFile
from awards.tests.factories import CategoryFactory, CycleFactory, days_from_today
from members.services.applications.screening import make_form_token
from members.tests.factories import NetworkFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def _url(category):
    return reverse("awards:nominate", args=[category.cycle.slug, category.slug])


def _post(client, category, **fields):
    data = {
        "nominee_kind": "organisation",
        "nominee_name": "Second Chances Leeds",
        "statement": "They changed how our court treats young adults.",
        "nominator_name": "Ada Nominator",
        "nominator_email": "ada@example.org",
        "agree": "on",
        "form_token": make_form_token(timezone.now() - datetime.timedelta(minutes=5)),
    }
    data.update(fields)
    return client.post(_url(category), {k: v for k, v in data.items() if v is not None})


def test_a_visitor_nominates_and_gets_a_confirmation(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    category = CategoryFactory(questions="What difference has the work made?")
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(client, category, answer_0="Fewer recalls.")
    assert response.status_code == 302
    nomination = Nomination.objects.get()
    assert nomination.nominee_name == "Second Chances Leeds"
    assert nomination.nominators.get().answers == [
        ["What difference has the work made?", "Fewer recalls."]
    ]
    assert [m.to for m in mailoutbox] == [["ada@example.org"]]
    assert nomination.reference in mailoutbox[0].body


def test_a_member_organisation_is_chosen_from_the_directory(client):
    organisation = OrganisationFactory(name="Open Doors", networks=[NetworkFactory()])
    category = CategoryFactory(eligibility=Eligibility.MEMBER_ORGANISATIONS)
    response = _post(client, category, nominee_kind="member", nominee_name="",
                     organisation=organisation.pk)  # fmt: skip
    assert response.status_code == 302
    assert Nomination.objects.get().organisation == organisation


def test_a_nominated_person_is_asked_for_consent(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    category = CategoryFactory(eligibility=Eligibility.INDIVIDUALS)
    with django_capture_on_commit_callbacks(execute=True):
        _post(client, category, nominee_kind="person", nominee_name="Pat Person",
              nominee_email="pat@example.org")  # fmt: skip
    nomination = Nomination.objects.get()
    assert nomination.consent == Consent.REQUESTED and not nomination.can_be_named
    consent_mail = next(m for m in mailoutbox if m.to == ["pat@example.org"])
    assert nomination.consent_key in consent_mail.body
    client.post(reverse("awards:consent", args=[nomination.consent_key]), {"answer": "yes"})
    nomination.refresh_from_db()
    assert nomination.consent == Consent.GIVEN


def test_a_closed_cycle_refuses_and_saves_nothing(client):
    cycle = CycleFactory(
        nominations_open=days_from_today(-40), nominations_close=days_from_today(-1)
    )
    response = _post(client, CategoryFactory(cycle=cycle))
    assert response.status_code == 400
    assert "closed" in response.content.decode()
    assert not Nomination.objects.exists()


def test_the_same_person_cannot_nominate_the_same_nominee_twice(client):
    category = CategoryFactory()
    _post(client, category)
    response = _post(client, category, nominee_name="second chances  LEEDS")
    assert response.status_code == 400
    assert "already nominated" in response.content.decode()
    assert Nomination.objects.count() == 1


def test_self_nomination_only_where_the_category_allows_it(client):
    category = CategoryFactory(self_nomination=False)
    form_page = client.get(_url(category)).content.decode()
    assert "is_self_nomination" not in form_page
    category = CategoryFactory(self_nomination=True)
    assert _post(client, category, is_self_nomination="on").status_code == 302
    assert Nominator.objects.get().is_self_nomination


def test_the_honeypot_and_a_forged_token_are_refused(client):
    category = CategoryFactory()
    assert _post(client, category, nominee_alias="http://spam.example").status_code == 400
    assert _post(client, category, form_token="forged").status_code == 400
    assert not Nomination.objects.exists()


def test_a_too_quick_form_comes_back_filled_in_to_send_again(client):
    category = CategoryFactory()
    response = _post(client, category, form_token=make_form_token())
    page = response.content.decode()
    assert response.status_code == 400 and "quicker than we expect" in page
    assert "Second Chances Leeds" in page  # what they wrote is kept
    assert not Nomination.objects.exists()
    token = response.context["form"]["form_token"].value()
    assert token != response.wsgi_request.POST["form_token"]


def test_a_quick_but_incomplete_form_shows_what_is_missing(client):
    category = CategoryFactory()
    response = _post(client, category, form_token=make_form_token(), statement="", agree=None)
    assert response.status_code == 400
    assert "This field is required" in response.content.decode()
    assert "Tick this box to let us keep your nomination." in response.content.decode()


def test_a_supporting_file_is_judged_by_its_content(client):
    category = CategoryFactory()
    fake = SimpleUploadedFile("letter.pdf", b"MZ\x00\x00 not a pdf at all")
    response = _post(client, category, file_1=fake)
    assert response.status_code == 400
    assert "not a PDF" in response.content.decode()
    real = SimpleUploadedFile("letter.pdf", b"%PDF-1.4 a real letter")
    assert _post(client, category, file_1=real).status_code == 302
    assert SupportingFile.objects.get().kind == "pdf"


@override_settings(MAX_UPLOAD_BYTES=100)
def test_an_oversized_file_is_refused(client):
    big = SimpleUploadedFile("letter.pdf", b"%PDF-1.4 " + b"x" * 200)
    response = _post(client, CategoryFactory(), file_1=big)
    assert response.status_code == 400
    assert "largest file" in response.content.decode()
    assert not Nomination.objects.exists()


def test_hostile_text_is_shown_as_text(client):
    category = CategoryFactory()
    _post(client, category, nominee_name="<script>alert(1)</script>", statement="<b>bold</b>")
    nomination = Nomination.objects.get()
    from core.tests.factories import StaffFactory

    client.force_login(StaffFactory())
    page = client.get(reverse("awards:staff_nomination", args=[nomination.pk])).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def test_media_categories_take_articles_by_link(client):
    category = CategoryFactory(eligibility=Eligibility.JOURNALISTS)
    response = _post(client, category, nominee_kind="media", nominee_name="Sam Writer, The Echo")
    assert response.status_code == 400  # no article
    response = _post(client, category, nominee_kind="media", nominee_name="Sam Writer, The Echo",
                     article_links="https://echo.example/story\njavascript:alert(1)")  # fmt: skip
    assert response.status_code == 400
    response = _post(client, category, nominee_kind="media", nominee_name="Sam Writer, The Echo",
                     article_links="https://echo.example/story")  # fmt: skip
    assert response.status_code == 302
    assert Nomination.objects.get().link_list() == ["https://echo.example/story"]
