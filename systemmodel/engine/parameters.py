"""The model's default parameters: value, range for uncertainty, unit, source and derivation.

The base year is mid-2024 (prison population at 30 June 2024), before the change to release at
40% of standard determinate sentences on 10 September 2024. Each Monte Carlo draw samples every
parameter from a triangular distribution over (low, value, high).

Parameters whose source is NOT_FOUND are assumptions: we looked for a published figure in
stored material and did not find one. Most were then chosen so that the model reproduces the
published totals it *does* have (prison population, remand, recall population, receptions);
the note says which total each one was tuned to.
"""

from dataclasses import dataclass

from systemmodel.engine import sources as src
from systemmodel.engine.sources import NOT_FOUND, Source

PUBLISHED, DERIVED, ASSUMPTION = "published", "derived", "assumption"
BASIS_TEXT = {
    PUBLISHED: "A published figure.",
    DERIVED: "Worked out from published figures (the note says how).",
    ASSUMPTION: "No published figure found in the material we could read: this is our "
    "assumption, not a sourced figure.",
}


@dataclass(frozen=True)
class Parameter:
    name: str
    label: str
    value: float
    low: float
    high: float
    unit: str
    source: Source
    note: str

    @property
    def basis(self) -> str:
        """Where the value comes from, in plain words: "published", "derived" (worked out
        from published figures) or "assumption" (no published figure was found)."""
        if not self.source.found:
            return ASSUMPTION
        return DERIVED if self.note.startswith("Derived") else PUBLISHED

    @property
    def basis_text(self) -> str:
        return BASIS_TEXT[self.basis]

    def __post_init__(self):
        if not self.low <= self.value <= self.high:
            raise ValueError(f"{self.name}: value must lie within its range")


TUNED = "Tuned so that the model's base year matches the published totals (see validation)."


def searched(what: str) -> str:
    """The note's account of where we looked, for a parameter we could not source."""
    return f" We searched the stored material for {what} and did not find it."


# --- Police -------------------------------------------------------------------------------
POLICE = [
    Parameter(
        "arrests_per_month",
        "Arrests each month",
        60_042,
        54_000,
        66_000,
        "people a month",
        src.POLICE_POWERS_2024,
        "720,506 arrests in the year ending March 2024, divided by 12: the year that ends "
        "three months before the base year. It includes people re-arrested after "
        "reoffending: the model works out how many are first-time arrests. It also includes "
        "children, whom the model does not follow apart, so the range reaches down to 54,000.",
    ),
    Parameter(
        "investigation_months",
        "Time from arrest to a charging decision",
        1.0,
        1.0,
        2.0,
        "months",
        NOT_FOUND,
        "Assumption. The model's shortest step is one month."
        + searched(
            "the average time from arrest to a charging decision (pre-charge bail and "
            "'released under investigation' figures in Police powers and procedures)"
        ),
    ),
    Parameter(
        "charge_share",
        "Share of arrests that lead to a charge",
        0.291,
        0.233,
        0.349,
        "share",
        NOT_FOUND,
        "Assumption. "
        + TUNED
        + " Lowered from 0.30 when the arrests count moved from 2018 to 2024 (3% more), so that "
        "the people charged a month stay where the published stocks put them."
        + searched(
            "the share of people arrested who are charged. The nearest published "
            "figure, 5.7% of recorded crimes resolved by a charge or summons in the year ending "
            "March 2023 (Crime outcomes in England and Wales), counts offences, not people "
            "arrested"
        ),
    ),
    Parameter(
        "diversion_share",
        "Share of arrests resolved out of court (diversion)",
        0.15,
        0.10,
        0.20,
        "share",
        NOT_FOUND,
        "Assumption: cautions, community resolutions and diversion schemes together. "
        "Criminal justice statistics count 196,008 out-of-court disposals in the 12 months to "
        "June 2023 (published 18 January 2024), 27% of a year's arrests; but many follow no "
        "arrest (voluntary attendance, street disposals), so 27% is an upper bound, not the "
        "share." + searched("out-of-court disposals given after an arrest"),
    ),
]

