"""The staff pages: who may use them, and what they do with good and bad input."""

import datetime
import io
import zipfile

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from core.models import AuditEntry
from core.tests.factories import AdminFactory, JudgeFactory, StaffFactory, UserFactory
from influence.models import Evidence, InfluenceActivity, Recommendation, Status, StatusChange
from influence.tests.factories import RecommendationFactory, TargetBodyFactory, add_entry
from library.tests.factories import ResourceFactory
from members.tests.factories import NetworkFactory, OrganisationFactory, member_contact_for

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


@pytest.fixture
def target():
    return TargetBodyFactory(name="Ministry of Justice", slug="ministry-of-justice")


@pytest.fixture
def recommendation(target):
    return RecommendationFactory(
        title="End short prison sentences",
        slug="end-short-prison-sentences",
        targets=[target],
        published=True,
    )


@pytest.fixture
def staff_client():
    client = Client()
    client.force_login(StaffFactory())
    return client


def _member():
    user = UserFactory()
    member_contact_for(OrganisationFactory(), user)
    return user


ROLE_USERS = {
    "anonymous": lambda: None,
    "member": _member,
    "judge": JudgeFactory,
    "staff": StaffFactory,
    "admin": AdminFactory,
}
EXPECTED = {"anonymous": "login", "member": 403, "judge": 403, "staff": 200, "admin": 200}


def _pages(recommendation):
    entry = add_entry(recommendation, recommendation.targets.first(), Status.RAISED, TODAY())
    slug = recommendation.slug
    return {
        "create": reverse("influence:staff_create"),
        "edit": reverse("influence:staff_edit", args=[slug]),
        "status": reverse("influence:staff_status", args=[slug]),
        "correct": reverse("influence:staff_correct", args=[slug, entry.pk]),
        "merge": reverse("influence:staff_merge", args=[slug]),
        "repeats": reverse("influence:staff_repeats", args=[slug]),
        "log": reverse("influence:staff_log"),
        "log_new": reverse("influence:staff_log_new"),
        "dashboard": reverse("influence:staff_dashboard"),
    }


@pytest.mark.parametrize("role", list(ROLE_USERS))
def test_every_staff_page_per_role(role, recommendation):
    pages = _pages(recommendation)
    client = Client()
    user = ROLE_USERS[role]()
    if user is not None:
        client.force_login(user)
    for name, url in pages.items():
        response = client.get(url)
        if EXPECTED[role] == "login":
            assert response.status_code == 302, name
            assert response["Location"].startswith(reverse("login")), name
        else:
            assert response.status_code == EXPECTED[role], name
    publish = reverse("influence:staff_publish", args=[recommendation.slug])
    outcome = client.post(publish, {"action": "unpublish"})
    if role in ("staff", "admin"):
        assert outcome.status_code == 302
    elif role == "anonymous":
        assert outcome["Location"].startswith(reverse("login"))
    else:
        assert outcome.status_code == 403
    recommendation.refresh_from_db()
    assert recommendation.is_published is (role not in ("staff", "admin"))


def test_writes_by_non_staff_change_nothing(recommendation, target):
    client = Client()
    client.force_login(_member())
    url = reverse("influence:staff_status", args=[recommendation.slug])
    data = {"target": target.pk, "status": Status.RAISED, "happened_on": "2024-01-02"}
    assert client.post(url, data).status_code == 403
    assert not StatusChange.objects.exists()


# --- Creating and editing ------------------------------------------------------------------


def _recommendation_data(**overrides):
    target = TargetBodyFactory(name="Home Office", slug="home-office")
    network = NetworkFactory(slug="cja")
    data = {
        "title": "Move drug policy to health",
        "text": "Treat possession of drugs for personal use as a health matter.",
        "rationale": "Criminal sanctions do not reduce use.",
        "targets": [target.pk],
        "networks": [network.pk],
        "first_made_on": "2022-05-01",
        "follow_up_on": "",
        "follow_up_note": "",
        "evidence-TOTAL_FORMS": "2",
        "evidence-INITIAL_FORMS": "0",
        "evidence-MIN_NUM_FORMS": "0",
        "evidence-MAX_NUM_FORMS": "50",
    }
    data.update(overrides)
    return data


