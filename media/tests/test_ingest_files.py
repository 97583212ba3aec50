"""Bulk files and saved pages: good rows are stored and analysed, bad ones are logged with
a reason and do not stop the rest, and a file can be imported again without changing anything."""

import csv
import io

import pytest

from media.ingest.batches import new_batch
from media.ingest.files import MAX_PAGE_BYTES, import_file
from media.models import Article, IngestBatch, IngestProblem, MonthlyFigure, Voice
from media.tests.factories import FILES, OutletFactory, import_bytes, jsonl

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk():
    return OutletFactory(
        name="Northern Desk", slug="northern-desk", domains="northern-desk.example"
    )


def _row(n: int, **fields) -> dict:
    return {
        "url": f"https://www.northern-desk.example/news/{n}",
        "outlet": "Northern Desk",
        "title": f"Prison education scheme reaches {n} learners",
        "date": "2025-03-0" + str(1 + n % 9),
        "text": f"Story {n}. Learners in prison passed {n} qualifications this year, the "
        "education provider said, and research shows education cuts reoffending.",
        **fields,
    }


def _csv(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def _figures() -> list[tuple]:
    return sorted(
        MonthlyFigure.objects.values_list(
            "outlet_id", "month", "part_id", "include_syndicated", "articles", "labels", "voices"
        ),
        key=repr,
    )


def _state() -> tuple:
    articles = sorted(
        Article.objects.values_list("url", "title", "text", "published_at", "score", "outlet_id")
    )
    return articles, Voice.objects.count(), Article.parts.through.objects.count(), _figures()


def test_jsonl_rows_become_analysed_articles(desk):
    batch = import_bytes("a.jsonl", jsonl(_row(1), _row(2, byline="By Jo Writer")))
    assert batch.status == IngestBatch.Status.DONE
    assert (batch.total, batch.processed, batch.created, batch.rejected) == (2, 2, 2, 0)
    article = Article.objects.get(url="https://www.northern-desk.example/news/2")
    assert article.outlet == desk
    assert article.byline == "Jo Writer"
    assert article.analysis is not None and article.analysed_at is not None
    assert article.word_count == len(article.text.split())
    assert article.signature is not None
    assert MonthlyFigure.objects.filter(outlet=desk, part=None, include_syndicated=True).exists()


def test_csv_rows_become_articles_and_outlet_can_come_from_the_address(desk):
    batch = import_bytes("a.csv", _csv([_row(1), _row(2, outlet="")]))
    assert (batch.status, batch.created) == (IngestBatch.Status.DONE, 2)
    assert set(Article.objects.values_list("outlet", flat=True)) == {desk.pk}


def test_each_bad_row_is_a_problem_with_a_reason_and_the_rest_are_stored(desk):
    rows = [
        _row(1),
        _row(2, url="not an address"),
        _row(3, outlet="The Unknown Gazette"),
        _row(4, title=""),
        _row(5, date="last Tuesday"),
        _row(6, text="   "),
        _row(7, date="2999-01-01"),
        _row(8, title="x" * 501),
        _row(9),
    ]
    batch = import_bytes("rows.jsonl", jsonl(*rows) + b"[1, 2]\n{not json}\n")
    assert (batch.status, batch.created, batch.rejected, batch.processed) == (
        IngestBatch.Status.DONE,
        2,
        9,
        11,
    )
    reasons = {p.location: p.reason for p in IngestProblem.objects.filter(batch=batch)}
    assert "address" in reasons["line 2"]
    assert "The Unknown Gazette" in reasons["line 3"] and "add the outlet" in reasons["line 3"]
    assert "no title" in reasons["line 4"]
    assert "not a date" in reasons["line 5"]
    assert "no text" in reasons["line 6"]
    assert "future" in reasons["line 7"]
    assert "longer than 500" in reasons["line 8"]
    assert "JSON object" in reasons["line 10"]
    assert "not valid JSON" in reasons["line 11"]


def test_truncated_jsonl_keeps_the_whole_lines_and_says_the_last_is_cut(desk):
    batch = import_bytes("t.jsonl", (FILES / "truncated.jsonl").read_bytes())
    assert (batch.status, batch.created, batch.rejected) == (IngestBatch.Status.DONE, 2, 1)
    assert "truncated" in batch.problems.get().reason
    assert batch.problems.get().location == "line 3"


def test_truncated_csv_keeps_the_whole_rows_and_says_the_last_is_cut(desk):
    batch = import_bytes("t.csv", (FILES / "truncated.csv").read_bytes())
    assert (batch.status, batch.created, batch.rejected) == (IngestBatch.Status.DONE, 2, 1)
    assert "truncated" in batch.problems.get().reason


def test_csv_row_with_missing_fields_is_a_problem(desk):
    data = _csv([_row(1)]) + b"https://www.northern-desk.example/x,Northern Desk\r\n"
    batch = import_bytes("short.csv", data)
    assert batch.created == 1
    assert "2 fields where the header has 5" in batch.problems.get().reason


def test_csv_without_the_needed_columns_is_refused_whole(desk):
    batch = import_bytes("wrong.csv", b"address,headline\nhttps://a.example/1,Hi\n")
    assert batch.status == IngestBatch.Status.FAILED
    assert "'url'" in batch.error and "'title'" in batch.error
    assert Article.objects.count() == 0
    assert batch.problems.count() == 1


def test_csv_that_is_not_utf8_is_refused_with_a_reason(desk):
    data = "url,outlet,title,date,text\nhttps://a.example/1,Northern Desk,Caf\u00e9,2025-01-01,Hi\n"
    batch = import_bytes("latin.csv", data.encode("latin-1"))
    assert batch.created == 0
    assert "UTF-8" in batch.problems.get().reason


def test_empty_files_are_refused_clearly(desk):
    assert "empty" in import_bytes("empty.csv", b"").error
    batch = import_bytes("empty.jsonl", b"\n\n")
    assert (batch.status, batch.created, batch.processed) == (IngestBatch.Status.DONE, 0, 0)


def test_hostile_html_in_a_row_is_stored_as_plain_text(desk):
    import_bytes(
        "x.jsonl",
        jsonl(
            _row(
                1,
                title="<script>alert(1)</script>Court backlog <b>grows</b>",
                text="<p>Figures show the backlog grew.</p><script>steal()</script>"
                "<img src=x onerror=alert(1)>",
            )
        ),
    )
    article = Article.objects.get()
    assert article.title == "Court backlog grows"
    assert "<" not in article.text and "steal" not in article.text
    assert "Figures show the backlog grew." in article.text


def test_importing_the_same_file_again_changes_nothing(desk):
    data = jsonl(*(_row(n) for n in range(12)), _row(99, outlet="Nobody"))
    first = import_bytes("same.jsonl", data, chunk_size=5)
    before = _state()
    again = import_bytes("same.jsonl", data, chunk_size=5)
    assert (first.created, again.created, again.merged) == (12, 0, 12)
    assert _state() == before


def test_a_crash_part_way_keeps_whole_chunks_only_and_a_rerun_finishes(desk, monkeypatch):
    from media.analysis import runs as analysing

    data = jsonl(*(_row(n) for n in range(10)))
    real = analysing.analyse

    def failing(title, text, guide=None):
        if "Story 7." in text:
            raise RuntimeError("worker killed")
        return real(title, text, guide=guide)

    monkeypatch.setattr(analysing, "analyse", failing)
    batch = import_bytes("crash.jsonl", data, chunk_size=3)
    assert batch.status == IngestBatch.Status.FAILED
    assert "import the same file again" in batch.error
    # Chunks [0-2] and [3-5] are stored whole; nothing of [6-8], the chunk that failed.
    assert Article.objects.count() == 6
    assert batch.processed == 6 and batch.created == 6
    assert Article.objects.filter(analysis__isnull=True).count() == 0
    monkeypatch.setattr(analysing, "analyse", real)
    rerun = import_bytes("crash.jsonl", data, chunk_size=3)
    assert (rerun.status, rerun.created, rerun.merged) == (IngestBatch.Status.DONE, 4, 6)
    clean_figures = _figures()
    from media.services.monthly_figures import rebuild_all_monthly_figures

    rebuild_all_monthly_figures()
    assert _figures() == clean_figures


def test_excerpt_only_installations_keep_300_characters_after_analysis(desk, settings):
    settings.MEDIA_KEEP_FULL_TEXT = False
    long_text = "The court heard evidence about the scheme. " * 40
    import_bytes("x.jsonl", jsonl(_row(1, text=long_text)))
    article = Article.objects.get()
    assert article.is_excerpt
    assert len(article.text) <= 301
    assert article.word_count == len(long_text.split())
    assert article.analysis["body"]["words"] == len(long_text.split())


def test_saved_page_in_another_encoding_is_read(desk):
    batch = import_bytes("cafe.html", (FILES / "non_utf8_page.html").read_bytes())
    assert batch.status == IngestBatch.Status.DONE, batch.error
    article = Article.objects.get()
    assert article.url == "https://www.northern-desk.example/news/cafe-award"
    assert "Café" in article.title
    assert "Sheffield" in article.text
    assert article.outlet == desk
    assert article.published_at.year == 2025


def test_page_that_cannot_be_decoded_is_refused_with_a_reason(desk):
    data = b"<html><body><p>" + bytes(range(128, 256)) * 40 + b"</p></body></html>"
    batch = import_bytes("binary.html", data, url="https://www.northern-desk.example/b")
    assert batch.status == IngestBatch.Status.FAILED
    assert Article.objects.count() == 0
    assert batch.problems.count() == 1


def test_page_without_text_is_logged_against_its_source(desk):
    batch = import_bytes("gallery.html", (FILES / "no_text_page.html").read_bytes())
    assert batch.status == IngestBatch.Status.FAILED or batch.rejected == 1
    assert Article.objects.count() == 0
    assert "text" in batch.problems.get().reason


def test_page_over_twenty_megabytes_is_refused_without_reading_it_all(desk):
    huge = b"<html><body><p>" + b"word " * (MAX_PAGE_BYTES // 5) + b"</p></body></html>"
    batch = new_batch(IngestBatch.Source.HTML, "huge.html")
    import_file(batch, io.BytesIO(huge), url="https://www.northern-desk.example/huge")
    assert batch.status == IngestBatch.Status.FAILED
    assert "20 MB limit" in batch.error
    assert batch.problems.get().location == "huge.html"
    assert Article.objects.count() == 0


def test_a_file_of_unknown_kind_is_refused():
    from media.ingest.batches import SourceProblem
    from media.ingest.files import kind_of

    with pytest.raises(SourceProblem):
        kind_of("notes.txt", b"Dear editor")
    assert kind_of("data", b'{"url": 1}') == IngestBatch.Source.JSONL


def test_a_huge_line_is_a_problem_and_the_next_lines_are_read(desk):
    huge = b'{"url": "https://www.northern-desk.example/huge", "text": "' + b"a" * (5 * 1024 * 1024)
    batch = import_bytes("huge.jsonl", jsonl(_row(1)) + huge + b'"}\n' + jsonl(_row(2)))
    assert (batch.total, batch.created, batch.rejected) == (3, 2, 1)
    assert "over 4 MB" in batch.problems.get().reason


def test_a_chosen_outlet_fills_rows_without_one_only(desk):
    other = OutletFactory(name="Valley Times", slug="valley-times")
    rows = jsonl(_row(1), _row(2, outlet="", url="https://elsewhere.example/2"))
    import_bytes("mixed.jsonl", rows, outlet=other)
    assert Article.objects.get(url__endswith="/news/1").outlet == desk
    assert Article.objects.get(url__endswith="/2").outlet == other
