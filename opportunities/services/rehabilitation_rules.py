"""The rehabilitation periods for England and Wales in force from 28 October 2023, each with
the provision it comes from: the data behind /opportunities/checks/rehabilitation/.

Nothing here is paraphrased from a secondary source. The periods are the Table in section
5(2)(b) of the Rehabilitation of Offenders Act 1974 as section 193(6) of the Police, Crime,
Sentencing and Courts Act 2022 rewrote its custodial rows; the rows it left alone (fine,
compensation order, relevant order, service sentences) and the definitions in section 5(8)
are the 1974 Act's own text; cautions are Schedule 2, paragraph 1. Where the law counts a
period "beginning with" a day, that day is the first day of the period; where it counts
"from" a day, the count starts the day after (see rehabilitation.first_day_after).

Sources were read in stored copies (see SOURCES). If Parliament changes the Table again
(section 5(6) lets the Secretary of State amend it by order), this file and its tests change
together: tests/test_rehabilitation_table.py checks every row below.
"""

from dataclasses import dataclass

from opportunities.services.explainer import term_links

IN_FORCE_FROM = "28 October 2023"


@dataclass(frozen=True)
class Source:
    key: str
    title: str
    part: str
    publisher: str
    date: str
    url: str


SOURCES = {
    source.key: source
    for source in (
        Source(
            "roa-s5",
            "Rehabilitation of Offenders Act 1974",
            "section 5 (rehabilitation periods for particular sentences), as it forms part of "
            "the law of England and Wales",
            "legislation.gov.uk (The National Archives)",
            "Act of 31 July 1974, as amended; revised text up to date to 21 November 2024",
            "https://www.legislation.gov.uk/ukpga/1974/53/section/5",
        ),
        Source(
            "pcsca-s193",
            "Police, Crime, Sentencing and Courts Act 2022",
            "section 193 (rehabilitation of offenders)",
            "legislation.gov.uk (The National Archives)",
            "Act of 28 April 2022",
            "https://www.legislation.gov.uk/ukpga/2022/32/section/193",
        ),
        Source(
            "pcsca-notes",
            "Police, Crime, Sentencing and Courts Act 2022: Explanatory Notes",
            "Part 11, section 193",
            "legislation.gov.uk (The National Archives)",
            "2022",
            "https://www.legislation.gov.uk/ukpga/2022/32/notes/division/16/index.htm",
        ),
        Source(
            "roa-s6",
            "Rehabilitation of Offenders Act 1974",
            "section 6 (the rehabilitation period applicable to a conviction)",
            "legislation.gov.uk (The National Archives)",
            "Act of 31 July 1974, as amended",
            "https://www.legislation.gov.uk/ukpga/1974/53/section/6",
        ),
        Source(
            "roa-s8a",
            "Rehabilitation of Offenders Act 1974",
            "section 8A (protection afforded to spent cautions: what a caution is)",
            "legislation.gov.uk (The National Archives)",
            "Act of 31 July 1974, as amended",
            "https://www.legislation.gov.uk/ukpga/1974/53/section/8A",
        ),
        Source(
            "roa-sch2",
            "Rehabilitation of Offenders Act 1974",
            "Schedule 2, paragraph 1 (when a caution is spent)",
            "legislation.gov.uk (The National Archives)",
            "Act of 31 July 1974, as amended; revised text up to date to 15 November 2024",
            "https://www.legislation.gov.uk/ukpga/1974/53/schedule/2",
        ),
        Source(
            "dbs-periods",
            "Rehabilitation periods",
            "guidance: the periods in force from 28 October 2023",
            "Disclosure and Barring Service, GOV.UK",
            "updated for 28 October 2023",
            "https://www.gov.uk/guidance/rehabilitation-periods",
        ),
        Source(
            "dbs-periods-before",
            "Rehabilitation periods until 27 October 2023",
            "guidance: the periods that applied to certificates issued until 27 October 2023",
            "Disclosure and Barring Service, GOV.UK",
            "2023",
            "https://www.gov.uk/guidance/rehabilitation-periods-until-27-october-2023",
        ),
    )
}


