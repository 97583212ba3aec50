"""The edges of the Table's bands (exactly 1 year, exactly 4 years), turning 18, the day a
period ends, and months with no matching day."""

from datetime import date

import pytest

from opportunities.services.rehabilitation import (
    Disposal,
    Facts,
    Status,
    first_day_after,
    work_out,
)

TODAY = date(2026, 12, 6)


def _band(length, unit, schedule_18="no"):
    facts = Facts(
        Disposal.CUSTODY,
        age_at_conviction=30,
        length=length,
        length_unit=unit,
        schedule_18=schedule_18,
        end_date=date(2020, 1, 10),
    )
    return work_out(facts, TODAY).rule.key


@pytest.mark.parametrize(
    "length,unit,band",
    [
        (12, "months", "custody_up_to_1_year"),  # "1 year or less": exactly 12 months is in
        (1, "years", "custody_up_to_1_year"),
        (52, "weeks", "custody_up_to_1_year"),
        (365, "days", "custody_up_to_1_year"),
        (13, "months", "custody_1_to_4_years"),  # "more than 1 year"
        (2, "years", "custody_1_to_4_years"),
        (48, "months", "custody_1_to_4_years"),  # "up to, or consisting of, 4 years"
        (4, "years", "custody_1_to_4_years"),
        (49, "months", "custody_over_4_years"),  # "more than 4 years"
        (5, "years", "custody_over_4_years"),
    ],
)
def test_each_band_starts_and_ends_where_the_table_says(length, unit, band):
    assert _band(length, unit) == band


def test_exactly_4_years_is_never_excluded_even_for_a_schedule_18_offence():
    # s.5(1)(b) excludes only terms *exceeding* 4 years.
    assert _band(48, "months", schedule_18="yes") == "custody_1_to_4_years"
    assert _band(49, "months", schedule_18="yes") == "custody_over_4_years_schedule_18"


@pytest.mark.parametrize(
    "age,under_18,spent_from",
    [
        (17, True, date(2020, 7, 10)),
        (18, False, date(2021, 1, 10)),  # turning 18 on the day of conviction: an adult
        (19, False, date(2021, 1, 10)),
    ],
)
def test_under_18_means_under_18_on_the_date_of_conviction(age, under_18, spent_from):
    facts = Facts(
        Disposal.CUSTODY,
        age_at_conviction=age,
        length=3,
        length_unit="months",
        end_date=date(2020, 1, 10),
    )
    outcome = work_out(facts, TODAY)
    assert (outcome.under_18, outcome.spent_from) == (under_18, spent_from)


def test_spent_on_the_first_day_after_the_period_and_not_before():
    fine = Facts(Disposal.FINE, age_at_conviction=40, conviction_date=date(2025, 12, 6))
    assert work_out(fine, date(2026, 12, 5)).status == Status.NOT_YET  # last day of the period
    assert work_out(fine, date(2026, 12, 6)).status == Status.SPENT
    assert work_out(fine, date(2026, 12, 6)).spent_from == date(2026, 12, 6)


def test_a_period_beginning_with_a_day_counts_that_day():
    # 12 months beginning with 5 March 2024 end on 4 March 2025.
    assert first_day_after(date(2024, 3, 5), 12, beginning_with=True) == date(2025, 3, 5)


def test_a_period_from_a_day_starts_the_next_day():
    # 3 months from 5 March end at the end of 5 June.
    assert first_day_after(date(2024, 3, 5), 3, beginning_with=False) == date(2024, 6, 6)


@pytest.mark.parametrize(
    "start,months,beginning_with,expected",
    [
        (date(2024, 8, 31), 6, True, date(2025, 3, 1)),  # no 31 February: ends 28 February
        (date(2024, 2, 29), 12, True, date(2025, 3, 1)),  # leap day, no 29 February 2025
        (date(2024, 2, 29), 48, True, date(2028, 2, 29)),  # another leap year
        (date(2023, 11, 30), 3, False, date(2024, 3, 1)),  # no 30 February: ends 29 February
        (date(2024, 12, 31), 1, True, date(2025, 1, 31)),  # over the year's end
    ],
)
def test_months_without_a_matching_day_end_on_the_last_day_of_the_month(
    start, months, beginning_with, expected
):
    assert first_day_after(start, months, beginning_with=beginning_with) == expected


def test_a_conditional_caution_that_ends_after_three_months_is_spent_at_three_months():
    facts = Facts(
        Disposal.CONDITIONAL_CAUTION,
        conviction_date=date(2026, 1, 10),
        end_date=date(2026, 9, 1),
    )
    assert work_out(facts, TODAY).spent_from == date(2026, 4, 11)


def test_schedule_18_not_known_gives_both_answers():
    facts = Facts(
        Disposal.CUSTODY,
        age_at_conviction=30,
        length=6,
        length_unit="years",
        schedule_18="unsure",
        end_date=date(2020, 1, 10),
    )
    outcome = work_out(facts, TODAY)
    assert outcome.status == Status.DEPENDS
    assert "never spent" in outcome.summary and "10 January 2027" in outcome.summary
    assert outcome.if_not_schedule_18.spent_from == date(2027, 1, 10)


@pytest.mark.parametrize(
    "facts,words",
    [
        (
            Facts(Disposal.CUSTODY, age_at_conviction=30, length=2, length_unit="years"),
            "4 years after the day the whole sentence ends, including any time on licence",
        ),
        (
            Facts(
                Disposal.CUSTODY,
                age_at_conviction=16,
                length=5,
                length_unit="years",
                schedule_18="no",
            ),
            "42 months after the day the whole sentence ends",
        ),
        (Facts(Disposal.FINE, age_at_conviction=16), "6 months after the date of conviction"),
        (Facts(Disposal.COMMUNITY), "the day after the order ends"),
        (Facts(Disposal.COMPENSATION), "the day after you pay the order in full"),
        (Facts(Disposal.CONDITIONAL_CAUTION), "3 months after the date the caution was given"),
    ],
)
def test_without_the_date_a_period_runs_from_the_rule_is_given_in_words(facts, words):
    outcome = work_out(facts, TODAY)
    assert outcome.status == Status.NEEDS_DATE and outcome.spent_from is None
    assert words in outcome.summary


def test_a_caution_or_absolute_discharge_is_spent_without_any_date():
    for disposal in (Disposal.CAUTION, Disposal.ABSOLUTE_DISCHARGE):
        outcome = work_out(Facts(disposal), TODAY)
        assert outcome.status == Status.SPENT and "straight away" in outcome.summary