# --- Courts -------------------------------------------------------------------------------
COURTS = [
    Parameter(
        "crown_share",
        "Share of charged people whose case goes to the Crown Court",
        0.30,
        0.25,
        0.35,
        "share",
        NOT_FOUND,
        "Assumption, checked against Crown Court receipts of 26,403 a quarter (April to June "
        "2023, Criminal court statistics), which also include appeals and committals."
        + searched(
            "receipts by court for people charged after an arrest (court receipts count "
            "cases, including summary motoring cases that involve no arrest)"
        ),
    ),
    Parameter(
        "remand_share",
        "Share of Crown Court defendants remanded in custody",
        0.45,
        0.36,
        0.54,
        "share",
        NOT_FOUND,
        "Assumption. Tuned with the time on remand to the published remand population of "
        "17,070 at 30 June 2024."
        + searched(
            "the share of defendants remanded in custody (remand status in Criminal "
            "court statistics)"
        ),
    ),
    Parameter(
        "magistrates_wait_months",
        "Average wait for the magistrates' court",
        2.9,
        2.0,
        4.0,
        "months",
        src.CCSQ_JUL_SEP_2024,
        "Derived by Little's law: open caseload of 333,349 divided by about 114,000 receipts "
        "a month (1.37 million a year in 2023, quoted in the same series).",
    ),
    Parameter(
        "crown_wait_months",
        "Average wait for the Crown Court (on bail)",
        8.3,
        6.5,
        10.5,
        "months",
        src.CCSQ_JUL_SEP_2024,
        "Derived by Little's law: open caseload of 73,105 divided by receipts of about 8,800 "
        "a month (26,403 a quarter, April to June 2023).",
    ),
    Parameter(
        "remand_months",
        "Average time on remand",
        7.2,
        5.5,
        9.0,
        "months",
        src.OMSQ_REMAND_JUNE_2024,
        "Derived by Little's law from the published remand population of 17,070 (30 June "
        "2024): that stock divided by the modelled remand receptions. No published average "
        "time on remand was found, and the receptions rest on the assumed share remanded "
        "(above), so the two were fitted together. For scale: people sentenced in 2016 who "
        "had been remanded spent 100 days on remand on average (written answer HL2312, 6 "
        "November 2017), before the court backlogs; and in September 2022 a third of people "
        "on remand had been held beyond the six-month custody time limit (Prison Reform "
        "Trust, Bromley Briefings). Answers to freedom of information requests reported in "
        "2023 give the average time on remand in 2022 as 177 days for White prisoners and 262 "
        "to 302 days for Asian, mixed and Black prisoners (5.8 to 9.9 months): 7.2 months lies "
        "within that.",
    ),
    Parameter(
        "magistrates_conviction_share",
        "Share convicted at the magistrates' court",
        0.848,
        0.78,
        0.92,
        "share",
        src.CPS_CONVICTION_RATES_2018,
        "The Crown Prosecution Service's conviction rate at magistrates' courts, 2017-18 (the "
        "newest we found). It counts the cases the CPS prosecutes, so the range is wide.",
    ),
    Parameter(
        "crown_conviction_share",
        "Share convicted at the Crown Court (on bail)",
        0.799,
        0.72,
        0.88,
        "share",
        src.CPS_CONVICTION_RATES_2018,
        "The Crown Prosecution Service's conviction rate at the Crown Court, 2017-18 (the "
        "newest we found), used for defendants on bail; it is not split by remand status.",
    ),
    Parameter(
        "remand_conviction_share",
        "Share convicted after remand",
        0.85,
        0.78,
        0.92,
        "share",
        NOT_FOUND,
        "Assumption. A check: of the people remanded in custody in 2021, 8% of White and 14% "
        "of Black defendants were acquitted (Fair Trials, from Ministry of Justice data, as "
        "reported by Irish Legal News in 2023); cases dropped before trial come on top, so the "
        "share convicted is at most about 0.9."
        + searched("conviction rates split by remand status"),
    ),
]

