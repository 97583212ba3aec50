"""Two to four saved scenarios side by side, with today's practice."""

from dataclasses import dataclass

from django.utils.safestring import SafeString

from core.lib.charts import Series, line_chart
from systemmodel.engine.outputs import HEADLINES, Headline
from systemmodel.services.effects import Effect, effect
from systemmodel.services.running import baseline_summary, run_summary

YEARS = (1, 3, 10)


@dataclass(frozen=True)
class ComparedHeadline:
    headline: Headline
    chart: SafeString
    # One row per scenario: (title, [(years, median, p5, p95)], effect after 3 years)
    rows: list[tuple[str, list[tuple[int, float, float, float]], Effect | None]]


def compare(scenarios: list) -> dict:
    runs = [(s.title, run_summary(s.all_levers, seed=s.seed)) for s in scenarios]
    baseline = baseline_summary()
    everyone = [("Today's practice", baseline), *runs]
    headlines = []
    for headline in HEADLINES:
        series = [Series(f"s{i}", title) for i, (title, _run) in enumerate(everyone)]
        categories = [f"Year {year}" for year in range(1, 11)]
        values = {
            f"s{i}": {
                f"Year {year}": summary.summaries[headline.name]["median"][year * 12 - 1]
                for year in range(1, 11)
            }
            for i, (_title, summary) in enumerate(everyone)
        }
        chart = line_chart(
            chart_id=f"compare-{headline.name}",
            title=f"{headline.label}: median by year, each scenario",
            summary="Median over model runs at the end of each year; the table below gives "
            "the ranges.",
            categories=categories,
            series=series,
            values=values,
        )
        rows = []
        for index, (title, summary) in enumerate(everyone):
            band = summary.summaries[headline.name]
            at = [
                (
                    year,
                    band["median"][year * 12 - 1],
                    band["p5"][year * 12 - 1],
                    band["p95"][year * 12 - 1],
                )
                for year in YEARS
            ]
            rows.append((title, at, effect(summary, headline.name, 3) if index else None))
        headlines.append(ComparedHeadline(headline, chart, rows))
    return {"scenarios": scenarios, "headlines": headlines, "years": YEARS}
