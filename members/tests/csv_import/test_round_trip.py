"""Export then import is lossless, and values stay text."""

import datetime
import io

import pytest
from django.core.management import call_command

from members.models import Membership, Organisation
from members.services.csv.export import export_csv
from members.tests.csv_import.support import (
    generated_rows,
    import_text,
    row,
    to_csv,
    upload,
)

pytestmark = pytest.mark.django_db


def test_export_then_import_into_an_empty_database_is_lossless(networks):
    tricky = [
        row(
            '=HYPERLINK("http://evil.example")',
            description="+44 20 7946 0000 and -5 degrees; @everyone\n'quoted' \"double\"",
            themes="housing;criminal-records",
            **{"cja status": "active", "cja joined": "2019-01-31"},
        ),
        row("'t Hooft Foundation", description="'=already escaped by hand"),
        row(
            "Café Ünïcode & Partners CIC",
            type="social_enterprise",
            size_band="micro",
            website="https://café.example.org",
            description="Line one\r\nLine two",
        ),
        row(
            "<script>alert('x')</script> Aid",
            description="<b>bold</b> &amp;",
            company_number="SC123456",
            by_and_for="yes",
        ),
        # Two organisations may share a name when their slugs tell them apart.
        row("Women's Aid", slug="womens-aid-leeds", charity_number="SC012345"),
        row(
            "Womens Aid",
            slug="womens-aid-york",
            charity_number="NIC123456",
            **{"yjn status": "lapsed", "yjn renewal due": "2024-02-29"},
        ),
    ]
    import_text(to_csv(tricky + generated_rows(25)))
    first = export_csv()
    out = io.StringIO()
    call_command("export_members", stdout=out)
    assert out.getvalue() == first, "the command writes exactly what the web exports"

    Organisation.objects.all().delete()
    assert not Membership.objects.exists()
    import_text(first)
    second = export_csv()
    assert second.encode() == first.encode()
    assert Organisation.objects.get(slug="womens-aid-york").memberships.get().renewal_due == (
        datetime.date(2024, 2, 29)
    )
    assert Organisation.objects.filter(name='=HYPERLINK("http://evil.example")').exists()


def test_html_in_values_is_stored_as_text_and_escaped_on_pages(staff_client, networks):
    text = to_csv([row("<script>alert(1)</script> Trust", description="<img src=x onerror=y>")])
    response = upload(staff_client, text)
    preview = staff_client.get(response["Location"])
    assert b"<script>alert(1)</script>" not in preview.content
    assert b"&lt;script&gt;alert(1)&lt;/script&gt; Trust" in preview.content
    staff_client.post(response["Location"], {"action": "confirm"})
    org = Organisation.objects.get()
    assert org.name == "<script>alert(1)</script> Trust"
    assert org.description == "<img src=x onerror=y>"