# --- Sentences: what share of convictions gets each sentence, by court --------------------
SENTENCE_KINDS = (
    ("under_6m", "prison under 6 months"),
    ("6_to_12m", "prison 6 to 12 months"),
    ("1_to_4y", "prison 1 to 4 years"),
    ("4y_plus", "prison 4 years or more"),
    ("indeterminate", "an indeterminate sentence"),
    ("community_order", "a community order"),
    ("suspended", "a suspended sentence order"),
)
# Share of convictions; whatever is left is a fine, discharge or other sentence.
SENTENCE_MIX = {
    "magistrates": (0.15, 0.02, 0.0, 0.0, 0.0, 0.30, 0.14),
    "crown": (0.05, 0.08, 0.26, 0.07, 0.002, 0.26, 0.08),
    "remand": (0.08, 0.12, 0.34, 0.22, 0.01, 0.06, 0.06),
}
SENTENCE_MIX_NOTE = (
    "Not found for people charged after arrest. "
    + TUNED
    + searched(
        "sentence outcomes per person charged after an arrest: Criminal justice statistics give "
        "outcomes per person sentenced, including summary offences that involve no arrest"
    )
)
# A magistrates' court cannot pass a prison sentence of more than 12 months in all, so these
# shares are zero by law, not by our choice.
BEYOND_MAGISTRATES_POWERS = ("1_to_4y", "4y_plus", "indeterminate")
MAGISTRATES_POWERS_NOTE = (
    "Derived from the law: a magistrates' court cannot pass a prison sentence of more than 12 "
    "months in all (6 months for one offence in the base year), so it gives no sentence of a "
    "year or more and no indeterminate sentence. Longer sentences for cases that start there "
    "are passed by the Crown Court after committal, which the model counts at the Crown Court. "
    "A total of exactly 12 months, possible for two either-way offences, is counted in the "
    "6-to-12-month band."
)
# The indeterminate shares are set from published receptions, not from the totals.
INDETERMINATE_NOTE = (
    "Not found per conviction. Set so that the model receives about 25 indeterminate "
    "sentences a month, the 299 a year in Offender management statistics (Table 2.5a, four "
    "quarters to December 2022)."
    + searched("indeterminate sentences as a share of convictions by court")
)


def _sentence_share(court: str, kind: str, label: str, share: float) -> Parameter:
    beyond_powers = court == "magistrates" and kind in BEYOND_MAGISTRATES_POWERS
    if beyond_powers:
        source, note = src.MAGISTRATES_POWERS, MAGISTRATES_POWERS_NOTE
    else:
        source = NOT_FOUND
        note = INDETERMINATE_NOTE if kind == "indeterminate" else SENTENCE_MIX_NOTE
    return Parameter(
        f"{court}_{kind}_share",
        f"{court.capitalize()}: share of convictions given {label}",
        share,
        round(share * 0.8, 4),
        round(share * 1.2, 4),
        "share",
        source,
        note,
    )


SENTENCING = [
    _sentence_share(court, kind, label, share)
    for court, shares in SENTENCE_MIX.items()
    for (kind, label), share in zip(SENTENCE_KINDS, shares, strict=True)
]

BAND_SEARCHED = searched(
    "the average sentence of people received into prison by sentence-length band (Offender "
    "management statistics, receptions by sentence length); what we read gives only the "
    "average for indictable offences, 22.9 months, which the validation checks"
)

# --- Prison ------------------------------------------------------------------------------
PRISON = [
    Parameter(
        "sentence_under_6m_months",
        "Average sentence, under 6 months",
        3.5,
        2.5,
        4.5,
        "months",
        NOT_FOUND,
        "Assumption." + BAND_SEARCHED,
    ),
    Parameter(
        "sentence_6_to_12m_months",
        "Average sentence, 6 to 12 months",
        9.0,
        7.5,
        10.5,
        "months",
        NOT_FOUND,
        "Assumption." + BAND_SEARCHED,
    ),
    Parameter(
        "sentence_1_to_4y_months",
        "Average sentence, 1 to 4 years",
        26.0,
        20.0,
        32.0,
        "months",
        NOT_FOUND,
        "Assumption. " + TUNED + BAND_SEARCHED,
    ),
    Parameter(
        "sentence_4y_plus_months",
        "Average sentence, 4 years or more",
        77.5,
        68.0,
        96.0,
        "months",
        NOT_FOUND,
        "Assumption. " + TUNED + BAND_SEARCHED,
    ),
    Parameter(
        "two_thirds_share_4y_plus",
        "Share of 4-year-plus sentences released at two-thirds",
        0.30,
        0.20,
        0.40,
        "share",
        NOT_FOUND,
        "Assumption: serious violent and sexual offences are released at two-thirds; the "
        "release-point lever does not move them. The nearest published figure: 13% of the "
        "sentenced prison population serve an extended determinate sentence (Prison Reform "
        "Trust, Bromley Briefings, 2026), which leaves out standard sentences released at "
        "two-thirds."
        + searched("the share of sentences of four years or more released at two-thirds"),
    ),
    Parameter(
        "indeterminate_months",
        "Average time in prison, indeterminate sentences",
        341.0,
        270.0,
        410.0,
        "months",
        src.OMSQ_INDETERMINATE_SEP_2024,
        "Derived by Little's law: 8,501 unreleased prisoners serving life or IPP sentences at "
        "30 September 2024, divided by 299 indeterminate receptions a year (24.9 a month; "
        "Offender management statistics, October to December 2022, Table 2.5a, as used in the "
        "Ministry of Justice's public prisons ready reckoner code). The published count "
        "excludes people recalled on an indeterminate licence, whom the model holds with "
        "other recalls. The two counts are two years apart, so the range is wide.",
    ),
]

