"""Outcome reports: aggregates only, with the same small-number suppression as the equality
report (core.lib.suppression), so nobody can be picked out of a small cohort.

Each row is one cohort at one follow-up point; each measure is the share of participants who
answered (and have not withdrawn) for whom it holds, with the base shown.
"""

from dataclasses import dataclass

from programmes.models import FollowUp, FollowUpPoint, Programme

MEASURES = (
    ("paid_in_sector", "In a paid role in the sector"),
    ("board", "Holding a board or trustee role"),
    ("study", "In further study or training"),
    ("confident", "Confident about leading change (4 or 5 of 5)"),
)


def holds(measure: str, followup: FollowUp) -> bool:
    if measure == "paid_in_sector":
        return bool(followup.paid_role and followup.in_sector)
    if measure == "board":
        return bool(followup.board_roles)
    if measure == "study":
        return bool(followup.further_study)
    return (followup.confidence or 0) >= 4


@dataclass
class Cell:
    count: int
    base: int
    shown: str  # the count and share as the report prints it, or the suppression's words


@dataclass
class Row:
    cohort: str
    point: str
    base: int
    cells: list


def counted(programme: Programme):
    return FollowUp.objects.filter(
        participant__cohort__programme=programme,
        answered_at__isnull=False, withdrawn_at__isnull=True,
    ).select_related("participant__cohort")  # fmt: skip


def report(programme: Programme) -> dict:
    from core.lib import suppression

    groups: dict[tuple, list] = {}
    for followup in counted(programme):
        groups.setdefault((followup.participant.cohort, followup.point), []).append(followup)
    order = list(FollowUpPoint.values)
    rows = []
    for (cohort, point), answers in sorted(
        groups.items(), key=lambda item: (item[0][0].starts_on, order.index(item[0][1]))
    ):
        base = len(answers)
        cells = []
        for measure, _label in MEASURES:
            count = sum(holds(measure, a) for a in answers)
            cells.append(Cell(count, base, suppression.share_text(count, base)))
        rows.append(Row(cohort.name, FollowUpPoint(point).label, base, cells))
    return {"measures": [label for _m, label in MEASURES], "rows": rows,
            "rule": suppression.RULE_TEXT}  # fmt: skip
