"""The media analysis benchmark runs and prints its figures, at a tiny size."""

from bench.sections import media_analysis as bench_analysis


def test_the_benchmark_runs_and_reports_its_figures(capsys, monkeypatch):
    """The benchmark's speed is measured by `python -m bench.sections.media_analysis`, not
    here."""
    monkeypatch.setattr("sys.argv", ["bench_analysis", "--articles", "10"])
    bench_analysis.main()
    printed = dict(line.split(": ") for line in capsys.readouterr().out.splitlines())
    assert {"articles_per_s", "baseline_articles_per_s", "articles"} <= set(printed)
    assert printed["articles"] == "10"
    assert int(printed["characters_per_article"]) == bench_analysis.ARTICLE_CHARS