# --- Licence, recall, community sentences -------------------------------------------------
SUPERVISION = [
    Parameter(
        "short_supervision_months",
        "Supervision after release from a sentence under 12 months",
        12.0,
        10.0,
        12.0,
        "months",
        src.RECALL_RULES,
        "Licence plus post-sentence supervision add up to 12 months after release under the "
        "Offender Rehabilitation Act 2014.",
    ),
    Parameter(
        "long_licence_months",
        "Average licence after a sentence of 12 months or more",
        24.0,
        15.0,
        36.0,
        "months",
        NOT_FOUND,
        "Assumption: the unserved part of the sentence, averaged over sentence lengths."
        + searched(
            "the average licence length after release (licence caseload and "
            "terminations in Offender management statistics)"
        ),
    ),
    Parameter(
        "short_breach_rate",
        "Monthly share on short-sentence supervision who breach",
        0.060,
        0.045,
        0.075,
        "share a month",
        src.BROMLEY_WINTER_2025,
        "Derived: 15,211 recalls a year from sentences under 12 months divided by the "
        "modelled short-sentence supervision caseload and by the share of breaches recalled.",
    ),
    Parameter(
        "long_breach_rate",
        "Monthly share on longer licences who breach",
        0.045,
        0.035,
        0.055,
        "share a month",
        src.BROMLEY_WINTER_2025,
        "Derived: the other 17,193 recalls a year divided by the modelled longer-licence "
        "caseload and by the share of breaches recalled.",
    ),
    Parameter(
        "standard_recall_months",
        "Average time in prison after a standard recall",
        7.3,
        5.5,
        9.5,
        "months",
        src.BROMLEY_WINTER_2025,
        "Derived by Little's law so that the recall population matches the 12,920 people "
        "held on recall at 31 December 2024.",
    ),
    Parameter(
        "community_order_months",
        "Average length of a community order",
        12.0,
        9.0,
        15.0,
        "months",
        NOT_FOUND,
        "Assumption. The only averages we found were for Scotland's community payback orders "
        "(about 15 months of supervision, 2011 to 2014), another jurisdiction."
        + searched(
            "the average length of a community order (probation starts in Offender "
            "management statistics)"
        ),
    ),
    Parameter(
        "suspended_order_months",
        "Average length of a suspended sentence order",
        18.1,
        15.0,
        21.0,
        "months",
        src.SENTENCING_ACADEMY_SSO,
        "The average length of a suspended sentence order in the Ministry of Justice's "
        "offender management statistics for October to December 2024, as quoted by the "
        "Sentencing Academy.",
    ),
    Parameter(
        "community_breach_custody_rate",
        "Monthly share of community orders ended by a breach that leads to prison",
        0.004,
        0.002,
        0.006,
        "share a month",
        NOT_FOUND,
        "Assumption."
        + searched(
            "community orders ended by a breach that leads to prison (probation "
            "terminations in Offender management statistics)"
        ),
    ),
    Parameter(
        "suspended_activation_rate",
        "Monthly share of suspended sentences activated",
        0.005,
        0.003,
        0.008,
        "share a month",
        NOT_FOUND,
        "Assumption."
        + searched(
            "suspended sentence orders activated (probation terminations in Offender "
            "management statistics)"
        ),
    ),
]

