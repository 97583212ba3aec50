"""The submission in a real browser: staff build it (insert a quote and a recommendation,
save versions and compare them), and a contributor reads what happened to their input.
axe-core checks every page."""

import pytest
from playwright.sync_api import expect

from consultations.feedback import services as feedback
from consultations.models import Block
from consultations.submission.services import publishing
from consultations.tests.test_submission_world import build_world
from core.tests.browser_support import axe_check, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def world():
    world = build_world()
    Block.objects.filter(quote=world.named_quote).delete()  # staff insert it in the test
    return world


def test_staff_build_a_submission_save_versions_and_compare(page, live_server, world):
    log_in(page, live_server.url, world.staff.email)
    page.goto(f"{live_server.url}/consultations/{world.consultation.slug}/submission/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Submission builder")
    axe_check(page)

    page.get_by_role("link", name="Question 1: What helps on the day of release?").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Question 1")
    picker = page.locator("#quote-picker")
    expect(picker).to_contain_text("Cannot be inserted: Its contributor has withdrawn consent.")
    axe_check(page)
    picker.locator(".quote-row", has_text="PUBLIC words").get_by_role("button").click()
    expect(page.locator(".messages")).to_contain_text("Quote inserted.")
    expect(page.locator("#blocks-section")).to_contain_text("PUBLIC words: a phone and a bed")

    page.get_by_label("Short title").fill("Fund peer mentors at the gate")
    page.get_by_label("Full text").fill("Every prison should fund peer mentors to meet people.")
    page.get_by_role("button", name="Create and add").click()
    expect(page.locator(".messages")).to_contain_text("Recommendation added")
    expect(page.locator("#blocks-section")).to_contain_text("Fund peer mentors at the gate")
    axe_check(page)

    page.get_by_role("navigation", name="Submission").get_by_role("link", name="Versions").click()
    page.get_by_label("What changed (optional)").fill("Quote and recommendation in")
    page.get_by_role("button", name="Save a version").click()
    expect(page.locator(".messages")).to_contain_text("Saved as version 1")

    page.goto(f"{live_server.url}/consultations/{world.consultation.slug}/submission/")
    page.get_by_role("link", name="Question 2: What gets in the way?").click()
    page.get_by_role("textbox", name="Narrative text").fill(
        "Release on a Friday came up in every roundtable."
    )
    page.get_by_role("button", name="Add text").click()
    expect(page.locator(".messages")).to_contain_text("Narrative text added.")

    page.get_by_role("navigation", name="Submission").get_by_role("link", name="Versions").click()
    page.get_by_role("button", name="Save a version").click()
    expect(page.locator(".messages")).to_contain_text("Saved as version 2")
    axe_check(page)
    page.get_by_role("button", name="Compare").click()
    expect(page.get_by_role("heading", level=2)).to_contain_text(
        "Version 1 compared with version 2"
    )
    expect(page.locator(".diff ins")).to_contain_text(
        "Added: Release on a Friday came up in every roundtable."
    )
    axe_check(page)

    page.get_by_role("link", name="Preview").click()
    expect(page.locator(".submission-document")).to_contain_text("Fund peer mentors at the gate")
    expect(page.locator(".submission-document")).not_to_contain_text("SECRET")
    axe_check(page)

    page.get_by_role("link", name="Feedback to contributors").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Feedback to contributors")
    expect(page.locator("main")).to_contain_text("once the submission has been marked as sent")
    axe_check(page)


def test_a_contributor_reads_what_happened_to_their_input(page, live_server, world):
    Block.objects.create(
        section=world.section, kind=Block.Kind.QUOTE, quote=world.named_quote, position=0
    )
    publishing.mark_as_sent(world.staff, world.submission)
    publishing.publish(world.staff, world.submission)
    feedback.send_outcomes(world.consultation)

    log_in(page, live_server.url, world.member.email)
    page.goto(f"{live_server.url}/consultations/my-input/")
    expect(page.get_by_role("heading", level=1)).to_have_text("What happened to your input")
    outcome = page.locator("main")
    expect(outcome).to_contain_text("PUBLIC words: a phone and a bed")
    expect(outcome).to_contain_text("Housing on release")
    expect(outcome).to_contain_text("Raised with the target (Ministry of Justice)")
    expect(outcome).not_to_contain_text("SECRET")
    axe_check(page)

    page.goto(f"{live_server.url}/consultations/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Consultations")
    axe_check(page)
    page.goto(f"{live_server.url}/consultations/my-input/")
    page.get_by_role("link", name="Read the submission").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(world.consultation.title)
    expect(page.locator("#submission")).to_contain_text("PUBLIC words: a phone and a bed")
    axe_check(page)
