"""Monthly rates: for each flow, the share of its source stock that moves along it each month.

Every flow except first-time arrests is its source stock times a rate, so one month of the
whole system is `flows = rates * stocks[source of each flow]`. A stock whose people stay W
months on average loses 1/W of itself a month (W is at least one month: the model's step).

Works on numpy arrays of draws (one value per Monte Carlo draw) or on plain floats.
"""

import numpy as np

from systemmodel.engine.parameters import SENTENCE_KINDS
from systemmodel.engine.structure import COURTS, FLOW_INDEX, FLOW_NAMES

DAYS_PER_MONTH = 30.44
# The sampled sentence shares for one court may not add up to more than this; the rest of
# the convicted get a fine, discharge or other sentence the model does not follow.
MOST_SENTENCED = 0.98


def leave_rate(months):
    """The share of a stock that leaves each month when people stay `months` on average."""
    return 1.0 / np.maximum(months, 1.0)


def _sentence_shares(p: dict, court: str, levers: dict) -> dict:
    shares = {kind: p[f"{court}_{kind}_share"] for kind, _label in SENTENCE_KINDS}
    total = sum(shares.values())
    scale = np.minimum(1.0, MOST_SENTENCED / np.maximum(total, 1e-12))
    shares = {kind: share * scale for kind, share in shares.items()}
    threshold = levers["short_sentence_presumption"]
    to_community = levers["presumption_community_share"]
    moved = 0.0
    for kind, covered in (("under_6m", threshold >= 6), ("6_to_12m", threshold >= 12)):
        if covered:
            moved = moved + shares[kind] * to_community
            shares[kind] = shares[kind] * (1 - to_community)
    shares["community_order"] = shares["community_order"] + moved
    shares["other"] = 1.0 - sum(shares.values())
    return shares


def time_served(p: dict, levers: dict) -> dict:
    """Average months in prison for each sentence band under the release-point lever."""
    release = levers["release_point"]
    two_thirds = p["two_thirds_share_4y_plus"]
    return {
        "under_6m": p["sentence_under_6m_months"] * release,
        "6_to_12m": p["sentence_6_to_12m_months"] * release,
        "1_to_4y": p["sentence_1_to_4y_months"] * release,
        "4y_plus": p["sentence_4y_plus_months"] * (two_thirds * 2 / 3 + (1 - two_thirds) * release),
        "indeterminate": p["indeterminate_months"],
    }


def rates(p: dict, levers: dict) -> np.ndarray:
    """flows × draws: the monthly rate of every flow (first-time arrests: 0, added apart)."""
    first = next(iter(p.values()))
    out = np.zeros((len(FLOW_NAMES), *np.shape(first)))

    def put(name, value):
        out[FLOW_INDEX[name]] = value

    # Police: a charging decision ends the investigation.
    decided = leave_rate(p["investigation_months"])
    # Diversion takes people whose case would go to the magistrates' court: the low-level
    # cases (drug possession, for instance), not those bound for the Crown Court.
    to_magistrates = p["charge_share"] * (1 - p["crown_share"]) * (1 - levers["diversion"])
    to_crown = p["charge_share"] * p["crown_share"]
    charge = to_magistrates + to_crown
    diverted = p["diversion_share"] + p["charge_share"] - charge
    remand = p["remand_share"] * (1 - levers["remand_to_bail"])
    put("diverted_reoffend", decided * diverted * p["reoffend_out_of_court"])
    put("diverted_desist", decided * diverted * (1 - p["reoffend_out_of_court"]))
    put("no_further_action", decided * (1 - diverted - charge))
    put("charged_magistrates", decided * to_magistrates)
    put("charged_crown_bail", decided * to_crown * (1 - remand))
    put("remanded", decided * to_crown * remand)

    # Courts: more sitting days shorten every wait in proportion.
    sitting = levers["court_sitting_days"]
    waits = {
        "magistrates": p["magistrates_wait_months"],
        "crown": p["crown_wait_months"],
        "remand": p["remand_months"],
    }
    for court in COURTS:
        decided_at_court = leave_rate(waits[court] / sitting)
        convicted = p[f"{court}_conviction_share"]
        shares = _sentence_shares(p, court, levers)
        for kind, _label in SENTENCE_KINDS:
            put(f"{court}_to_{kind}", decided_at_court * convicted * shares[kind])
        other = decided_at_court * convicted * shares["other"]
        put(f"{court}_other_sentence_reoffend", other * p["reoffend_other_sentence"])
        put(f"{court}_other_sentence_desist", other * (1 - p["reoffend_other_sentence"]))
        put(f"{court}_not_convicted", decided_at_court * (1 - convicted))

    # Prison: release at the applicable point of the sentence.
    for band, months in time_served(p, levers).items():
        put(f"release_{band}", leave_rate(months))

    # Supervision after release: recall of a share of breaches, or completion.
    recall = levers["recall_share"]
    for length, breach, months, reoffend in (
        ("short", "short_breach_rate", "short_supervision_months", "reoffend_short_custody"),
        ("long", "long_breach_rate", "long_licence_months", "reoffend_long_custody"),
    ):
        completed = leave_rate(p[months])
        put(f"{length}_recalled", p[breach] * recall)
        put(f"{length}_completed_reoffend", completed * p[reoffend])
        put(f"{length}_completed_desist", completed * (1 - p[reoffend]))
    put("short_re_released", leave_rate(levers["fixed_term_recall_days"] / DAYS_PER_MONTH))
    put("long_re_released", leave_rate(p["standard_recall_months"]))

    # Community and suspended sentence orders: breach to prison, or completion.
    for order, breach, months, reoffend in (
        (
            "community",
            "community_breach_custody_rate",
            "community_order_months",
            "reoffend_community_order",
        ),
        ("suspended", "suspended_activation_rate", "suspended_order_months", "reoffend_suspended"),
    ):
        completed = leave_rate(p[months])
        put(
            "community_breach_custody" if order == "community" else "suspended_activated", p[breach]
        )
        put(f"{order}_completed_reoffend", completed * p[reoffend])
        put(f"{order}_completed_desist", completed * (1 - p[reoffend]))

    put("rearrests", leave_rate(p["reoffend_delay_months"]))
    return out
