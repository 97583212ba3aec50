"""The tracker in a real browser: a visitor narrows it and reads a timeline; staff record a
status change with evidence and see it on the public page. axe-core checks every page."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from core.tests.browser_support import axe_check, log_in
from core.tests.factories import StaffFactory
from influence.models import Status, StatusChange
from influence.tests.factories import RecommendationFactory, TargetBodyFactory, add_entry

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def tracker():
    moj = TargetBodyFactory(name="Ministry of Justice", slug="ministry-of-justice")
    home = TargetBodyFactory(name="Home Office", slug="home-office")
    short = RecommendationFactory(
        title="End short prison sentences",
        slug="end-short-prison-sentences",
        targets=[moj],
        published=True,
    )
    add_entry(short, moj, Status.RAISED, datetime.date(2023, 4, 3), note="Raised at a meeting.")
    add_entry(
        short,
        moj,
        Status.CONSIDERING,
        datetime.date(2024, 1, 15),
        note="The minister promised a review.",
    )
    drugs = RecommendationFactory(
        title="Move drug policy to health", slug="move-drug-policy", targets=[home], published=True
    )
    add_entry(drugs, home, Status.RAISED, datetime.date(2023, 6, 1))
    records = RecommendationFactory(
        title="Reform criminal records",
        slug="reform-criminal-records",
        targets=[moj],
        published=True,
    )
    add_entry(records, moj, Status.REJECTED, datetime.date(2023, 9, 1))
    return {"moj": moj, "home": home, "short": short}


def facet(page, label):
    return page.get_by_role("navigation", name=label, exact=True)


def open_facet(page, label):
    nav = facet(page, label)
    if not nav.locator("details").evaluate("details => details.open"):
        nav.get_by_text(label, exact=True).click()
    return nav


def test_visitor_filters_by_target_and_status_and_reads_a_timeline(page, live_server, tracker):
    page.goto(f"{live_server.url}/recommendations/")
    expect(page.locator("#results-heading")).to_contain_text("3 recommendations")
    axe_check(page)

    open_facet(page, "Asked of").get_by_role("link", name="Ministry of Justice", exact=True).click()
    expect(page.locator("#results-heading")).to_contain_text("2 recommendations")
    expect(page).to_have_url(re.compile(r"target=ministry-of-justice"))
    open_facet(page, "Current status").get_by_role(
        "link", name="Under consideration", exact=True
    ).click()
    expect(page.locator("#results-heading")).to_contain_text("1 recommendation")
    expect(page).to_have_url(re.compile(r"status=considering"))
    results = page.locator(".tracker-list")
    expect(results).to_contain_text("End short prison sentences")
    expect(results).not_to_contain_text("Reform criminal records")
    expect(results).not_to_contain_text("Move drug policy to health")
    axe_check(page)

    results.get_by_role("link", name="End short prison sentences").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("End short prison sentences")
    timeline = page.locator(".timeline")
    expect(timeline).to_contain_text("3 April 2023")
    expect(timeline).to_contain_text("Raised with the target")
    expect(timeline).to_contain_text("The minister promised a review.")
    axe_check(page)


def test_staff_record_a_status_with_evidence_and_the_public_sees_it(
    page, new_page, live_server, tracker, tmp_path
):
    staff = StaffFactory(email="sam@example.org", name="Sam Staff")
    log_in(page, live_server.url, staff.email)
    short = tracker["short"]
    page.goto(f"{live_server.url}/recommendations/{short.slug}/edit/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("End short prison sentences")
    axe_check(page)

    page.get_by_role("link", name="Record a status change").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Record a status change")
    axe_check(page)
    page.get_by_label("Target body").select_option(label="Ministry of Justice")
    page.get_by_label("Status").select_option("accepted")
    page.locator("#id_happened_on").fill(datetime.date.today().isoformat())
    page.get_by_label("Note").fill("The white paper adopts a presumption against short terms.")
    page.get_by_label("Link to the evidence").fill("https://www.gov.uk/government/white-paper")
    letter = tmp_path / "reply.pdf"
    letter.write_bytes(b"%PDF-1.4\n% a minister's reply\n")
    page.get_by_label("Or upload the evidence").set_input_files(str(letter))
    page.get_by_role("button", name="Record it").click()

    expect(page.locator(".messages")).to_contain_text("Recorded: Accepted in principle")
    expect(page.locator("#timeline")).to_contain_text("Accepted in principle")
    axe_check(page)
    entry = StatusChange.objects.get(status=Status.ACCEPTED)
    assert entry.evidence_file.name.endswith(".pdf")

    visitor = new_page()
    visitor.goto(f"{live_server.url}{short.get_absolute_url()}")
    timeline = visitor.locator(".timeline")
    expect(timeline).to_contain_text("Accepted in principle")
    expect(timeline).to_contain_text("The white paper adopts a presumption")
    document = timeline.get_by_role("link", name=re.compile("the document"))
    expect(document).to_be_visible()
    axe_check(visitor)
    with visitor.expect_download() as download:
        document.click()
    assert download.value.suggested_filename == "reply.pdf"


def test_staff_dashboard_is_accessible(page, live_server, tracker):
    staff = StaffFactory(email="dee@example.org", name="Dee Staff")
    log_in(page, live_server.url, staff.email)
    page.goto(f"{live_server.url}/recommendations/dashboard/?by=quarter")
    expect(page.get_by_role("img", name=re.compile("Recommendations by status"))).to_be_visible()
    expect(page.locator("table.chart-data caption")).to_contain_text("by status")
    axe_check(page)
    page.goto(f"{live_server.url}/recommendations/log/new/")
    axe_check(page)
    page.goto(f"{live_server.url}/recommendations/new/")
    axe_check(page)
