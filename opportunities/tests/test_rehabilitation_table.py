"""Every row of the published Table (Rehabilitation of Offenders Act 1974, s.5(2)(b), custodial
rows as substituted by the Police, Crime, Sentencing and Courts Act 2022, s.193(6)), every
exclusion in s.5(1), the relevant-order rules and the cautions in Schedule 2: each worked
through work_out for an adult and for someone under 18.

The expected periods are typed here from the statute, not read from rehabilitation_rules.py,
so a slip in the data file fails a test."""

from datetime import date

import pytest

from opportunities.services.rehabilitation import Disposal, Facts, Status, work_out
from opportunities.services.rehabilitation_rules import RULES

TODAY = date(2026, 12, 6)
END = date(2020, 3, 5)  # a sentence end, order end or conviction date well in the past


def _custody(months, age, schedule_18=None, end=END):
    return Facts(
        Disposal.CUSTODY,
        age_at_conviction=age,
        length=months,
        length_unit="months",
        schedule_18=schedule_18,
        end_date=end,
    )


# (case, facts, rule key, the first day it is spent) – straight from the Table's wording.
DATED = [
    # "A custodial sentence of 1 year or less": 12 months / 6 months beginning with the day
    # on which the sentence (including any licence period) is completed.
    ("custody 1 year or less, adult", _custody(6, 30), "custody_up_to_1_year", date(2021, 3, 5)),
    ("custody 1 year or less, under 18", _custody(6, 16), "custody_up_to_1_year", date(2020, 9, 5)),
    # "more than 1 year and up to, or consisting of, 4 years": 4 years / 2 years.
    ("custody 1 to 4 years, adult", _custody(30, 30), "custody_1_to_4_years", date(2024, 3, 5)),
    (
        "custody 1 to 4 years, under 18",
        _custody(30, 16),
        "custody_1_to_4_years",
        date(2022, 3, 5),
    ),
    # "more than 4 years" (not a Schedule 18 offence): 7 years / 42 months.
    (
        "custody over 4 years, adult",
        _custody(60, 30, "no"),
        "custody_over_4_years",
        date(2027, 3, 5),
    ),
    (
        "custody over 4 years, under 18",
        _custody(60, 16, "no"),
        "custody_over_4_years",
        date(2023, 9, 5),
    ),
    # "Removal from Her Majesty's service": 12 / 6 months beginning with the date of conviction.
    (
        "removal from service, adult",
        Facts(Disposal.REMOVAL_FROM_SERVICE, age_at_conviction=30, conviction_date=END),
        "removal_from_service",
        date(2021, 3, 5),
    ),
    (
        "removal from service, under 18",
        Facts(Disposal.REMOVAL_FROM_SERVICE, age_at_conviction=17, conviction_date=END),
        "removal_from_service",
        date(2020, 9, 5),
    ),
    # "A sentence of service detention": 12 / 6 months beginning with the day it is completed.
    (
        "service detention, adult",
        Facts(Disposal.SERVICE_DETENTION, age_at_conviction=30, end_date=END),
        "service_detention",
        date(2021, 3, 5),
    ),
    (
        "service detention, under 18",
        Facts(Disposal.SERVICE_DETENTION, age_at_conviction=17, end_date=END),
        "service_detention",
        date(2020, 9, 5),
    ),
    # "A fine": 12 / 6 months beginning with the date of conviction.
    (
        "fine, adult",
        Facts(Disposal.FINE, age_at_conviction=30, conviction_date=END),
        "fine",
        date(2021, 3, 5),
    ),
    (
        "fine, under 18",
        Facts(Disposal.FINE, age_at_conviction=17, conviction_date=END),
        "fine",
        date(2020, 9, 5),
    ),
    # "A compensation order": the date on which the payment is made in full.
    (
        "compensation order",
        Facts(Disposal.COMPENSATION, conviction_date=date(2019, 1, 1), end_date=END),
        "compensation_order",
        date(2020, 3, 6),
    ),
    # "A relevant order" (now including community and youth rehabilitation orders, s.193(12)):
    # the day provided as the last day on which the order is to have effect, adult or not.
    (
        "community order, adult",
        Facts(Disposal.COMMUNITY, age_at_conviction=30, end_date=END),
        "relevant_order",
        date(2020, 3, 6),
    ),
    (
        "youth rehabilitation order, under 18",
        Facts(Disposal.COMMUNITY, age_at_conviction=15, end_date=END),
        "relevant_order",
        date(2020, 3, 6),
    ),
    (
        "conditional discharge",
        Facts(Disposal.CONDITIONAL_DISCHARGE, end_date=END),
        "relevant_order",
        date(2020, 3, 6),
    ),
    (
        "bind-over or other order",
        Facts(Disposal.OTHER_ORDER, end_date=END),
        "relevant_order",
        date(2020, 3, 6),
    ),
    # Schedule 2 para 1(1)(a): a conditional caution, at the end of 3 months *from* the date
    # given (the count starts the next day), or earlier if it ceases to have effect.
    (
        "conditional caution",
        Facts(Disposal.CONDITIONAL_CAUTION, conviction_date=END),
        "conditional_caution",
        date(2020, 6, 6),
    ),
    (
        "conditional caution that ended early",
        Facts(Disposal.CONDITIONAL_CAUTION, conviction_date=END, end_date=date(2020, 4, 1)),
        "conditional_caution",
        date(2020, 4, 1),
    ),
    # para 1(1)(b): any other caution, at the time it is given.
    (
        "simple or youth caution",
        Facts(Disposal.CAUTION, conviction_date=END),
        "caution",
        END,
    ),
    # s.5(4)(a): no rehabilitation period for an absolute discharge (read as nil).
    (
        "absolute discharge",
        Facts(Disposal.ABSOLUTE_DISCHARGE, conviction_date=END),
        "absolute_discharge",
        END,
    ),
]


