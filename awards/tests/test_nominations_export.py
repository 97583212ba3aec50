"""Staff download a category's nominations as CSV: one line per nominator (a merged
duplicate keeps every nominator's words), formulas written by nominators arrive as text, the
status filter is kept, and every download is logged."""

import csv
import io

import pytest
from django.urls import reverse

from awards.models import NominationStatus
from awards.tests.factories import CategoryFactory, NominationFactory, NominatorFactory
from core.models import AuditEntry
from core.tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


def _download(client, category, **query):
    response = client.get(reverse("awards:staff_nominations_csv", args=[category.pk]), query)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(text)))


def test_one_line_per_nominator_with_the_nominations_columns(client):
    category = CategoryFactory()
    nomination = NominationFactory(category=category, nominee_name="Open Doors", nominator=False)
    NominatorFactory(nomination=nomination, name="Asha", statement="First words.",
                     answers=[["Lived experience?", "Yes"]])  # fmt: skip
    NominatorFactory(nomination=nomination, name="Ben", statement="Second words.")
    client.force_login(StaffFactory())
    rows = _download(client, category)
    assert [(r["Nominee"], r["Nominator"], r["Statement"]) for r in rows] == [
        ("Open Doors", "Asha", "First words."),
        ("Open Doors", "Ben", "Second words."),
    ]
    assert rows[0]["Reference"] == nomination.reference
    assert rows[0]["Answers"] == "Lived experience?: Yes"
    assert rows[0]["Status"] == "Eligible"


def test_hostile_cells_are_text_not_formulas(client):
    category = CategoryFactory()
    nomination = NominationFactory(category=category, nominee_name="=1+1", nominator=False)
    NominatorFactory(
        nomination=nomination, name="@SUM(A1)", statement='=HYPERLINK("http://x","click")'
    )
    client.force_login(StaffFactory())
    row = _download(client, category)[0]
    assert row["Nominee"] == "'=1+1"
    assert row["Nominator"] == "'@SUM(A1)"
    assert row["Statement"].startswith("'=HYPERLINK")


def test_the_status_filter_is_kept_and_an_unknown_status_means_all(client):
    category = CategoryFactory()
    NominationFactory(category=category, nominee_name="Kept")
    NominationFactory(category=category, nominee_name="Ruled out",
                      status=NominationStatus.INELIGIBLE)  # fmt: skip
    client.force_login(StaffFactory())
    eligible = _download(client, category, status="eligible")
    assert {r["Nominee"] for r in eligible} == {"Kept"}
    everything = _download(client, category, status="<script>")
    assert {r["Nominee"] for r in everything} == {"Kept", "Ruled out"}


def test_each_download_is_logged_and_other_categories_stay_out(client):
    category, other = CategoryFactory(), CategoryFactory()
    NominationFactory(category=other, nominee_name="Elsewhere")
    client.force_login(StaffFactory())
    assert _download(client, category) == []
    entry = AuditEntry.objects.filter(object_id=str(category.pk)).latest("pk")
    assert "nominations_export" in str(entry.changes)


def test_the_nominations_page_links_to_the_download(client):
    category = CategoryFactory()
    client.force_login(StaffFactory())
    page = client.get(
        reverse("awards:staff_nominations", args=[category.pk]), {"status": "eligible"}
    )
    assert reverse("awards:staff_nominations_csv", args=[category.pk]) + "?status=eligible" in (
        page.content.decode()
    )
