"""A new language guide version re-analyses every article in the background, and the
monthly figures follow."""

import pytest
from django.core.management import call_command

from glossary.services.guide import EntryChange, current_version, publish_change
from media.analysis.runs import Analyser, reanalyse_all
from media.models import Article, IngestBatch, MonthlyFigure
from media.services.monthly_figures import rebuild_all_monthly_figures
from media.tests.factories import OutletFactory, import_bytes, jsonl

pytestmark = pytest.mark.django_db

NEW_WORD = "jailbirdz"


def _row(n: int, slug: str, month: int, text: str) -> dict:
    return {
        "url": f"https://{slug}.example/{n}",
        "outlet": slug,
        "title": f"Court story number {n}",
        "date": f"2025-{month:02d}-1{n % 9}T10:00:00",
        "text": text,
    }


@pytest.fixture
def articles():
    OutletFactory(name="Daily Post", slug="daily-post")
    OutletFactory(name="Valley Times", slug="valley-times")
    rows = [
        _row(
            n,
            slug,
            month,
            f"Story {n}. The {NEW_WORD} were moved to another wing, "
            "staff said, and the prison governor promised a review."
            if n % 2
            else f"Story {n}. People in prison were moved to another wing, staff said.",
        )
        for n, (slug, month) in enumerate(
            [(s, m) for s in ("daily-post", "valley-times") for m in (1, 2, 3)] * 2
        )
    ]
    import_bytes("guide.jsonl", jsonl(*rows))
    return Article.objects.all()


def _figures() -> list[tuple]:
    return sorted(
        MonthlyFigure.objects.values_list(
            "outlet_id",
            "month",
            "part_id",
            "include_syndicated",
            "articles",
            "articles_with_label",
            "labels",
            "sensational_words",
            "voices",
            "score_total",
        ),
        key=repr,
    )


def _publish_new_word(staff=None):
    return publish_change(
        staff,
        "Slang for people in prison seen in local reporting.",
        EntryChange(
            key=NEW_WORD,
            wording=NEW_WORD,
            preferred=["people in prison"],
            reason="Slang that labels people by their sentence.",
            category="dehumanising",
        ),
    )


def test_a_new_guide_version_reanalyses_every_article_and_keeps_figures_right(
    articles, django_capture_on_commit_callbacks
):
    assert sum(a.body_labels for a in articles) == 0
    labels_before = sum(MonthlyFigure.objects.filter(part=None).values_list("labels", flat=True))
    assert labels_before == 0
    with django_capture_on_commit_callbacks(execute=True):
        version = _publish_new_word()
    batch = IngestBatch.objects.get(source=IngestBatch.Source.ANALYSIS)
    assert batch.status == IngestBatch.Status.DONE
    assert (batch.total, batch.processed) == (12, 12)
    assert str(version.number) in batch.name
    flagged = Article.objects.filter(text__contains=NEW_WORD)
    assert flagged.count() == 6
    assert all(a.body_labels == 1 and a.guide_version == version for a in flagged)
    assert set(Article.objects.values_list("guide_version", flat=True)) == {version.pk}
    incremental = _figures()
    assert sum(f[6] for f in incremental if f[2] is None and f[3]) == 6
    rebuild_all_monthly_figures()
    assert _figures() == incremental


def test_reanalysis_works_in_chunks_and_resumes_where_it_stopped(articles):
    _publish_new_word()
    analyser = Analyser()
    assert analyser.guide_version_id == current_version().pk
    # Pretend an earlier run stopped after four articles: they carry the new version already.
    first_four = list(Article.objects.order_by("published_at", "pk")[:4])
    Article.objects.filter(pk__in=[a.pk for a in first_four]).update(
        guide_version=analyser.guide_version_id
    )
    seen = []
    done = reanalyse_all(analyser, progress=seen.append, chunk_size=3)
    assert done == 8
    assert seen == [3, 6, 8]
    incremental = _figures()
    rebuild_all_monthly_figures()
    assert _figures() == incremental


def test_excerpt_only_articles_are_not_reanalysed_from_their_excerpt(articles, settings):
    Article.objects.filter(pk=articles.first().pk).update(is_excerpt=True)
    _publish_new_word()
    assert reanalyse_all(Analyser()) == 11


def test_the_command_resumes_reanalysis(articles):
    _publish_new_word()
    call_command("reanalyse_articles")
    assert not Article.objects.exclude(guide_version=current_version()).exists()