@dataclass(frozen=True)
class Citation:
    source: str  # a SOURCES key
    pinpoint: str  # the subsection, row or paragraph

    @property
    def full(self) -> Source:
        return SOURCES[self.source]


@dataclass(frozen=True)
class Rule:
    key: str
    sentence: str  # the sentence or disposal, in plain words
    adult: str  # aged 18 or over on the date of conviction
    under_18: str  # under 18 on the date of conviction
    runs: str  # how the period is counted
    adult_months: int | None
    under_18_months: int | None
    citations: tuple[Citation, ...]
    terms: tuple[str, ...]  # dictionary slugs

    @property
    def term_links(self) -> list[tuple[str, str]]:
        return term_links(self.terms)


_S193_6 = Citation("pcsca-s193", "section 193(6)(a), substituting the custodial rows of the Table")
_TABLE = Citation("roa-s5", "section 5(2)(b), the Table")

RULES = (
    Rule(
        "excluded",
        "A life sentence, an indeterminate sentence for public protection (IPP or DPP), an "
        "extended sentence, custody for life, detention at His Majesty's pleasure or for "
        "life, or preventive detention",
        "Never spent",
        "Never spent",
        "These sentences are excluded from rehabilitation.",
        None,
        None,
        (Citation("roa-s5", "section 5(1)(a) and (c) to (f)"),),
        ("life-sentence", "indeterminate-sentence", "extended-determinate-sentence"),
    ),
    Rule(
        "custody_over_4_years_schedule_18",
        "Prison or other custody for more than 4 years for an offence listed in Schedule 18 "
        "to the Sentencing Code (serious violent, sexual and terrorism offences)",
        "Never spent",
        "Never spent",
        "These sentences are excluded from rehabilitation.",
        None,
        None,
        (
            Citation("roa-s5", "section 5(1)(b)"),
            Citation("pcsca-s193", "section 193(3)(a), substituting section 5(1)(b)"),
            Citation("pcsca-notes", "notes on section 193, subsection (3)(a)"),
        ),
        ("custodial-sentence",),
    ),
    Rule(
        "custody_over_4_years",
        "Prison or other custody for more than 4 years, for an offence not listed in "
        "Schedule 18 to the Sentencing Code",
        "7 years",
        "42 months (3 years and 6 months)",
        "Counted from the day the whole sentence ends, including any time on licence. The "
        "period begins with that day.",
        84,
        42,
        (_TABLE, _S193_6),
        ("custodial-sentence", "licence"),
    ),
    Rule(
        "custody_1_to_4_years",
        "Prison or other custody for more than 1 year and up to 4 years (exactly 4 years "
        "is in this row)",
        "4 years",
        "2 years",
        "Counted from the day the whole sentence ends, including any time on licence. The "
        "period begins with that day.",
        48,
        24,
        (_TABLE, _S193_6),
        ("custodial-sentence", "licence"),
    ),
    Rule(
        "custody_up_to_1_year",
        "Prison or other custody for 1 year or less (exactly 1 year is in this row)",
        "12 months",
        "6 months",
        "Counted from the day the whole sentence ends, including any time on licence. The "
        "period begins with that day.",
        12,
        6,
        (_TABLE, _S193_6),
        ("custodial-sentence", "licence"),
    ),
    Rule(
        "removal_from_service",
        "Removal from His Majesty's service (dismissal, cashiering or discharge with ignominy)",
        "12 months",
        "6 months",
        "Counted from the date of conviction. The period begins with that date.",
        12,
        6,
        (_TABLE, Citation("roa-s5", "section 5(8), “removal from Her Majesty's service”")),
        (),
    ),
    Rule(
        "service_detention",
        "A sentence of service detention",
        "12 months",
        "6 months",
        "Counted from the day the sentence ends. The period begins with that day.",
        12,
        6,
        (_TABLE, Citation("roa-s5", "section 5(8), “sentence of service detention”")),
        (),
    ),
    Rule(
        "fine",
        "A fine",
        "12 months",
        "6 months",
        "Counted from the date of conviction. The period begins with that date.",
        12,
        6,
        (_TABLE,),
        ("fine",),
    ),
    Rule(
        "compensation_order",
        "A compensation order",
        "Until it is paid in full",
        "Until it is paid in full",
        "The period ends on the date the payment is made in full.",
        None,
        None,
        (_TABLE,),
        (),
    ),
    Rule(
        "relevant_order",
        "A community order, a youth rehabilitation order, a conditional discharge, a "
        "bind-over, a referral order, a hospital order, or another order that restricts "
        "what you may do",
        "Until the order ends",
        "Until the order ends",
        "The period ends on the last day the order has effect. If the order lasts until a "
        "further order, or until something happens, the period ends when the order stops "
        "having effect. If the order gives no end at all, the period is 24 months from the "
        "date of conviction.",
        None,
        None,
        (
            _TABLE,
            Citation("roa-s5", "section 5(2A), (2B) and (3), and section 5(8), “relevant order”"),
            Citation(
                "pcsca-s193",
                "section 193(6)(b), (7), (8) and (12)(a), making community and youth "
                "rehabilitation orders relevant orders",
            ),
        ),
        (
            "community-order",
            "youth-rehabilitation-order",
            "conditional-discharge",
        ),
    ),
    Rule(
        "absolute_discharge",
        "An absolute discharge",
        "Spent straight away",
        "Spent straight away",
        "There is no rehabilitation period: the law reads it as nil.",
        None,
        None,
        (Citation("roa-s5", "section 5(4)(a)"),),
        ("absolute-discharge",),
    ),
    Rule(
        "caution",
        "A simple caution or a youth caution",
        "Spent straight away",
        "Spent straight away",
        "Spent at the time the caution is given.",
        None,
        None,
        (
            Citation("roa-sch2", "Schedule 2, paragraph 1(1)(b)"),
            Citation("roa-s8a", "section 8A(2)(b)"),
        ),
        ("simple-caution", "youth-caution"),
    ),
    Rule(
        "conditional_caution",
        "A conditional caution or a youth conditional caution",
        "3 months",
        "3 months",
        "Spent at the end of 3 months from the date the caution is given, or earlier if the "
        "caution stops having effect before then.",
        3,
        3,
        (
            Citation("roa-sch2", "Schedule 2, paragraph 1(1)(a)"),
            Citation("roa-s8a", "section 8A(2)(a)"),
        ),
        ("conditional-caution", "youth-conditional-caution"),
    ),
)
RULES_BY_KEY = {rule.key: rule for rule in RULES}