def test_create_a_recommendation_with_evidence(staff_client):
    # The source came out before the recommendation was first made (2022), as it must.
    source = ResourceFactory(published_on=datetime.date(2021, 9, 1))
    supporting = ResourceFactory()
    data = _recommendation_data(
        sources=[source.pk],
        **{
            "evidence-0-resource": supporting.pk,
            "evidence-0-page": "12",
            "evidence-0-quote": "Most people given short sentences reoffend.",
        },
    )
    response = staff_client.post(reverse("influence:staff_create"), data)
    assert response.status_code == 302
    recommendation = Recommendation.objects.get(title="Move drug policy to health")
    assert response["Location"] == reverse("influence:staff_edit", args=[recommendation.slug])
    assert recommendation.slug == "move-drug-policy-to-health"
    assert not recommendation.is_published
    assert list(recommendation.sources.all()) == [source]
    evidence = Evidence.objects.get(recommendation=recommendation)
    assert (evidence.resource, evidence.page) == (supporting, "12")
    page = staff_client.get(response["Location"])
    assert "Move drug policy to health" in page.content.decode()


def test_add_and_publish_refused_without_a_source(staff_client):
    response = staff_client.post(
        reverse("influence:staff_create"), _recommendation_data(then="publish"), follow=True
    )
    recommendation = Recommendation.objects.get()
    assert not recommendation.is_published
    assert "Not published: Add at least one source document before publishing." in (
        response.content.decode()
    )


def test_publish_refused_without_a_target(staff_client):
    recommendation = RecommendationFactory(targets=[])
    response = staff_client.post(
        reverse("influence:staff_publish", args=[recommendation.slug]),
        {"action": "publish"},
        follow=True,
    )
    recommendation.refresh_from_db()
    assert not recommendation.is_published
    assert "Add at least one target body before publishing." in response.content.decode()


def test_publish_with_a_target_and_a_source(staff_client):
    recommendation = RecommendationFactory()
    staff_client.post(
        reverse("influence:staff_publish", args=[recommendation.slug]), {"action": "publish"}
    )
    recommendation.refresh_from_db()
    assert recommendation.is_published


