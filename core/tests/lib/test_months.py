"""Month arithmetic: a month is the date of its first day, across year ends and time zones."""

import datetime

from core.lib.months import add_months, month_label, month_of, month_start, months_between


def test_month_start_is_the_first_day():
    assert month_start(datetime.date(2024, 2, 29)) == datetime.date(2024, 2, 1)


def test_add_months_crosses_year_ends_both_ways():
    assert add_months(datetime.date(2024, 11, 1), 3) == datetime.date(2025, 2, 1)
    assert add_months(datetime.date(2025, 1, 1), -1) == datetime.date(2024, 12, 1)
    assert add_months(datetime.date(2025, 1, 1), -24) == datetime.date(2023, 1, 1)


def test_months_between_includes_both_ends():
    months = months_between(datetime.date(2024, 11, 1), datetime.date(2025, 2, 1))
    assert [m.isoformat() for m in months] == [
        "2024-11-01",
        "2024-12-01",
        "2025-01-01",
        "2025-02-01",
    ]
    assert months_between(datetime.date(2025, 2, 1), datetime.date(2025, 1, 1)) == []


def test_month_of_a_moment_is_the_installations_month():
    # 23:30 on 31 March UTC is 00:30 on 1 April in British Summer Time.
    moment = datetime.datetime(2025, 3, 31, 23, 30, tzinfo=datetime.UTC)
    assert month_of(moment) == datetime.date(2025, 4, 1)


def test_month_label_is_short_month_and_year():
    assert month_label(datetime.date(2025, 3, 1)) == "Mar 2025"
