"""When a conviction or caution becomes spent in England and Wales, under the rules in force
from 28 October 2023 (the rules and their citations are in rehabilitation_rules.py).

work_out(facts, today) is a plain function: it stores nothing and reads nothing but its
arguments. It raises Unanswerable (naming the field) when the facts given cannot be right or
are not enough to pick a rule; when only the date a period runs from is missing it still
answers, with the rule in words and no date.

Counting (our reading of the statutory wording, said on the page): a period "beginning with"
a day includes that day, so 12 months beginning with 5 March 2024 ends on 4 March 2025 and the
conviction is spent from 5 March 2025; a period "from" a day starts the day after. Where the
end month has no matching day (31 August plus 6 months), the period ends on that month's last
day.
"""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import models

from opportunities.services.rehabilitation_rules import RULES_BY_KEY, Rule

OLDEST_DATE = date(1900, 1, 1)
MIN_AGE, MAX_AGE = 10, 120
# The longest fixed term anyone could enter with a straight face; beyond it is a typing slip.
MAX_MONTHS = 100 * 12
MAX_WEEKS = 52  # 52 weeks is 364 days: always a year or less, whatever the year
MAX_DAYS = 365  # a year or less in any year


class Disposal(models.TextChoices):
    CUSTODY = "custody", "Prison or other custody, including a suspended sentence"
    EXCLUDED = "excluded", "A life sentence, IPP, DPP, extended sentence or similar"
    COMMUNITY = "community", "A community order or a youth rehabilitation order"
    FINE = "fine", "A fine"
    CONDITIONAL_DISCHARGE = "conditional_discharge", "A conditional discharge"
    ABSOLUTE_DISCHARGE = "absolute_discharge", "An absolute discharge"
    COMPENSATION = "compensation", "A compensation order"
    OTHER_ORDER = "other_order", "Another court order, such as a bind-over or referral order"
    CAUTION = "caution", "A simple caution or a youth caution"
    CONDITIONAL_CAUTION = (
        "conditional_caution",
        ("A conditional caution or youth conditional caution"),
    )
    SERVICE_DETENTION = "service_detention", "Service detention (armed forces)"
    REMOVAL_FROM_SERVICE = "removal_from_service", "Removal from His Majesty's service"


class LengthUnit(models.TextChoices):
    DAYS = "days", "days"
    WEEKS = "weeks", "weeks"
    MONTHS = "months", "months"
    YEARS = "years", "years"


