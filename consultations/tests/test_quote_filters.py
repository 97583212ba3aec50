"""The staff quotes page is paginated and filters by review state, theme, source and words."""

import pytest
from django.urls import reverse

from consultations.evidence.views.quotes import QUOTES_PER_PAGE
from consultations.tests.factories import (
    AnswerFactory,
    CodingFactory,
    ConsultationFactory,
    ContributionFactory,
    PassageFactory,
    QuoteFactory,
    SessionFactory,
    SpeakerFactory,
)
from core.tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultation():
    return ConsultationFactory()


@pytest.fixture
def staff_client(client, consultation):
    client.force_login(StaffFactory())
    return client


def answer_quote(consultation, text, **kwargs):
    contribution = ContributionFactory(consultation=consultation)
    return QuoteFactory(answer=AnswerFactory(contribution=contribution, text=text), **kwargs)


def listed(client, consultation, **params) -> str:
    url = reverse("consultations:staff_quotes", args=[consultation.slug])
    return client.get(url, params).content.decode()


def test_filters_by_words_source_theme_and_review_state(staff_client, consultation):
    housing = answer_quote(consultation, "A home on the first night matters most.")
    school = answer_quote(
        consultation, "Exclusion from school came first.", is_redaction_reviewed=False
    )
    speaker = SpeakerFactory(session=SessionFactory(consultation=consultation))
    QuoteFactory(passage=PassageFactory(speaker=speaker, text="The first night in a hostel."))
    coding = CodingFactory(quote=housing)

    page = listed(staff_client, consultation, words="first night")
    assert "A home on the first night" in page and "hostel" in page and "Exclusion" not in page
    page = listed(staff_client, consultation, source="sessions")
    assert "hostel" in page and "A home on" not in page
    page = listed(staff_client, consultation, theme=coding.theme.pk)
    assert "A home on the first night" in page and "hostel" not in page
    page = listed(staff_client, consultation, show="unreviewed")
    assert "Exclusion from school" in page and "A home on" not in page
    assert school.pk  # the only unreviewed quote


def test_pages_keep_the_filters(staff_client, consultation):
    for number in range(QUOTES_PER_PAGE + 3):
        answer_quote(consultation, f"Quote number {number} about housing.")
    page = listed(staff_client, consultation, words="housing")
    assert f"{QUOTES_PER_PAGE + 3} quotes match these filters" in page
    assert "Page 1 of 2" in page
    assert 'href="?words=housing&amp;page=2"' in page


def test_an_unknown_filter_value_shows_every_quote_and_changes_nothing(staff_client, consultation):
    answer_quote(consultation, "A home on the first night matters most.")
    page = listed(staff_client, consultation, show="nonsense", theme="99999", source="elsewhere")
    assert "A home on the first night" in page
