"""Answers that cannot be right get a clear message on the field concerned, from the service
and through the page; hostile text is refused and never echoed unescaped; nothing is stored."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from opportunities.services.rehabilitation import Disposal, Facts, Unanswerable, work_out

TODAY = date(2026, 12, 6)
URL = "/opportunities/checks/rehabilitation/"


@pytest.mark.parametrize(
    "facts,field,message",
    [
        (
            Facts(Disposal.CUSTODY, age_at_conviction=30, length=-6, length_unit="months"),
            "length",
            "Enter a length of 1 or more.",
        ),
        (
            Facts(Disposal.CUSTODY, age_at_conviction=30, length=0, length_unit="months"),
            "length",
            "Enter a length of 1 or more.",
        ),
        (
            Facts(Disposal.CUSTODY, age_at_conviction=30, length=10**30, length_unit="months"),
            "length",
            "Enter up to 1,200 months (100 years).",
        ),
        (
            Facts(Disposal.CUSTODY, age_at_conviction=30, length=101, length_unit="years"),
            "length",
            "Enter up to 100 years.",
        ),
        (
            Facts(Disposal.CUSTODY, age_at_conviction=30, length=53, length_unit="weeks"),
            "length",
            "Enter up to 52 weeks, or give the length in months or years.",
        ),
        (
            Facts(Disposal.CUSTODY, age_at_conviction=30, length=366, length_unit="days"),
            "length",
            "Enter up to 365 days, or give the length in months or years.",
        ),
        (
            Facts(Disposal.CUSTODY, age_at_conviction=30, length=6, length_unit="fortnights"),
            "length",
            "Choose days, weeks, months or years.",
        ),
        (
            Facts(Disposal.CUSTODY, age_at_conviction=30),
            "length",
            "Enter the length of the sentence the court gave.",
        ),
        (
            Facts(Disposal.CUSTODY, age_at_conviction=30, length=5, length_unit="years"),
            "schedule_18",
            "For a sentence of more than 4 years, say whether the offence is in "
            "Schedule 18 (or that you are not sure).",
        ),
        (
            Facts(Disposal.FINE, age_at_conviction=-3),
            "age_at_conviction",
            "Enter an age from 10 to 120, in whole years.",
        ),
        (
            Facts(Disposal.FINE, age_at_conviction=10**9),
            "age_at_conviction",
            "Enter an age from 10 to 120, in whole years.",
        ),
        (
            Facts(Disposal.FINE),
            "age_at_conviction",
            "Enter your age on the date of conviction: the period is shorter if you were under 18.",
        ),
        (
            Facts(Disposal.FINE, age_at_conviction=30, conviction_date=TODAY + timedelta(days=1)),
            "conviction_date",
            "The date of conviction or caution cannot be in the future.",
        ),
        (
            Facts(Disposal.CAUTION, conviction_date=date(1899, 12, 31)),
            "conviction_date",
            "Enter a date after 1 January 1900.",
        ),
        (
            Facts(Disposal.COMMUNITY, conviction_date=date(2020, 5, 1), end_date=date(2020, 4, 30)),
            "end_date",
            "The end date cannot be before the date of conviction or caution.",
        ),
        (
            Facts(Disposal.COMMUNITY, end_date=date(2127, 1, 1)),
            "end_date",
            "Enter an end date less than 100 years from today.",
        ),
        (
            Facts("<script>alert(1)</script>"),
            "disposal",
            "Choose what you were given from the list.",
        ),
    ],
)
def test_the_service_refuses_what_cannot_be_right(facts, field, message):
    with pytest.raises(Unanswerable) as refused:
        work_out(facts, TODAY)
    assert (refused.value.field, refused.value.message) == (field, message)


def test_an_end_date_in_the_future_is_fine_the_sentence_may_still_be_running():
    facts = Facts(
        Disposal.CUSTODY,
        age_at_conviction=30,
        length=2,
        length_unit="years",
        conviction_date=date(2026, 1, 5),
        end_date=date(2028, 1, 4),
    )
    assert work_out(facts, TODAY).spent_from == date(2032, 1, 4)


def _post(client, **answers):
    return client.post(URL, answers, secure=True)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "answers,message",
    [
        ({}, ('<a href="#id_disposal">Choose what you were given from the list.</a>')),
        ({"disposal": "life<script>"}, "Choose what you were given from the list."),
        (
            {"disposal": "fine", "age_at_conviction": "<img src=x onerror=alert(1)>"},
            "Enter a whole number, for example 12.",
        ),
        ({"disposal": "fine", "age_at_conviction": "9" * 5000}, "Enter a whole number"),
        ({"disposal": "fine", "age_at_conviction": "-1"}, "Enter an age from 10 to 120"),
        (
            {"disposal": "custody", "length": "1e9", "length_unit": "months"},
            "Enter a whole number, for example 12.",
        ),
        (
            {"disposal": "custody", "length": "6", "length_unit": "lifetimes"},
            "Choose days, weeks, months or years.",
        ),
        (
            {"disposal": "custody", "length": "6", "schedule_18": "maybe"},
            "Choose yes, no or not sure.",
        ),
        ({"disposal": "caution", "conviction_date": "31/02/2024"}, "Enter a real date"),
        ({"disposal": "caution", "conviction_date": "'; DROP TABLE x; --"}, "Enter a real date"),
        (
            {"disposal": "fine", "age_at_conviction": "30", "conviction_date": "9999-12-31"},
            "cannot be in the future",
        ),
    ],
)
def test_the_page_says_what_to_fix_and_echoes_nothing_unescaped(client, answers, message):
    response = _post(client, **answers)
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page and message in page
    assert "Your answer" not in page
    for value in answers.values():
        if "<" in value:
            assert value not in page  # shown escaped, if at all


@pytest.mark.django_db
def test_a_good_answer_is_shown_and_nothing_is_written(client):
    conviction = timezone.localdate() - timedelta(days=30)
    with CaptureQueriesContext(connection) as queries:
        response = _post(
            client,
            disposal="fine",
            age_at_conviction="16",
            conviction_date=conviction.isoformat(),
        )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Your answer: Not spent yet" in page
    assert "under 18" in page
    writes = [
        q["sql"] for q in queries.captured_queries if not q["sql"].lstrip().startswith("SELECT")
    ]
    assert writes == []
