"""The "how this works" page: the stock-and-flow diagram, the parameter table with sources,
the validation against published figures and the limits in plain words."""

from itertools import groupby
from xml.sax.saxutils import escape

from django.utils.safestring import mark_safe

from systemmodel.engine import parameters as parameter_table
from systemmodel.engine.levers import LEVERS
from systemmodel.engine.structure import FLOWS, STOCKS
from systemmodel.engine.validation import (
    base_year,
    early_release_check,
    history_after,
    history_before,
)

# Where each stock sits in the diagram: (column, row). Columns run left to right through
# the system: police, courts, sentence, after release.
LAYOUT = {
    "investigation": (0, 2),
    "reoffending_pipeline": (0, 5),
    "magistrates_backlog": (1, 1),
    "crown_backlog": (1, 2.5),
    "remand": (1, 4),
    "prison_under_6m": (2, 0),
    "prison_6_to_12m": (2, 1),
    "prison_1_to_4y": (2, 2),
    "prison_4y_plus": (2, 3),
    "prison_indeterminate": (2, 4),
    "community_orders": (2, 5.2),
    "suspended_sentences": (2, 6.2),
    "licence_short": (3, 0.5),
    "recalled_short": (3, 1.7),
    "licence_long": (3, 3),
    "recalled_long": (3, 4.2),
}
BOX_WIDTH, BOX_HEIGHT, COLUMN, ROW = 190, 44, 250, 62
MARGIN = 70  # room on the left for arrows that curve round a column
SHORT_NAMES = {
    "investigation": "Under investigation",
    "reoffending_pipeline": "Going to be re-arrested",
    "magistrates_backlog": "Magistrates' court wait",
    "crown_backlog": "Crown Court wait (bail)",
    "remand": "Remand (in prison)",
    "prison_under_6m": "Prison: under 6 months",
    "prison_6_to_12m": "Prison: 6 to 12 months",
    "prison_1_to_4y": "Prison: 1 to 4 years",
    "prison_4y_plus": "Prison: 4 years or more",
    "prison_indeterminate": "Prison: indeterminate",
    "community_orders": "Community order",
    "suspended_sentences": "Suspended sentence",
    "licence_short": "Supervision (short)",
    "recalled_short": "Recalled (short)",
    "licence_long": "Licence (long)",
    "recalled_long": "Recalled (long)",
}


def _centre(name):
    column, row = LAYOUT[name]
    return MARGIN + column * COLUMN + BOX_WIDTH / 2, 20 + row * ROW + BOX_HEIGHT / 2