# --- Reoffending --------------------------------------------------------------------------
REOFFENDING = [
    Parameter(
        "reoffend_short_custody",
        "Proven reoffending after a sentence under 12 months",
        0.592,
        0.55,
        0.63,
        "share within a year",
        src.PROVEN_REOFFENDING_APR_JUN_2023,
        "Adults released from custodial sentences of less than 12 months, April to June "
        "2023 cohort.",
    ),
    Parameter(
        "reoffend_long_custody",
        "Proven reoffending after a sentence of 12 months or more",
        0.25,
        0.18,
        0.32,
        "share within a year",
        NOT_FOUND,
        "Not found by sentence length. Assumption: it must sit well below both the 59.2% "
        "published for sentences under 12 months and the 39% quoted for all prison sentences "
        "in 2023 (Sentencing Academy), since short sentences pull that average up."
        + searched(
            "the rate for adults released from sentences of 12 months or more; the main "
            "points of Proven reoffending statistics give only the rates under 12 months"
        ),
    ),
    Parameter(
        "reoffend_community_order",
        "Proven reoffending after a community order",
        0.38,
        0.33,
        0.43,
        "share within a year",
        src.SENTENCING_ACADEMY_SSO,
        "Proven reoffending after a community order, 2023 (38%), as quoted by the Sentencing "
        "Academy from Ministry of Justice figures.",
    ),
    Parameter(
        "reoffend_suspended",
        "Proven reoffending after a suspended sentence order",
        0.27,
        0.23,
        0.31,
        "share within a year",
        src.SENTENCING_ACADEMY_SSO,
        "Proven reoffending after a suspended sentence order, 2023 (27%), as quoted by the "
        "Sentencing Academy from Ministry of Justice figures.",
    ),
    Parameter(
        "reoffend_out_of_court",
        "Proven reoffending after an out-of-court resolution",
        0.20,
        0.14,
        0.26,
        "share within a year",
        NOT_FOUND,
        "Assumption. We found only a youth caution rate (29.8%, children, year ending March "
        "2016) and a 2018 evaluation of a three-force pilot, neither for adults today."
        + searched("proven reoffending after an adult caution or community resolution"),
    ),
    Parameter(
        "reoffend_other_sentence",
        "Proven reoffending after a fine or discharge",
        0.273,
        0.22,
        0.32,
        "share within a year",
        src.PROVEN_REOFFENDING_APR_JUN_2023,
        "The overall adult rate (27.3%), used for sentences the model does not follow.",
    ),
    Parameter(
        "reoffend_delay_months",
        "Average time from the end of a sentence to re-arrest",
        6.0,
        4.0,
        9.0,
        "months",
        NOT_FOUND,
        "Assumption: the middle of the one-year follow-up the statistics use."
        + searched("the average time to a first proven reoffence"),
    ),
    Parameter(
        "reoffences_per_reoffender",
        "Proven reoffences for each person who reoffends",
        2.9,
        2.5,
        3.5,
        "reoffences",
        src.PROVEN_REOFFENDING_JUL_2011_JUN_2012,
        "The newest figure in stored material is from the 2011-12 cohort.",
    ),
    Parameter(
        "victims_per_reoffence",
        "Victims for each proven reoffence",
        0.8,
        0.5,
        1.0,
        "victims",
        NOT_FOUND,
        "Assumption: some offences (drug possession) have no direct victim; others several."
        + searched("victims per proven reoffence"),
    ),
]

# No cost per order or per licence is published in what we could read; both use the same
# average: probation funding over the people it supervises.
PROBATION_COST_NOTE = (
    "Derived: probation funding of about £1,188m a year (£155m a year added to 2019/20 "
    "funding, which it raised by 15%: £1,033m + £155m) divided by the 238,646 people under "
    "probation supervision at 30 June 2024, about £4,980 a person. It is an average over all "
    "probation work (court reports, work with people still in prison, approved premises), "
    "not the cost of one kind of order, and in prices of the year of the answer, so the "
    "range is wide. Older figures seen: £652 for one supervision requirement in 2007 "
    "(National Audit Office), without overheads."
)

# --- Costs --------------------------------------------------------------------------------
COSTS = [
    Parameter(
        "cost_per_prisoner_year",
        "Cost of a year in prison",
        51_724,
        46_000,
        58_000,
        "£ a year",
        src.COSTS_PER_PRISONER_2022_23,
        "Overall resource cost per prisoner, 2022-23 prices, not uprated.",
    ),
    Parameter(
        "cost_per_community_order_year",
        "Cost of a year on a community or suspended order",
        4_980,
        3_000,
        7_000,
        "£ a year",
        src.PROBATION_FUNDING,
        PROBATION_COST_NOTE,
    ),
    Parameter(
        "cost_per_licence_year",
        "Cost of a year of supervision on licence",
        4_980,
        3_000,
        7_000,
        "£ a year",
        src.PROBATION_FUNDING,
        PROBATION_COST_NOTE,
    ),
]

PARAMETERS: tuple[Parameter, ...] = tuple(
    POLICE + COURTS + SENTENCING + PRISON + SUPERVISION + REOFFENDING + COSTS
)
BY_NAME = {parameter.name: parameter for parameter in PARAMETERS}