def test_empty_form_is_refused_with_messages(staff_client):
    response = staff_client.post(
        reverse("influence:staff_create"),
        _recommendation_data(title="  ", text="", targets=[], networks=[]),
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "Enter a short title." in content
    assert "Enter the full text of the recommendation." in content
    assert not Recommendation.objects.exists()


def test_future_first_made_date_is_refused(staff_client):
    future = (TODAY() + datetime.timedelta(days=3)).isoformat()
    response = staff_client.post(
        reverse("influence:staff_create"), _recommendation_data(first_made_on=future)
    )
    assert response.status_code == 400
    assert "cannot be in the future" in response.content.decode()


def test_hostile_html_is_escaped(staff_client):
    hostile = '<script>alert("x")</script> Reform bail'
    staff_client.post(reverse("influence:staff_create"), _recommendation_data(title=hostile))
    recommendation = Recommendation.objects.get()
    content = staff_client.get(
        reverse("influence:staff_edit", args=[recommendation.slug])
    ).content.decode()
    assert '<script>alert("x")</script>' not in content
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in content


def test_reserved_title_gets_a_slug_that_does_not_shadow_staff_pages(staff_client):
    staff_client.post(reverse("influence:staff_create"), _recommendation_data(title="New"))
    assert Recommendation.objects.get().slug == "new-recommendation"


def test_edit_saves_and_keeps_the_slug(staff_client, recommendation):
    recommendation.sources.update(published_on=datetime.date(2022, 1, 1))
    data = _recommendation_data(
        title="End short prison sentences now",
        targets=[recommendation.targets.first().pk],
        sources=[recommendation.sources.first().pk],
        first_made_on=recommendation.first_made_on.isoformat(),
    )
    response = staff_client.post(reverse("influence:staff_edit", args=[recommendation.slug]), data)
    assert response.status_code == 302
    recommendation.refresh_from_db()
    assert recommendation.title == "End short prison sentences now"
    assert recommendation.slug == "end-short-prison-sentences"
    assert recommendation.is_published


# --- Status changes ------------------------------------------------------------------------


def _status_url(recommendation):
    return reverse("influence:staff_status", args=[recommendation.slug])


def test_record_a_status_change_with_a_link(staff_client, recommendation, target):
    response = staff_client.post(
        _status_url(recommendation),
        {
            "target": target.pk,
            "status": Status.ACKNOWLEDGED,
            "happened_on": "2024-02-03",
            "note": "Minister replied to our letter.",
            "evidence_url": "https://questions-statements.parliament.uk/written-questions/1",
        },
    )
    assert response.status_code == 302
    entry = StatusChange.objects.get()
    assert (entry.status, entry.happened_on) == (Status.ACKNOWLEDGED, datetime.date(2024, 2, 3))
    assert entry.recorded_by is not None


def _docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "stored_as"),
    [
        ("reply.pdf", b"%PDF-1.7\n1 0 obj\n", ".pdf"),
        ("reply.docx", _docx_bytes(), ".docx"),
        ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, ".png"),
        ("answer.txt", "The Minister said “we will consider it”.".encode(), ".txt"),
        ("letter.pdf.txt", b"%PDF-1.4 renamed but really a PDF", ".pdf"),
    ],
)
def test_evidence_upload_kinds_judged_by_content(
    staff_client, recommendation, target, settings, tmp_path, name, content, stored_as
):
    settings.MEDIA_ROOT = tmp_path
    response = staff_client.post(
        _status_url(recommendation),
        {
            "target": target.pk,
            "status": Status.RAISED,
            "happened_on": "2024-02-03",
            "evidence_file": SimpleUploadedFile(name, content),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert StatusChange.objects.get().evidence_file.name.endswith(stored_as)


def test_renamed_binary_upload_is_refused(staff_client, recommendation, target):
    executable = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" * 20
    response = staff_client.post(
        _status_url(recommendation),
        {
            "target": target.pk,
            "status": Status.RAISED,
            "happened_on": "2024-02-03",
            "evidence_file": SimpleUploadedFile("reply.pdf", executable),
        },
    )
    assert response.status_code == 400
    assert "not a kind that can be kept as evidence" in response.content.decode()
    assert not StatusChange.objects.exists()


def test_fifty_megabyte_upload_is_refused(staff_client, recommendation, target):
    huge = SimpleUploadedFile("reply.pdf", b"%PDF-1.7\n" + b"0" * (50 * 1024 * 1024))
    response = staff_client.post(
        _status_url(recommendation),
        {
            "target": target.pk,
            "status": Status.RAISED,
            "happened_on": "2024-02-03",
            "evidence_file": huge,
        },
    )
    assert response.status_code == 413
    assert "the largest file you can upload is" in response.content.decode()
    assert not StatusChange.objects.exists()


@override_settings(MAX_UPLOAD_BYTES=1000)
def test_upload_just_over_the_limit_is_refused_by_the_form(staff_client, recommendation, target):
    response = staff_client.post(
        _status_url(recommendation),
        {
            "target": target.pk,
            "status": Status.RAISED,
            "happened_on": "2024-02-03",
            "evidence_file": SimpleUploadedFile("reply.pdf", b"%PDF-" + b"0" * 1200),
        },
    )
    assert response.status_code == 400
    assert "the largest file you can upload is 1000" in response.content.decode()


def test_future_status_date_is_refused(staff_client, recommendation, target):
    future = (TODAY() + datetime.timedelta(days=1)).isoformat()
    response = staff_client.post(
        _status_url(recommendation),
        {"target": target.pk, "status": Status.RAISED, "happened_on": future},
    )
    assert response.status_code == 400
    assert "cannot be in the future" in response.content.decode()
    assert not StatusChange.objects.exists()


def test_out_of_order_status_date_is_refused_by_the_service(staff_client, recommendation, target):
    add_entry(recommendation, target, Status.RAISED, datetime.date(2024, 5, 1))
    response = staff_client.post(
        _status_url(recommendation),
        {"target": target.pk, "status": Status.ACKNOWLEDGED, "happened_on": "2024-04-01"},
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "Status changes must be in date order" in content
    assert "1 May 2024" in content
    assert StatusChange.objects.count() == 1


def test_empty_status_form_is_refused(staff_client, recommendation):
    response = staff_client.post(_status_url(recommendation), {})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()


def test_status_for_a_body_that_is_not_a_target_is_refused(staff_client, recommendation):
    other = TargetBodyFactory(name="Cabinet Office", slug="cabinet-office")
    response = staff_client.post(
        _status_url(recommendation),
        {"target": other.pk, "status": Status.RAISED, "happened_on": "2024-01-01"},
    )
    assert response.status_code == 400
    assert not StatusChange.objects.exists()


def test_hostile_note_is_escaped_on_the_timeline(staff_client, recommendation, target):
    staff_client.post(
        _status_url(recommendation),
        {
            "target": target.pk,
            "status": Status.RAISED,
            "happened_on": "2024-01-01",
            "note": "<img src=x onerror=alert(1)>",
        },
    )
    content = staff_client.get(
        reverse("influence:staff_edit", args=[recommendation.slug])
    ).content.decode()
    assert "<img src=x onerror" not in content
    assert "&lt;img src=x onerror=alert(1)&gt;" in content


# --- Corrections ---------------------------------------------------------------------------


def test_correction_keeps_the_old_entry_and_is_audited(staff_client, recommendation, target):
    old = add_entry(recommendation, target, Status.ACCEPTED, datetime.date(2024, 3, 1))
    url = reverse("influence:staff_correct", args=[recommendation.slug, old.pk])
    assert staff_client.get(url).status_code == 200
    response = staff_client.post(
        url,
        {"status": Status.CONSIDERING, "happened_on": "2024-03-01", "note": "Misread the reply."},
    )
    assert response.status_code == 302
    old.refresh_from_db()
    assert old.status == Status.ACCEPTED
    assert old.corrected_by is not None
    assert old.corrected_by.status == Status.CONSIDERING
    assert StatusChange.objects.count() == 2
    audited = AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(StatusChange), object_id=str(old.pk)
    )
    assert audited.exists()
    page = staff_client.get(reverse("influence:staff_edit", args=[recommendation.slug]))
    content = page.content.decode()
    assert "<del>Accepted in principle</del>" in content
    assert "Under consideration" in content


def test_correction_to_a_future_date_is_refused(staff_client, recommendation, target):
    old = add_entry(recommendation, target, Status.RAISED, datetime.date(2024, 3, 1))
    future = (TODAY() + datetime.timedelta(days=10)).isoformat()
    response = staff_client.post(
        reverse("influence:staff_correct", args=[recommendation.slug, old.pk]),
        {"status": Status.RAISED, "happened_on": future},
    )
    assert response.status_code == 400
    old.refresh_from_db()
    assert old.corrected_by is None


def test_correction_out_of_order_is_refused(staff_client, recommendation, target):
    first = add_entry(recommendation, target, Status.RAISED, datetime.date(2024, 3, 1))
    add_entry(recommendation, target, Status.ACKNOWLEDGED, datetime.date(2024, 4, 1))
    response = staff_client.post(
        reverse("influence:staff_correct", args=[recommendation.slug, first.pk]),
        {"status": Status.RAISED, "happened_on": "2024-05-01"},
    )
    assert response.status_code == 400
    assert "The entry after this one is dated 1 April 2024." in response.content.decode()


def test_an_entry_can_only_be_corrected_once(staff_client, recommendation, target):
    old = add_entry(recommendation, target, Status.RAISED, datetime.date(2024, 3, 1))
    url = reverse("influence:staff_correct", args=[recommendation.slug, old.pk])
    staff_client.post(url, {"status": Status.ACKNOWLEDGED, "happened_on": "2024-03-01"})
    response = staff_client.post(url, {"status": Status.REJECTED, "happened_on": "2024-03-01"})
    assert response.status_code == 400
    assert StatusChange.objects.count() == 2


def test_correcting_another_recommendations_entry_is_404(staff_client, recommendation, target):
    other = RecommendationFactory(targets=[target])
    entry = add_entry(other, target, Status.RAISED, datetime.date(2024, 3, 1))
    url = reverse("influence:staff_correct", args=[recommendation.slug, entry.pk])
    assert staff_client.get(url).status_code == 404


# --- Merging and repeats -------------------------------------------------------------------


def test_merge_asks_for_confirmation_then_moves_everything_and_redirects(
    staff_client, recommendation, target
):
    duplicate = RecommendationFactory(
        title="Abolish short sentences", slug="abolish-short-sentences", targets=[target]
    )
    add_entry(duplicate, target, Status.RAISED, datetime.date(2023, 6, 1))
    url = reverse("influence:staff_merge", args=[duplicate.slug])
    assert staff_client.get(url).status_code == 200
    confirm = staff_client.post(url, {"into": recommendation.slug})
    assert confirm.status_code == 200
    assert "Confirm the merge" in confirm.content.decode()
    duplicate.refresh_from_db()
    assert duplicate.merged_into is None

    done = staff_client.post(url, {"into": recommendation.slug, "confirm": "yes"})
    assert done["Location"] == reverse("influence:staff_edit", args=[recommendation.slug])
    duplicate.refresh_from_db()
    assert duplicate.merged_into == recommendation
    assert StatusChange.objects.get().recommendation == recommendation
    # The old public address now leads to the recommendation it was merged into.
    old_page = Client().get(duplicate.get_absolute_url())
    assert old_page.status_code in (301, 302)
    assert old_page["Location"].endswith(recommendation.get_absolute_url())
    # The old staff address too.
    edit = staff_client.get(reverse("influence:staff_edit", args=[duplicate.slug]))
    assert edit["Location"] == reverse("influence:staff_edit", args=[recommendation.slug])


def test_merge_into_itself_is_not_offered(staff_client, recommendation):
    response = staff_client.post(
        reverse("influence:staff_merge", args=[recommendation.slug]),
        {"into": recommendation.slug, "confirm": "yes"},
    )
    assert response.status_code == 400
    recommendation.refresh_from_db()
    assert recommendation.merged_into is None


def test_mark_as_repeat_and_refuse_a_loop(staff_client, recommendation):
    later = RecommendationFactory(title="Short sentences again", slug="short-sentences-again")
    response = staff_client.post(
        reverse("influence:staff_repeats", args=[later.slug]), {"earlier": recommendation.slug}
    )
    assert response.status_code == 302
    later.refresh_from_db()
    assert later.repeats == recommendation
    loop = staff_client.post(
        reverse("influence:staff_repeats", args=[recommendation.slug]), {"earlier": later.slug}
    )
    assert loop.status_code == 400
    assert "loop" in loop.content.decode()
    staff_client.post(reverse("influence:staff_repeats", args=[later.slug]), {"action": "remove"})
    later.refresh_from_db()
    assert later.repeats is None


# --- The influence log ---------------------------------------------------------------------


def test_record_an_activity_and_filter_the_log(staff_client, recommendation, target):
    organisation = OrganisationFactory(name="Open Doors Housing")
    response = staff_client.post(
        reverse("influence:staff_log_new"),
        {
            "kind": InfluenceActivity.Kind.MEETING,
            "happened_on": "2024-06-10",
            "title": "Met the prisons minister",
            "description": "Discussed short sentences.",
            "recommendations": [recommendation.pk],
            "targets": [target.pk],
            "organisations": [organisation.pk],
        },
    )
    assert response.status_code == 302
    activity = InfluenceActivity.objects.get()
    assert list(activity.organisations.all()) == [organisation]
    InfluenceActivity.objects.create(
        kind=InfluenceActivity.Kind.LETTER, happened_on=datetime.date(2023, 1, 5), title="Wrote"
    )
    log = reverse("influence:staff_log")
    assert "Met the prisons minister" in staff_client.get(log).content.decode()
    filtered = staff_client.get(log, {"kind": "meeting", "target": target.slug, "year": 2024})
    content = filtered.content.decode()
    assert "Met the prisons minister" in content and "Wrote" not in content
    other_year = staff_client.get(log, {"year": 2023}).content.decode()
    assert "Wrote" in other_year and "Met the prisons minister" not in other_year
    assert staff_client.get(log, {"kind": "nonsense"}).status_code == 400


def test_activity_bad_input(staff_client):
    future = (TODAY() + datetime.timedelta(days=2)).isoformat()
    response = staff_client.post(
        reverse("influence:staff_log_new"),
        {"kind": "", "happened_on": future, "title": "<b>x</b>"},
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "cannot be in the future" in content
    assert "<b>x</b>" not in content
    assert not InfluenceActivity.objects.exists()