def diagram():
    """An SVG of every stock as a box and every pair of stocks a flow joins as an arrow."""
    width, height = MARGIN + 4 * COLUMN, 40 + 7.2 * ROW
    links = sorted({(s, t) for _n, s, t in FLOWS if s and t and s != t})
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart diagram" viewBox="0 0 {width} '
        f'{height:.0f}" role="img" aria-labelledby="diagram-title diagram-desc">',
        '<title id="diagram-title">Stocks and flows of the model</title>',
        '<desc id="diagram-desc">Boxes are the places people can be; arrows are the ways '
        "they move between them each month. The list below the diagram says the same in "
        "words.</desc>",
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" '
        'fill="#444"/></marker></defs>',
        '<g stroke="#444" stroke-width="1.2" fill="none" opacity="0.7">',
    ]
    for source, target in links:
        (x1, y1), (x2, y2) = _centre(source), _centre(target)
        if x2 > x1:
            x1, x2 = x1 + BOX_WIDTH / 2, x2 - BOX_WIDTH / 2
        elif x2 < x1:
            x1, x2 = x1 - BOX_WIDTH / 2, x2 + BOX_WIDTH / 2
        elif abs(y2 - y1) > ROW * 1.5:
            # Within a column past other boxes: curve round their left-hand side.
            x1 = x2 = x1 - BOX_WIDTH / 2
            bend = x1 - 40
            parts.append(
                f'<path d="M{x1:.0f} {y1:.0f} C{bend:.0f} {y1:.0f} {bend:.0f} {y2:.0f} '
                f'{x2:.0f} {y2:.0f}" marker-end="url(#arrow)"/>'
            )
            continue
        else:
            y1, y2 = (
                (y1 + BOX_HEIGHT / 2, y2 - BOX_HEIGHT / 2)
                if y2 > y1
                else (y1 - BOX_HEIGHT / 2, y2 + BOX_HEIGHT / 2)
            )
        parts.append(f'<path d="M{x1:.0f} {y1:.0f} L{x2:.0f} {y2:.0f}" marker-end="url(#arrow)"/>')
    parts.append('</g><g font-size="13" fill="#1a1a1a">')
    for name, _label in STOCKS:
        column, row = LAYOUT[name]
        x, y = MARGIN + column * COLUMN, 20 + row * ROW
        parts.append(
            f'<rect x="{x}" y="{y:.0f}" width="{BOX_WIDTH}" height="{BOX_HEIGHT}" rx="6" '
            'fill="#fff" stroke="#1d4f91" stroke-width="2"/>'
            f'<text x="{x + BOX_WIDTH / 2:.0f}" y="{y + BOX_HEIGHT / 2 + 5:.0f}" '
            f'text-anchor="middle">{escape(SHORT_NAMES[name])}</text>'
        )
    parts.append("</g></svg>")
    return mark_safe("".join(parts))  # noqa: S308 (every text above is escaped)


def flow_sentences() -> list[tuple[str, list[str]]]:
    """For each stock, in words, where its people go next."""
    labels = dict(STOCKS)
    goes = sorted(((s, t) for _n, s, t in FLOWS if s), key=lambda pair: list(labels).index(pair[0]))
    result = []
    for source, pairs in groupby(goes, key=lambda pair: pair[0]):
        targets = sorted({labels[t] if t else "leaves the system" for _s, t in pairs})
        result.append((labels[source], targets))
    return result


LIMITS = [
    "The model starts from a steady state: it assumes today's flows would carry on. It does "
    "not know about trends, new laws or events such as a pandemic.",
    "It was fitted to the middle of 2024. It does not explain earlier years: in September "
    "2021 there were about 9,000 fewer people in prison than it shows.",
    "Many numbers are not published, so we chose them (the table marks each one). We picked "
    "them so the totals match what is published.",
    "A lever takes effect in the first month. Real changes are slower.",
    "People move a month at a time. A stay shorter than a month counts as one month.",
    "It counts reoffending when a sentence or supervision ends, not on the day it happens.",
    "Reoffending rates come from people given each sentence, who differ in other ways too. "
    "The model treats the rates as if the sentence caused them.",
    "It covers adults only. It does not model children, and it does not model prison "
    "capacity: it never runs out of places.",
    "The range shows our doubt about the numbers we put in. It does not cover mistakes in "
    "how the model is built.",
]


def page_context() -> dict:
    by_group = [
        ("Police", parameter_table.POLICE),
        ("Courts", parameter_table.COURTS),
        ("Sentences given", parameter_table.SENTENCING),
        ("Prison", parameter_table.PRISON),
        ("Supervision, recall and community sentences", parameter_table.SUPERVISION),
        ("Reoffending", parameter_table.REOFFENDING),
        ("Costs", parameter_table.COSTS),
    ]
    found = sum(1 for p in parameter_table.PARAMETERS if p.source.found)
    return {
        "diagram": diagram(),
        "flow_sentences": flow_sentences(),
        "parameter_groups": by_group,
        "parameter_count": len(parameter_table.PARAMETERS),
        "sourced_count": found,
        "assumed_count": len(parameter_table.PARAMETERS) - found,
        "levers": LEVERS,
        "base_year": base_year(),
        "history_before": history_before(),
        "history_after": history_after(),
        "early_release": early_release_check(),
        "limits": LIMITS,
    }
