"""The benchmark's seeding and table, at a tiny scale, so `make bench` does not rot unseen.
(Speed itself is only ever measured by the benchmark, never here.)"""

import pytest

from bench.sections import consultations as section
from consultations.consent import publishable_quotes
from consultations.models import Block, Quote

pytestmark = pytest.mark.django_db


def test_seeding_builds_coded_quotes_and_a_long_submission():
    report = section.seed(20)
    assert report["contributions"] == 20
    assert report["quotes"] == 200 and report["uncoded"] == 20
    assert Quote.objects.filter(codings__isnull=True).count() == 20
    section.build_long_submission(report["consultation"], report["staff"])
    quoted = Quote.objects.filter(blocks__isnull=False)
    assert quoted.exists() and publishable_quotes(quoted).count() == quoted.count()
    assert Block.objects.filter(kind="recommendation").count() == 16


def test_the_table_reports_each_target(capsys):
    report = {
        "contributions": 5000,
        "quotes": 50000,
        "uncoded": 5000,
        "seed_seconds": 30,
        "summary_p50_ms": 90,
        "summary_p95_ms": 250,
        "suggest_seconds": 4,
        "docx_seconds": 0.5,
        "pdf_seconds": 5,
        "pdf_pages": 41,
    }
    failures = section.print_table("SQLite", report)
    assert failures == ["Consultations SQLite theme summary p95: 250 ms (target < 200 ms)"]
    assert "PDF (41 pages)" in capsys.readouterr().out
