"""The tracker's rules: date order, no future dates, audited corrections, publishing,
merging, repeats, and current status derived per target."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from core.audit import history_for
from core.tests.factories import StaffFactory
from influence.models import Evidence, InfluenceActivity, Recommendation, Status, StatusChange
from influence.services import recommendations, timeline
from influence.services import status as status_changes
from influence.tests.factories import RecommendationFactory, TargetBodyFactory, add_entry
from library.tests.factories import ResourceFactory
from members.tests.factories import NetworkFactory
from taxonomy.models import Term

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def staff():
    return StaffFactory()


@pytest.fixture
def moj():
    return TargetBodyFactory(name="Ministry of Justice", slug="ministry-of-justice")


@pytest.fixture
def hmpps():
    return TargetBodyFactory(name="HM Prison and Probation Service", slug="hmpps")


@pytest.fixture
def recommendation(moj, hmpps):
    return RecommendationFactory(targets=[moj, hmpps], published=True)


# --- Recording ------------------------------------------------------------------------------


def test_recording_adds_an_audited_entry(staff, recommendation, moj):
    change = status_changes.record_status_change(
        staff, recommendation, moj, Status.RAISED, D(2024, 1, 10), note="Letter sent."
    )
    assert change.recorded_by == staff
    assert change.note == "Letter sent."
    entry = history_for(change).get()
    assert entry.action == "create" and entry.actor == staff


def test_an_entry_cannot_be_dated_before_the_latest_for_that_target(staff, recommendation, moj):
    status_changes.record_status_change(staff, recommendation, moj, Status.RAISED, D(2024, 3, 1))
    with pytest.raises(ValidationError) as error:
        status_changes.record_status_change(
            staff, recommendation, moj, Status.ACKNOWLEDGED, D(2024, 2, 28)
        )
    assert "date order" in str(error.value.message_dict["happened_on"])
    assert "1 March 2024" in str(error.value.message_dict["happened_on"])
    assert recommendation.status_changes.count() == 1
    # The same day is fine, and so is an earlier date with another target.
    status_changes.record_status_change(
        staff, recommendation, moj, Status.ACKNOWLEDGED, D(2024, 3, 1)
    )


def test_order_is_per_target(staff, recommendation, moj, hmpps):
    status_changes.record_status_change(staff, recommendation, moj, Status.RAISED, D(2024, 3, 1))
    status_changes.record_status_change(staff, recommendation, hmpps, Status.RAISED, D(2023, 1, 1))
    assert recommendation.status_changes.count() == 2


def test_an_entry_cannot_be_in_the_future(staff, recommendation, moj):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        status_changes.record_status_change(staff, recommendation, moj, Status.RAISED, tomorrow)
    assert status_changes.FUTURE_DATE in error.value.message_dict["happened_on"]
    status_changes.record_status_change(
        staff, recommendation, moj, Status.RAISED, timezone.localdate()
    )


def test_bad_values_are_refused_with_messages(staff, recommendation, moj):
    stranger = TargetBodyFactory(name="Cabinet Office", slug="cabinet-office")
    with pytest.raises(ValidationError) as error:
        status_changes.record_status_change(
            staff,
            recommendation,
            stranger,
            "finished",
            D(2024, 1, 1),
            note="x" * (status_changes.MAX_NOTE_LENGTH + 1),
            evidence_url="javascript:alert(1)",
            evidence_file=SimpleUploadedFile("run.exe", b"MZ"),
        )
    errors = error.value.message_dict
    assert set(errors) >= {"status", "target", "note", "evidence_url", "evidence_file"}
    assert not StatusChange.objects.exists()


def test_evidence_link_and_file_are_kept(staff, recommendation, moj, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    change = status_changes.record_status_change(
        staff,
        recommendation,
        moj,
        Status.ACCEPTED,
        D(2024, 5, 1),
        evidence_url="https://www.gov.uk/response",
        evidence_file=SimpleUploadedFile("response-letter.pdf", b"%PDF-1.4 letter"),
    )
    assert change.evidence_url == "https://www.gov.uk/response"
    assert change.evidence_file.name.endswith(".pdf")
    assert history_for(change).exists()


# --- Corrections ----------------------------------------------------------------------------


def test_a_correction_keeps_the_old_entry_and_is_audited(staff, recommendation, moj):
    old = status_changes.record_status_change(
        staff, recommendation, moj, Status.ACCEPTED, D(2024, 5, 1), note="Accepted."
    )
    new = status_changes.correct_status_change(staff, old, status=Status.CONSIDERING, note="Typo.")
    old.refresh_from_db()
    assert old.corrected_by == new
    assert old.status == Status.ACCEPTED  # the old value is kept
    assert new.status == Status.CONSIDERING and new.happened_on == old.happened_on
    assert timeline.current_statuses(recommendation)[moj] == new
    audit = history_for(old).first()
    assert audit.action == "update" and "corrected_by" in audit.changes
    assert history_for(new).get().action == "create"
    with pytest.raises(ValidationError):
        status_changes.correct_status_change(staff, old, status=Status.REJECTED)


def test_a_corrected_date_must_stay_between_its_neighbours(staff, recommendation, moj):
    status_changes.record_status_change(staff, recommendation, moj, Status.RAISED, D(2024, 1, 1))
    middle = status_changes.record_status_change(
        staff, recommendation, moj, Status.ACKNOWLEDGED, D(2024, 2, 1)
    )
    status_changes.record_status_change(staff, recommendation, moj, Status.ACCEPTED, D(2024, 3, 1))
    with pytest.raises(ValidationError):
        status_changes.correct_status_change(staff, middle, happened_on=D(2024, 4, 1))
    with pytest.raises(ValidationError):
        status_changes.correct_status_change(staff, middle, happened_on=D(2023, 12, 1))
    with pytest.raises(ValidationError):
        status_changes.correct_status_change(
            staff, middle, happened_on=timezone.localdate() + datetime.timedelta(days=3)
        )
    fixed = status_changes.correct_status_change(staff, middle, happened_on=D(2024, 2, 15))
    assert fixed.happened_on == D(2024, 2, 15)


def test_unknown_fields_cannot_be_corrected(staff, recommendation, moj):
    change = status_changes.record_status_change(
        staff, recommendation, moj, Status.RAISED, D(2024, 1, 1)
    )
    with pytest.raises(ValueError):
        status_changes.correct_status_change(staff, change, recommendation=None)


# --- Derived status -------------------------------------------------------------------------


def test_current_status_is_the_latest_uncorrected_entry_per_target(recommendation, moj, hmpps):
    add_entry(recommendation, moj, Status.RAISED, D(2023, 1, 1))
    latest_moj = add_entry(recommendation, moj, Status.REJECTED, D(2023, 6, 1))
    add_entry(recommendation, hmpps, Status.RAISED, D(2023, 1, 1))
    correction = add_entry(recommendation, hmpps, Status.PARTIAL, D(2024, 1, 1))
    add_entry(recommendation, hmpps, Status.IMPLEMENTED, D(2024, 1, 1), corrected_by=correction)
    current = timeline.current_statuses(recommendation)
    assert current == {hmpps: correction, moj: latest_moj}
    rows = timeline.current_status_rows(Recommendation.objects.all())
    assert {c.pk for c in rows[recommendation.pk]} == {correction.pk, latest_moj.pk}
    assert set(timeline.current_changes()) == {correction, latest_moj}
    assert timeline.most_advanced(rows[recommendation.pk]) == correction


def test_current_status_rows_cost_one_query_for_any_number(django_assert_num_queries, moj):
    recommendations = [RecommendationFactory(targets=[moj]) for _ in range(5)]
    for r in recommendations:
        add_entry(r, moj, Status.RAISED, D(2023, 1, 1))
    with django_assert_num_queries(1):
        rows = timeline.current_status_rows(recommendations)
    assert all(len(rows[r.pk]) == 1 for r in recommendations)


def test_median_days_from_raised_to_first_response(moj):
    for raised, response in [(D(2023, 1, 1), D(2023, 1, 11)), (D(2023, 2, 1), D(2023, 3, 3))]:
        r = RecommendationFactory(targets=[moj], published=True)
        add_entry(r, moj, Status.RAISED, raised)
        add_entry(r, moj, Status.ACKNOWLEDGED, response)
        add_entry(r, moj, Status.ACCEPTED, response + datetime.timedelta(days=90))
    r = RecommendationFactory(targets=[moj], published=True)
    add_entry(r, moj, Status.RAISED, D(2023, 1, 1))
    add_entry(r, moj, Status.REJECTED, D(2023, 1, 21))
    unanswered = RecommendationFactory(targets=[moj], published=True)
    add_entry(unanswered, moj, Status.RAISED, D(2023, 1, 1))
    assert timeline.median_response_days(moj) == 20  # of 10, 20 and 30 days
    assert timeline.median_response_days(TargetBodyFactory()) is None


# --- Publishing -----------------------------------------------------------------------------


def test_publishing_needs_a_target_and_a_source(staff):
    bare = RecommendationFactory(targets=[], sources=[])
    with pytest.raises(ValidationError) as error:
        recommendations.publish(staff, bare)
    assert len(error.value.messages) == 2
    bare.refresh_from_db()
    assert not bare.is_published
    bare.targets.add(TargetBodyFactory())
    with pytest.raises(ValidationError):
        recommendations.publish(staff, bare)
    bare.sources.add(ResourceFactory())
    recommendations.publish(staff, bare)
    bare.refresh_from_db()
    assert bare.is_published
    assert history_for(bare).filter(changes__has_key="is_published").exists()


def test_create_recommendation_gives_a_unique_slug(staff, moj):
    first = recommendations.create_recommendation(staff, title="End short sentences", text="Do it.")
    second = recommendations.create_recommendation(
        staff, title="End short sentences", text="Again.", targets=[moj], repeats=first
    )
    assert first.slug == "end-short-sentences" and second.slug == "end-short-sentences-2"
    assert second.repeats == first and not second.is_published


# --- Repeats --------------------------------------------------------------------------------


def test_repeats_link_both_ways_and_refuse_loops(staff):
    earlier, later = RecommendationFactory(published=True), RecommendationFactory(published=True)
    recommendations.link_repeat(staff, later, earlier)
    assert list(earlier.repeated_by.all()) == [later]
    with pytest.raises(ValidationError):
        recommendations.link_repeat(staff, earlier, later)
    with pytest.raises(ValidationError):
        recommendations.link_repeat(staff, later, later)
    assert history_for(later).filter(changes__has_key="repeats").exists()
    page = Client().get(earlier.get_absolute_url()).content.decode()
    assert later.title in page
    page = Client().get(later.get_absolute_url()).content.decode()
    assert "repeats an earlier recommendation" in page and earlier.title in page


# --- Merging --------------------------------------------------------------------------------


def test_merging_keeps_every_timeline_and_redirects(staff, moj, hmpps):
    keep = RecommendationFactory(targets=[moj], published=True, first_made_on=D(2023, 5, 1))
    duplicate = RecommendationFactory(targets=[hmpps], published=True, first_made_on=D(2022, 1, 1))
    network = NetworkFactory()
    duplicate.networks.add(network)
    theme = Term.objects.themes().first()
    duplicate.themes.add(theme)
    add_entry(keep, moj, Status.RAISED, D(2023, 5, 2))
    moved = add_entry(duplicate, hmpps, Status.ACCEPTED, D(2022, 3, 1))
    evidence = Evidence.objects.create(recommendation=duplicate, resource=ResourceFactory())
    activity = InfluenceActivity.objects.create(
        kind="meeting", happened_on=D(2022, 2, 1), title="Meeting"
    )
    activity.recommendations.add(duplicate)
    later = RecommendationFactory(published=True)
    recommendations.link_repeat(staff, later, duplicate)
    source = duplicate.sources.get()

    recommendations.merge_recommendations(staff, keep, duplicate)

    keep.refresh_from_db()
    duplicate.refresh_from_db()
    assert duplicate.merged_into == keep and not duplicate.is_published
    assert set(keep.status_changes.all()) >= {moved}
    assert set(keep.targets.all()) == {moj, hmpps}
    assert network in keep.networks.all() and theme in keep.themes.all()
    assert source in keep.sources.all()
    assert Evidence.objects.get(pk=evidence.pk).recommendation == keep
    assert list(activity.recommendations.all()) == [keep]
    later.refresh_from_db()
    assert later.repeats == keep
    assert keep.first_made_on == D(2022, 1, 1)
    assert timeline.current_statuses(keep)[hmpps] == moved
    assert history_for(duplicate).filter(changes__has_key="merged_into").exists()
    response = Client().get(duplicate.get_absolute_url())
    assert response.status_code == 301 and response["Location"] == keep.get_absolute_url()
    with pytest.raises(ValidationError):
        recommendations.merge_recommendations(staff, keep, duplicate)
    with pytest.raises(ValidationError):
        recommendations.merge_recommendations(staff, keep, keep)
    with pytest.raises(ValidationError):
        recommendations.publish(staff, duplicate)
    with pytest.raises(ValidationError):
        status_changes.record_status_change(staff, duplicate, hmpps, Status.RAISED, D(2024, 1, 1))


def test_a_chain_of_merges_redirects_to_the_last_one_kept(staff):
    first, second, third = (RecommendationFactory(published=True) for _ in range(3))
    recommendations.merge_recommendations(staff, second, first)
    recommendations.merge_recommendations(staff, third, second)
    first.refresh_from_db()
    assert first.merged_into == third
    response = Client().get(first.get_absolute_url())
    assert response["Location"] == third.get_absolute_url()
