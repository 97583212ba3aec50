"""Outcome reports: aggregates only, with the equality report's small-number suppression
(core.lib.suppression, one implementation for both), so nobody in a small cohort can be
picked out.

Each row is one cohort at one follow-up point; its base is the participants who answered and
have not withdrawn. Each measure is the count (and share) of that base for whom it holds.
A reader can add up `base = holds + does not hold` for every measure, so those relations go to
the suppression: a small "does not hold" (9 of 10 in a paid role says one person is not)
hides the count that would give it away, as a small count does.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from core.lib import suppression
from programmes.models import ApplicationStatus, FollowUp, FollowUpPoint, Programme

MEASURES = (
    ("paid_in_sector", "In a paid role in the sector"),
    ("board", "Holding a board or trustee role"),
    ("study", "In further study or training"),
    ("confident", "Confident about leading change (4 or 5 of 5)"),
)
HIDDEN = "[c]"


def holds(measure: str, followup: FollowUp) -> bool:
    if measure == "paid_in_sector":
        return bool(followup.paid_role and followup.in_sector)
    if measure == "board":
        return bool(followup.board_roles)
    if measure == "study":
        return bool(followup.further_study)
    return (followup.confidence or 0) >= 4


@dataclass
class Row:
    cohort: str
    point: str
    base: int | None  # None when hidden
    cells: list  # suppression.Figure per measure

    @property
    def base_shown(self) -> str:
        return HIDDEN if self.base is None else str(self.base)


def counted(programme: Programme):
    return FollowUp.objects.filter(
        participant__cohort__programme=programme,
        answered_at__isnull=False, withdrawn_at__isnull=True,
    ).select_related("participant__cohort")  # fmt: skip


def grouped(programme: Programme) -> list[tuple[str, str, list]]:
    """[(cohort name, follow-up label, answers)] in cohort then follow-up order."""
    groups: dict[tuple, list] = {}
    for followup in counted(programme):
        groups.setdefault((followup.participant.cohort, followup.point), []).append(followup)
    order = list(FollowUpPoint.values)
    ordered = sorted(groups.items(), key=lambda i: (i[0][0].starts_on, order.index(i[0][1])))
    return [(c.name, FollowUpPoint(p).label, answers) for (c, p), answers in ordered]


def report(programme: Programme) -> dict:
    return tabulate(grouped(programme))


def tabulate(groups: list[tuple[str, str, list]]) -> dict:
    """The report from [(cohort, follow-up, answers)]; answers need only the answer fields
    (so the benchmark can feed it without a database)."""
    cells, relations = {}, []
    for index, (_cohort, _point, answers) in enumerate(groups):
        cells[("base", index)] = len(answers)
        for measure, _label in MEASURES:
            yes = sum(holds(measure, a) for a in answers)
            cells[("yes", index, measure)] = yes
            cells[("no", index, measure)] = len(answers) - yes
            relations.append(
                suppression.Relation(
                    ("base", index), (("yes", index, measure), ("no", index, measure))
                )
            )
    hidden = suppression.suppress_report(relations=relations, extra_cells=cells).hidden
    rows = []
    for index, (cohort, point, answers) in enumerate(groups):
        base_hidden = ("base", index) in hidden
        figures = []
        for measure, _label in MEASURES:
            key = ("yes", index, measure)
            count_hidden = key in hidden
            figures.append(
                suppression.Figure(
                    None if count_hidden else cells[key],
                    suppression.percent_of(cells[key], len(answers), count_hidden, base_hidden),
                )
            )
        rows.append(Row(cohort, point, None if base_hidden else len(answers), figures))
    return {
        "measures": [label for _m, label in MEASURES],
        "rows": rows,
        "rule": suppression.RULE_STATEMENT,
        "hidden_mark": HIDDEN,
    }


# --- A strategy indicator: graduates in senior roles, as at a date ---------------------------

SENIOR_ROLES_DEFINITION = (
    "Graduates of the network's leadership programmes (participants taking part in a cohort "
    "that had ended by the date) whose most recent follow-up answered by that date says they "
    "are a senior leader or director, or hold at least one board or trustee role. A graduate "
    "counts once, from their latest answer recorded by the date, so a later answer never "
    "changes a past figure."
)
SENIOR_ROLES_HISTORY = (
    "Answers carry the moment they were given, so the figure is as the answers stood on the "
    "date. A participant may withdraw their answers at any time, and withdrawn answers leave "
    "every figure, past ones included: a past figure can fall, never rise."
)


def _in_senior_role(followup: FollowUp) -> bool:
    return followup.seniority == "senior" or bool(followup.board_roles)


def graduates_in_senior_roles(network, as_at) -> int:
    """How many of the network's programme graduates were in a senior role as at `as_at` (a
    date), from the follow-up answers recorded by the end of that day (see
    SENIOR_ROLES_DEFINITION)."""
    day_after = datetime.datetime.combine(as_at + datetime.timedelta(days=1), datetime.time())
    answers = FollowUp.objects.filter(
        participant__cohort__programme__network=network,
        participant__cohort__ends_on__lte=as_at,
        participant__status=ApplicationStatus.ACCEPTED,
        answered_at__lt=timezone.make_aware(day_after),
        withdrawn_at__isnull=True,
    ).order_by("participant_id", "answered_at", "pk")
    latest = {}
    for followup in answers.only("participant_id", "answered_at", "seniority", "board_roles"):
        latest[followup.participant_id] = followup  # ordered: the last one wins
    return sum(_in_senior_role(f) for f in latest.values())
