"""The theme summary: contributions and organisations per theme, the questions it came up
under, representative quotes, sorting, merged themes folded in, withdrawn words left out."""

import pytest
from django.urls import reverse
from django.utils import timezone

from consultations.evidence.services.codebook import merge_themes
from consultations.evidence.services.summary import theme_summary
from consultations.models import Speaker
from consultations.tests.factories import (
    AnswerFactory,
    CodingFactory,
    ConsultationFactory,
    ContributionFactory,
    PassageFactory,
    QuestionFactory,
    QuoteFactory,
    ThemeFactory,
)
from core.tests.factories import StaffFactory
from members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    consultation = ConsultationFactory()
    q1 = QuestionFactory(part__consultation=consultation, number=1)
    q2 = QuestionFactory(part=q1.part, number=2)
    housing = ThemeFactory(consultation=consultation, name="Housing")
    work = ThemeFactory(consultation=consultation, name="Work")
    coders = [StaffFactory(), StaffFactory()]
    shared_org = OrganisationFactory()

    first = ContributionFactory(consultation=consultation, organisation=shared_org)
    second = ContributionFactory(consultation=consultation)
    a1 = QuoteFactory(answer=AnswerFactory(contribution=first, question=q1))
    a2 = QuoteFactory(answer=AnswerFactory(contribution=first, question=q2))
    b1 = QuoteFactory(answer=AnswerFactory(contribution=second, question=q1))
    # A speaker from the same organisation as the first contribution, on question 2.
    passage = PassageFactory(
        speaker__session__consultation=consultation,
        speaker__kind=Speaker.Kind.ORGANISATION,
        speaker__organisation=shared_org,
        question=q2,
    )
    s1 = QuoteFactory(passage=passage)
    for quote in (a1, a2, b1, s1):
        CodingFactory(quote=quote, theme=housing, coder=coders[0])
    CodingFactory(quote=a1, theme=housing, coder=coders[1])  # a second coder agrees
    CodingFactory(quote=b1, theme=work, coder=coders[0])
    return {
        "consultation": consultation,
        "housing": housing,
        "work": work,
        "quotes": (a1, a2, b1, s1),
        "second": second,
        "coders": coders,
    }


def _rows(world, sort="-contributions"):
    return {row.name: row for row in theme_summary(world["consultation"], sort=sort)}


def test_counts_contributions_organisations_quotes_and_questions(world):
    rows = _rows(world)
    housing = rows["Housing"]
    # Two online contributions and one speaker; their organisations are two, not three.
    assert (housing.contributions, housing.organisations, housing.quotes) == (3, 2, 4)
    assert [q.number for q in housing.questions] == [1, 2]
    work = rows["Work"]
    assert (work.contributions, work.organisations, work.quotes) == (1, 1, 1)
    assert [q.number for q in work.questions] == [1]


def test_representative_quotes_put_the_most_agreed_first(world):
    a1 = world["quotes"][0]
    assert _rows(world)["Housing"].representative[0] == a1
    assert len(_rows(world)["Housing"].representative) == 3


@pytest.mark.parametrize(
    ("sort", "order"),
    [
        ("-contributions", ["Housing", "Work"]),
        ("contributions", ["Work", "Housing"]),
        ("theme", ["Housing", "Work"]),
        ("-theme", ["Work", "Housing"]),
        ("organisations", ["Work", "Housing"]),
        ("-quotes", ["Housing", "Work"]),
        ("questions", ["Work", "Housing"]),
        ("nonsense", ["Housing", "Work"]),
    ],
)
def test_sortable_by_each_column(world, sort, order):
    assert [row.name for row in theme_summary(world["consultation"], sort=sort)] == order


def test_merged_themes_are_folded_into_the_theme_kept(world):
    merge_themes(world["coders"][0], world["work"], world["housing"])
    rows = _rows(world)
    assert list(rows) == ["Housing"]
    assert rows["Housing"].quotes == 4


def test_withdrawn_contributors_are_left_out(world):
    second = world["second"]
    second.consent_withdrawn_at = timezone.now()
    second.save()
    rows = _rows(world)
    assert rows["Housing"].contributions == 2
    assert rows["Work"].contributions == 0
    assert world["quotes"][2] not in rows["Housing"].representative


def test_the_number_of_queries_does_not_grow_with_the_quotes(world, django_assert_max_num_queries):
    consultation = world["consultation"]
    for _ in range(10):
        CodingFactory(
            quote=QuoteFactory(answer=AnswerFactory(contribution__consultation=consultation)),
            theme=world["housing"],
            coder=world["coders"][0],
        )
    themes = 2
    with django_assert_max_num_queries(11 + themes):
        theme_summary(consultation)
    with django_assert_max_num_queries(9):  # the figures now come from the cache
        theme_summary(consultation)


def test_any_change_to_the_evidence_shows_at_once_despite_the_cache(world):
    assert _rows(world)["Work"].quotes == 1
    a2 = world["quotes"][1]
    CodingFactory(quote=a2, theme=world["work"], coder=world["coders"][0])
    assert _rows(world)["Work"].quotes == 2
    passage_quote = world["quotes"][3]
    speaker = passage_quote.passage.speaker
    speaker.consent_withdrawn_at = timezone.now()
    speaker.save()
    assert _rows(world)["Housing"].contributions == 2
    merge_themes(world["coders"][0], world["work"], world["housing"])
    assert list(_rows(world)) == ["Housing"]


def test_the_page_explains_the_counts_and_links_the_sort(client, world):
    client.force_login(StaffFactory())
    url = reverse("consultations:staff_summary", args=[world["consultation"].slug])
    page = client.get(url + "?sort=theme").content.decode()
    assert "A <strong>contribution</strong> is one organisation" in page
    assert 'aria-sort="ascending"' in page and "?sort=-contributions" in page
    assert "Q1, Q2" in page
