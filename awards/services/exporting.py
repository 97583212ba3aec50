"""Nominations as CSV for staff: one line per nominator's statement, so merged duplicates keep
every nominator's words, with the nomination's own columns repeated on each line. Text cells
go through the shared spreadsheet escaping (core/lib/spreadsheets): a nominator who writes
"=HYPERLINK(...)" gets text in the spreadsheet, never a formula. Each export is in the audit
log: it holds nominators' and nominees' contact details."""

from collections.abc import Iterator

from django.utils import timezone

from awards.models import Category, NominationStatus
from core.audit import record_change
from core.lib.spreadsheets import escape_cell, line_writer

HEADER = [
    "Reference", "Category", "Nominee", "Kind", "Member organisation", "Nominee email",
    "Status", "Screening reason", "Merged into", "Consent", "Shortlisted", "Winner",
    "Received", "Nominator", "Nominator email", "Nominator organisation", "Self-nomination",
    "Statement", "Answers",
]  # fmt: skip
CHUNK = 500


def filename(category: Category, status: str = "") -> str:
    suffix = f"-{status}" if status else ""
    return f"{category.cycle.slug}-{category.slug}-nominations{suffix}.csv"


def export_lines(actor, category: Category, status: str = "") -> Iterator[str]:
    """The category's nominations (only those of `status` when it is a known status) as CSV
    lines, oldest first. Logged when the first line is produced."""
    nominations = category.nominations.select_related("organisation", "merged_into")
    if status in NominationStatus.values:
        nominations = nominations.filter(status=status)
    record_change(
        actor, category, {"nominations_export": None},
        {"nominations_export": f"{status or 'all'} exported at {timezone.now().isoformat()}"},
    )  # fmt: skip
    writer = line_writer()
    yield writer.writerow(HEADER)
    rows = nominations.prefetch_related("nominators").order_by("created_at", "pk")
    for nomination in rows.iterator(chunk_size=CHUNK):
        for nominator in nomination.nominators.all() or [None]:
            yield writer.writerow(
                _nomination_cells(nomination, category) + _nominator_cells(nominator)
            )


def _nomination_cells(nomination, category: Category) -> list[str]:
    return [
        nomination.reference,
        escape_cell(category.name),
        escape_cell(nomination.nominee_name),
        nomination.get_nominee_kind_display(),
        escape_cell(nomination.organisation.name if nomination.organisation else ""),
        escape_cell(nomination.nominee_email),
        nomination.get_status_display(),
        escape_cell(nomination.screening_reason),
        nomination.merged_into.reference if nomination.merged_into else "",
        nomination.get_consent_display(),
        "yes" if nomination.shortlisted else "",
        "yes" if nomination.winner else "",
        timezone.localtime(nomination.created_at).strftime("%d/%m/%Y %H:%M"),
    ]


def _nominator_cells(nominator) -> list[str]:
    if nominator is None:
        return ["", "", "", "", "", ""]
    answers = "\n".join(f"{question}: {answer}" for question, answer in nominator.answers or [])
    return [
        escape_cell(nominator.name),
        escape_cell(nominator.email),
        escape_cell(nominator.organisation_name),
        "yes" if nominator.is_self_nomination else "",
        escape_cell(nominator.statement),
        escape_cell(answers),
    ]
