"""manage.py import_articles and ingest_feeds: progress, clear messages, exit status."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from media.models import Article, IngestBatch
from media.tests.factories import FILES, FeedFactory, OutletFactory, jsonl

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk():
    return OutletFactory(
        name="Northern Desk", slug="northern-desk", domains="northern-desk.example"
    )


def _rows(count: int) -> bytes:
    return jsonl(
        *(
            {
                "url": f"https://www.northern-desk.example/c/{n}",
                "outlet": "northern-desk",
                "title": f"Court backlog story {n}",
                "date": "2025-05-01",
                "text": f"Story {n}. The crown court backlog fell slightly, figures show.",
            }
            for n in range(count)
        )
    )


def _run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_articles", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_import_reports_progress_and_is_safe_to_repeat(desk, tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_bytes(_rows(3))
    out, _ = _run(str(path))
    assert "3 of 3 read" in out and "3 articles added" in out
    out, _ = _run(str(path))
    assert "0 articles added, 3 duplicates merged" in out
    assert Article.objects.count() == 3


def test_rows_with_problems_exit_2_and_are_listed(desk):
    with pytest.raises(CommandError) as error:
        _run(str(FILES / "truncated.jsonl"))
    assert error.value.returncode == 2
    assert "2 articles added" in str(error.value) and "1 rejected" in str(error.value)
    assert Article.objects.count() == 2


def test_a_file_that_cannot_be_imported_exits_1(desk, tmp_path):
    path = tmp_path / "wrong.csv"
    path.write_bytes(b"headline,when\nA,B\n")
    with pytest.raises(CommandError, match="no 'url'") as error:
        _run(str(path))
    assert error.value.returncode == 1
    assert IngestBatch.objects.get().status == IngestBatch.Status.FAILED


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["/no/such/file.jsonl"], "There is no file"),
        ([str(FILES / "good_rss.xml")], "not a file the monitor can import"),
        ([str(FILES / "non_utf8_page.html"), "--outlet", "nobody"], "There is no outlet"),
    ],
)
def test_bad_arguments_are_refused_clearly(desk, args, message):
    with pytest.raises(CommandError, match=message):
        _run(*args)
    assert Article.objects.count() == 0


def test_a_saved_page_imports_with_an_outlet(desk):
    out, _ = _run(str(FILES / "non_utf8_page.html"), "--outlet", "northern-desk")
    assert "1 article added" in out


def test_ingest_feeds_with_nothing_due_says_so(desk):
    out = io.StringIO()
    call_command("ingest_feeds", stdout=out)
    assert "No feeds are due" in out.getvalue()


def test_ingest_feeds_needs_fetching_switched_on(desk):
    FeedFactory(outlet=desk)
    with pytest.raises(CommandError, match="MEDIA_FETCH_ENABLED=1"):
        call_command("ingest_feeds", stdout=io.StringIO())
