"""The stocks (where people are) and the flows (how they move) of the model.

Every flow moves people from one stock to another, into the system (source None: first-time
arrests) or out of it (target None). A stock changes each month by exactly its inflows minus
its outflows: the incidence matrix below is the whole of the accounting.
"""

import numpy as np

COURTS = ("magistrates", "crown", "remand")
BANDS = ("under_6m", "6_to_12m", "1_to_4y", "4y_plus", "indeterminate")

STOCKS: tuple[tuple[str, str], ...] = (
    ("investigation", "Under investigation, awaiting a charging decision"),
    ("magistrates_backlog", "Awaiting the magistrates' court on bail"),
    ("crown_backlog", "Awaiting the Crown Court on bail"),
    ("remand", "Remanded in prison awaiting trial or sentence"),
    ("prison_under_6m", "In prison: sentence under 6 months"),
    ("prison_6_to_12m", "In prison: sentence 6 to 12 months"),
    ("prison_1_to_4y", "In prison: sentence 1 to 4 years"),
    ("prison_4y_plus", "In prison: sentence 4 years or more"),
    ("prison_indeterminate", "In prison: indeterminate sentence"),
    ("community_orders", "On a community order"),
    ("suspended_sentences", "On a suspended sentence order"),
    ("licence_short", "On licence or post-sentence supervision (sentence under 12 months)"),
    ("licence_long", "On licence (sentence of 12 months or more)"),
    ("recalled_short", "Recalled to prison (sentence under 12 months)"),
    ("recalled_long", "Recalled to prison (sentence of 12 months or more)"),
    ("reoffending_pipeline", "Back in the community and going to be re-arrested"),
)
STOCK_NAMES = tuple(name for name, _label in STOCKS)
STOCK_INDEX = {name: index for index, name in enumerate(STOCK_NAMES)}

# Where each sentence sends a person.
SENTENCE_STOCKS = {
    "under_6m": "prison_under_6m",
    "6_to_12m": "prison_6_to_12m",
    "1_to_4y": "prison_1_to_4y",
    "4y_plus": "prison_4y_plus",
    "indeterminate": "prison_indeterminate",
    "community_order": "community_orders",
    "suspended": "suspended_sentences",
}
COURT_STOCKS = {
    "magistrates": "magistrates_backlog",
    "crown": "crown_backlog",
    "remand": "remand",
}


def _flows() -> list[tuple[str, str | None, str | None]]:
    flows = [
        ("external_arrests", None, "investigation"),
        ("rearrests", "reoffending_pipeline", "investigation"),
        ("diverted_reoffend", "investigation", "reoffending_pipeline"),
        ("diverted_desist", "investigation", None),
        ("no_further_action", "investigation", None),
        ("charged_magistrates", "investigation", "magistrates_backlog"),
        ("charged_crown_bail", "investigation", "crown_backlog"),
        ("remanded", "investigation", "remand"),
    ]
    for court in COURTS:
        stock = COURT_STOCKS[court]
        for sentence, target in SENTENCE_STOCKS.items():
            flows.append((f"{court}_to_{sentence}", stock, target))
        flows.append((f"{court}_other_sentence_reoffend", stock, "reoffending_pipeline"))
        flows.append((f"{court}_other_sentence_desist", stock, None))
        flows.append((f"{court}_not_convicted", stock, None))
    flows += [
        ("release_under_6m", "prison_under_6m", "licence_short"),
        ("release_6_to_12m", "prison_6_to_12m", "licence_short"),
        ("release_1_to_4y", "prison_1_to_4y", "licence_long"),
        ("release_4y_plus", "prison_4y_plus", "licence_long"),
        ("release_indeterminate", "prison_indeterminate", "licence_long"),
        ("short_recalled", "licence_short", "recalled_short"),
        ("short_completed_reoffend", "licence_short", "reoffending_pipeline"),
        ("short_completed_desist", "licence_short", None),
        ("long_recalled", "licence_long", "recalled_long"),
        ("long_completed_reoffend", "licence_long", "reoffending_pipeline"),
        ("long_completed_desist", "licence_long", None),
        ("short_re_released", "recalled_short", "licence_short"),
        ("long_re_released", "recalled_long", "licence_long"),
        ("community_breach_custody", "community_orders", "prison_under_6m"),
        ("community_completed_reoffend", "community_orders", "reoffending_pipeline"),
        ("community_completed_desist", "community_orders", None),
        ("suspended_activated", "suspended_sentences", "prison_6_to_12m"),
        ("suspended_completed_reoffend", "suspended_sentences", "reoffending_pipeline"),
        ("suspended_completed_desist", "suspended_sentences", None),
    ]
    return flows


FLOWS: tuple[tuple[str, str | None, str | None], ...] = tuple(_flows())
FLOW_NAMES = tuple(name for name, _source, _target in FLOWS)
FLOW_INDEX = {name: index for index, name in enumerate(FLOW_NAMES)}


def incidence_matrix() -> np.ndarray:
    """stocks × flows: +1 where a flow enters a stock, −1 where it leaves one."""
    matrix = np.zeros((len(STOCK_NAMES), len(FLOW_NAMES)))
    for index, (_name, source, target) in enumerate(FLOWS):
        if source is not None:
            matrix[STOCK_INDEX[source], index] -= 1
        if target is not None:
            matrix[STOCK_INDEX[target], index] += 1
    return matrix


INCIDENCE = incidence_matrix()
