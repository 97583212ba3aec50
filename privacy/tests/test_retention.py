"""Retention rules: listed publicly, applied by a daily command that is safe twice."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from members.models import ImportJob, MembershipApplication
from privacy.services.retention import apply_all

pytestmark = pytest.mark.django_db


def _declined(days_ago: int) -> MembershipApplication:
    return MembershipApplication.objects.create(
        organisation_name="Declined Org",
        org_type="charity",
        description="x",
        contact_name="Lee",
        contact_email="lee@example.org",
        consent_text="I agree.",
        status="declined",
        decided_at=timezone.now() - datetime.timedelta(days=days_ago),
    )


def test_dry_run_counts_and_changes_nothing(capsys):
    _declined(400)
    call_command("apply_retention", "--dry-run")
    assert "members.declined_applications: 1 would change" in capsys.readouterr().out
    assert MembershipApplication.objects.count() == 1


def test_old_declined_applications_go_and_a_second_run_changes_nothing():
    _declined(400)
    recent = _declined(30)
    first = {o.key: o.changed for o in apply_all()}
    assert first["members.declined_applications"] == 1
    assert list(MembershipApplication.objects.all()) == [recent]
    assert all(o.changed == 0 for o in apply_all())


def test_import_file_contents_are_dropped_after_thirty_days():
    job = ImportJob.objects.create(filename="members.csv", content="name,email\nA,a@b.org")
    ImportJob.objects.filter(pk=job.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=31)
    )
    apply_all()
    job.refresh_from_db()
    assert job.content == "" and job.filename == "members.csv"


def test_media_full_text_rule_is_off_while_full_texts_are_kept(settings):
    settings.MEDIA_KEEP_FULL_TEXT = True
    outcome = next(o for o in apply_all() if o.key == "media.full_texts")
    assert not outcome.active


def test_the_rules_are_listed_for_everyone(client):
    response = client.get(reverse("retention_rules"))
    assert response.status_code == 200
    assert b"Declined membership applications" in response.content
    assert b"12 months after the decision" in response.content


def test_contacts_of_organisations_that_left_long_ago_are_erased_others_kept():
    from members.models import Person
    from members.tests.factories import AffiliationFactory, MembershipFactory

    long_gone = AffiliationFactory(person__email="gone@example.org")
    MembershipFactory(
        organisation=long_gone.organisation,
        status="left",
        renewal_due=timezone.localdate() - datetime.timedelta(days=800),
    )
    recent = AffiliationFactory(person__email="recent@example.org")
    MembershipFactory(
        organisation=recent.organisation,
        status="lapsed",
        renewal_due=timezone.localdate() - datetime.timedelta(days=100),
    )
    active = AffiliationFactory(person__email="active@example.org")
    MembershipFactory(organisation=active.organisation)
    changed = {o.key: o.changed for o in apply_all()}
    assert changed["members.inactive_contacts"] == 2  # the person, and their affiliation
    assert sorted(Person.objects.exclude(email=None).values_list("email", flat=True)) == [
        "active@example.org",
        "recent@example.org",
    ]
    assert {o.key: o.changed for o in apply_all()}["members.inactive_contacts"] == 0


def test_sign_in_records_go_after_ninety_days():
    from axes.models import AccessAttempt

    old = AccessAttempt.objects.create(
        username="someone@example.org", ip_address="203.0.113.9", failures_since_start=1
    )
    AccessAttempt.objects.filter(pk=old.pk).update(
        attempt_time=timezone.now() - datetime.timedelta(days=91)
    )
    AccessAttempt.objects.create(username="today@example.org", failures_since_start=1)
    apply_all()
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["today@example.org"]
