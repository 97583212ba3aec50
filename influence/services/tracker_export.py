"""The filtered tracker as CSV: every matching recommendation, not just one page, streamed
line by line and fetched in batches."""

from core.lib import spreadsheets
from influence.models import Recommendation
from influence.services import tracker

EXPORT_BATCH = 500
CSV_HEADER = [
    "title",
    "url",
    "first made",
    "targets",
    "current status by target",
    "furthest status",
    "last update",
    "parts of the system",
    "themes",
    "networks",
    "text",
]


def _cell(value) -> str:
    """A cell that cannot run as a formula. Unlike spreadsheets.escape_cell, a cell already
    starting with an apostrophe is left as it is: this file is never imported back, so
    there is no round trip to keep lossless."""
    text = "" if value is None else str(value)
    if text.startswith(spreadsheets.FORMULA_TRIGGERS):
        return spreadsheets.ESCAPE + text
    return text


def export_lines(query: tracker.TrackerQuery, site_url: str):
    """CSV lines of every recommendation the filters match, fetched in batches."""
    writer = spreadsheets.line_writer()
    yield "\ufeff" + writer.writerow(CSV_HEADER)
    pks = list(
        tracker.filtered_recommendations(query)
        .order_by(*tracker.SORTS[query.sort][0])
        .values_list("pk", flat=True)
    )
    for start in range(0, len(pks), EXPORT_BATCH):
        batch = pks[start : start + EXPORT_BATCH]
        by_pk = Recommendation.objects.prefetch_related(
            "targets", "parts", "themes", "networks"
        ).in_bulk(batch)
        for row in tracker.rows_for([by_pk[pk] for pk in batch if pk in by_pk]):
            r = row.recommendation
            yield writer.writerow(
                [
                    _cell(value)
                    for value in (
                        r.title,
                        f"{site_url}{r.get_absolute_url()}",
                        r.first_made_on.isoformat(),
                        "; ".join(t.name for t in r.targets.all()),
                        "; ".join(
                            f"{e.target.name}: {e.get_status_display()} "
                            f"({e.happened_on.isoformat()})"
                            for e in row.current
                        ),
                        row.headline.get_status_display() if row.headline else "",
                        row.last_change.isoformat() if row.last_change else "",
                        "; ".join(t.name for t in r.parts.all()),
                        "; ".join(t.name for t in r.themes.all()),
                        "; ".join(n.name for n in r.networks.all()),
                        r.text,
                    )
                ]
            )