# Rules that apply to every answer, shown under the table.
GENERAL = (
    (
        "These periods apply from 28 October 2023. Before then, longer periods applied.",
        (
            Citation("dbs-periods", "introduction"),
            Citation("dbs-periods-before", "introduction"),
        ),
    ),
    (
        "The periods in the table apply to convictions from before 28 October 2023 too, as if "
        "the new rules had always applied.",
        (Citation("pcsca-s193", "section 193(16) to (18)"),),
    ),
    (
        "Under 18 means under 18 on the date of conviction.",
        (Citation("roa-s5", "section 5(2)(b), the Table's third column"),),
    ),
    (
        "Prison terms given in the same proceedings, or to run one after another, count as "
        "one term: add them together. But terms added together never make a sentence for a "
        "Schedule 18 offence one that is never spent: only a single term of more than 4 "
        "years does that.",
        (Citation("roa-s5", "section 5(7)(a) and (b), and (7A)"),),
    ),
    (
        "A suspended sentence is a sentence of imprisonment: use the length of the prison "
        "term the court gave.",
        (Citation("roa-s5", "section 5(7)(c) and (8), “custodial sentence”"),),
    ),
    (
        "If you got more than one sentence for a conviction, the longest period applies.",
        (Citation("roa-s6", "section 6(2)"),),
    ),
    (
        "If you are convicted again before a period ends, both periods end on whichever date "
        "is later, with some exceptions.",
        (Citation("roa-s6", "section 6(4) to (6)"),),
    ),
    (
        "Only England and Wales: Scotland and Northern Ireland have their own rules.",
        (Citation("pcsca-s193", "section 193(1)"),),
    ),
)