class Schedule18(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    UNSURE = "unsure", "I am not sure"


class Status(models.TextChoices):
    NEVER = "never", "Never spent"
    SPENT = "spent", "Spent"
    NOT_YET = "not_yet", "Not spent yet"
    NEEDS_DATE = "needs_date", "Spent after a set time"
    DEPENDS = "depends", "Depends on the offence"


@dataclass(frozen=True)
class Facts:
    disposal: str
    age_at_conviction: int | None = None
    length: int | None = None
    length_unit: str | None = None
    schedule_18: str | None = None
    conviction_date: date | None = None  # for a caution: the date it was given
    end_date: date | None = None  # sentence end (with licence), order end, paid, caution ended


class Unanswerable(ValueError):
    """The facts cannot be right, or do not say enough to pick a rule."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class Outcome:
    status: str
    rule: Rule
    summary: str
    spent_from: date | None = None  # the first day it is spent
    under_18: bool | None = None
    # Schedule 18 not known: this is the answer if the offence is not in it.
    if_not_schedule_18: "Outcome | None" = None

    @property
    def status_label(self) -> str:
        return Status(self.status).label


def work_out(facts: Facts, today: date) -> Outcome:
    _check_dates(facts, today)
    handler = _HANDLERS.get(facts.disposal)
    if handler is None:
        raise Unanswerable("disposal", "Choose what you were given from the list.")
    return handler(facts, today)


def first_day_after(start: date, months: int, *, beginning_with: bool) -> date:
    """The first day after a period of `months` counted from `start` (see the module note)."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    last_day = calendar.monthrange(year, month)[1]
    if start.day > last_day:  # no matching day: the period ends on the month's last day
        return date(year, month, last_day) + timedelta(days=1)
    matching = date(year, month, start.day)
    return matching if beginning_with else matching + timedelta(days=1)


def _check_dates(facts: Facts, today: date) -> None:
    if facts.conviction_date is not None:
        if facts.conviction_date > today:
            raise Unanswerable(
                "conviction_date", "The date of conviction or caution cannot be in the future."
            )
        if facts.conviction_date < OLDEST_DATE:
            raise Unanswerable("conviction_date", "Enter a date after 1 January 1900.")
    if facts.end_date is not None:
        if facts.end_date < OLDEST_DATE:
            raise Unanswerable("end_date", "Enter a date after 1 January 1900.")
        if facts.end_date > first_day_after(today, MAX_MONTHS, beginning_with=True):
            raise Unanswerable("end_date", "Enter an end date less than 100 years from today.")
        if facts.conviction_date is not None and facts.end_date < facts.conviction_date:
            raise Unanswerable(
                "end_date", "The end date cannot be before the date of conviction or caution."
            )


def _under_18(facts: Facts) -> bool:
    age = facts.age_at_conviction
    if age is None:
        raise Unanswerable(
            "age_at_conviction",
            "Enter your age on the date of conviction: the period is shorter if you were under 18.",
        )
    if not MIN_AGE <= age <= MAX_AGE:
        raise Unanswerable(
            "age_at_conviction", f"Enter an age from {MIN_AGE} to {MAX_AGE}, in whole years."
        )
    return age < 18


def _length_in_months(facts: Facts) -> int:
    """The custodial term in months, or 0 for a term given in days or weeks (always a year or
    less, because the limits keep them under a year)."""
    length, unit = facts.length, facts.length_unit
    if length is None or unit is None:
        raise Unanswerable("length", "Enter the length of the sentence the court gave.")
    if length < 1:
        raise Unanswerable("length", "Enter a length of 1 or more.")
    in_months = "or give the length in months or years"
    limits = {
        LengthUnit.DAYS: (MAX_DAYS, f"Enter up to 365 days, {in_months}."),
        LengthUnit.WEEKS: (MAX_WEEKS, f"Enter up to 52 weeks, {in_months}."),
        LengthUnit.MONTHS: (MAX_MONTHS, "Enter up to 1,200 months (100 years)."),
        LengthUnit.YEARS: (MAX_MONTHS // 12, "Enter up to 100 years."),
    }
    if unit not in limits:
        raise Unanswerable("length", "Choose days, weeks, months or years.")
    most, message = limits[unit]
    if length > most:
        raise Unanswerable("length", message)
    if unit == LengthUnit.YEARS:
        return length * 12
    return length if unit == LengthUnit.MONTHS else 0


def _dated(rule: Rule, spent_from: date, today: date, under_18: bool | None) -> Outcome:
    if spent_from <= today:
        summary = f"This became spent on {_uk(spent_from)}."
        status = Status.SPENT
    else:
        summary = (
            f"This will be spent on {_uk(spent_from)}, as long as nothing changes "
            "(for example another conviction before then)."
        )
        status = Status.NOT_YET
    return Outcome(status, rule, summary, spent_from, under_18)


def _buffer(rule: Rule, under_18: bool) -> int:
    months = rule.under_18_months if under_18 else rule.adult_months
    assert months is not None, rule.key  # every rule counted in months has both columns
    return months


def _months_words(months: int) -> str:
    if months % 12 == 0:
        years = months // 12
        return f"{years} year{'s' if years > 1 else ''}"
    return f"{months} months"


def _uk(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _custody(facts: Facts, today: date) -> Outcome:
    months = _length_in_months(facts)
    if months <= 12:
        rule = RULES_BY_KEY["custody_up_to_1_year"]
    elif months <= 48:
        rule = RULES_BY_KEY["custody_1_to_4_years"]
    else:
        if facts.schedule_18 not in Schedule18.values:
            raise Unanswerable(
                "schedule_18",
                "For a sentence of more than 4 years, say whether the offence is in Schedule "
                "18 (or that you are not sure).",
            )
        if facts.schedule_18 == Schedule18.YES:
            never = RULES_BY_KEY["custody_over_4_years_schedule_18"]
            return Outcome(Status.NEVER, never, "This is never spent.")
        rule = RULES_BY_KEY["custody_over_4_years"]
        if facts.schedule_18 == Schedule18.UNSURE:
            otherwise = _from_sentence_end(rule, facts, today)
            return Outcome(
                Status.DEPENDS,
                RULES_BY_KEY["custody_over_4_years_schedule_18"],
                "It depends on the offence. If it is in Schedule 18, this is never spent. If "
                f"it is not: {otherwise.summary[0].lower()}{otherwise.summary[1:]}",
                None,
                otherwise.under_18,
                if_not_schedule_18=otherwise,
            )
    return _from_sentence_end(rule, facts, today)


WHOLE_SENTENCE = "the whole sentence ends, including any time on licence"


def _from_sentence_end(rule: Rule, facts: Facts, today: date, ends=WHOLE_SENTENCE) -> Outcome:
    under_18 = _under_18(facts)
    months = _buffer(rule, under_18)
    if facts.end_date is None:
        return Outcome(
            Status.NEEDS_DATE,
            rule,
            f"This becomes spent {_months_words(months)} after the day {ends}. Enter that "
            "date to see when.",
            None,
            under_18,
        )
    spent_from = first_day_after(facts.end_date, months, beginning_with=True)
    return _dated(rule, spent_from, today, under_18)


def _from_conviction(rule_key: str):
    def handler(facts: Facts, today: date) -> Outcome:
        rule = RULES_BY_KEY[rule_key]
        under_18 = _under_18(facts)
        months = _buffer(rule, under_18)
        if facts.conviction_date is None:
            return Outcome(
                Status.NEEDS_DATE,
                rule,
                f"This becomes spent {_months_words(months)} after the date of conviction. "
                "Enter that date to see when.",
                None,
                under_18,
            )
        spent_from = first_day_after(facts.conviction_date, months, beginning_with=True)
        return _dated(rule, spent_from, today, under_18)

    return handler


def _service_detention(facts: Facts, today: date) -> Outcome:
    rule = RULES_BY_KEY["service_detention"]
    return _from_sentence_end(rule, facts, today, ends="the sentence ends")


def _relevant_order(facts: Facts, today: date) -> Outcome:
    rule = RULES_BY_KEY["relevant_order"]
    if facts.end_date is None:
        return Outcome(
            Status.NEEDS_DATE,
            rule,
            "This becomes spent the day after the order ends. Enter the order's last day to "
            "see the date.",
        )
    return _dated(rule, facts.end_date + timedelta(days=1), today, None)


def _compensation(facts: Facts, today: date) -> Outcome:
    rule = RULES_BY_KEY["compensation_order"]
    if facts.end_date is None:
        return Outcome(
            Status.NEEDS_DATE,
            rule,
            "This becomes spent the day after you pay the order in full. If you have paid, "
            "enter the date you paid the last of it.",
        )
    return _dated(rule, facts.end_date + timedelta(days=1), today, None)


def _never(facts: Facts, today: date) -> Outcome:
    return Outcome(Status.NEVER, RULES_BY_KEY["excluded"], "This is never spent.")


def _straight_away(rule_key: str):
    def handler(facts: Facts, today: date) -> Outcome:
        rule = RULES_BY_KEY[rule_key]
        if facts.conviction_date is None:
            return Outcome(Status.SPENT, rule, "This was spent straight away.")
        return Outcome(
            Status.SPENT,
            rule,
            f"This was spent straight away, on {_uk(facts.conviction_date)}.",
            facts.conviction_date,
        )

    return handler


def _conditional_caution(facts: Facts, today: date) -> Outcome:
    rule = RULES_BY_KEY["conditional_caution"]
    if facts.conviction_date is None:
        return Outcome(
            Status.NEEDS_DATE,
            rule,
            "This becomes spent 3 months after the date the caution was given, or sooner if "
            "it stopped having effect before then. Enter the date it was given to see when.",
        )
    spent_from = first_day_after(facts.conviction_date, 3, beginning_with=False)
    if facts.end_date is not None and facts.end_date < spent_from:
        spent_from = facts.end_date
    return _dated(rule, spent_from, today, None)


_HANDLERS = {
    Disposal.CUSTODY: _custody,
    Disposal.EXCLUDED: _never,
    Disposal.COMMUNITY: _relevant_order,
    Disposal.FINE: _from_conviction("fine"),
    Disposal.CONDITIONAL_DISCHARGE: _relevant_order,
    Disposal.ABSOLUTE_DISCHARGE: _straight_away("absolute_discharge"),
    Disposal.COMPENSATION: _compensation,
    Disposal.OTHER_ORDER: _relevant_order,
    Disposal.CAUTION: _straight_away("caution"),
    Disposal.CONDITIONAL_CAUTION: _conditional_caution,
    Disposal.SERVICE_DETENTION: _service_detention,
    Disposal.REMOVAL_FROM_SERVICE: _from_conviction("removal_from_service"),
}