@pytest.mark.parametrize("case,facts,rule_key,spent_from", DATED, ids=[c[0] for c in DATED])
def test_each_row_gives_the_statutory_date(case, facts, rule_key, spent_from):
    outcome = work_out(facts, TODAY)
    assert outcome.rule.key == rule_key
    assert outcome.spent_from == spent_from
    assert outcome.status == (Status.SPENT if spent_from <= TODAY else Status.NOT_YET)


NEVER = [
    ("life, IPP, extended sentence", Facts(Disposal.EXCLUDED), "excluded"),
    (
        "over 4 years for a Schedule 18 offence, adult",
        _custody(60, 30, "yes"),
        "custody_over_4_years_schedule_18",
    ),
    (
        "over 4 years for a Schedule 18 offence, under 18",
        _custody(60, 16, "yes"),
        "custody_over_4_years_schedule_18",
    ),
]


@pytest.mark.parametrize("case,facts,rule_key", NEVER, ids=[c[0] for c in NEVER])
def test_excluded_sentences_are_never_spent(case, facts, rule_key):
    outcome = work_out(facts, TODAY)
    assert (outcome.status, outcome.rule.key, outcome.spent_from) == (Status.NEVER, rule_key, None)
    assert outcome.summary == "This is never spent."


def test_every_rule_in_the_table_is_worked_through_above():
    worked = {case[2] for case in DATED} | {case[2] for case in NEVER}
    assert worked == {rule.key for rule in RULES}


STATUTE = {
    # rule key: (adult months, under-18 months) as the Act words them
    "custody_over_4_years": (84, 42),  # "7 years" / "42 months"
    "custody_1_to_4_years": (48, 24),  # "4 years" / "2 years"
    "custody_up_to_1_year": (12, 6),  # "12 months" / "6 months"
    "removal_from_service": (12, 6),
    "service_detention": (12, 6),
    "fine": (12, 6),
    "conditional_caution": (3, 3),  # Schedule 2: "three months", whatever the age
}


def test_the_data_file_holds_the_statutory_months_and_nothing_else():
    counted = {r.key: (r.adult_months, r.under_18_months) for r in RULES if r.adult_months}
    assert counted == STATUTE


def test_every_rule_is_cited_to_a_known_source_with_a_pinpoint():
    from opportunities.services.rehabilitation_rules import GENERAL, SOURCES

    citations = [c for rule in RULES for c in rule.citations]
    citations += [c for _words, cited in GENERAL for c in cited]
    for citation in citations:
        assert citation.source in SOURCES and citation.pinpoint.strip()
        assert citation.full.url.startswith("https://www.")
    assert all(rule.citations for rule in RULES)


def test_every_source_listed_is_cited_by_some_rule():
    from opportunities.services.rehabilitation_rules import GENERAL, SOURCES

    cited = {c.source for rule in RULES for c in rule.citations}
    cited |= {c.source for _words, citations in GENERAL for c in citations}
    assert cited == set(SOURCES)
