"""Staff screening (reasons, merging duplicates with every nominator's words, withdrawing),
the media monitor's shortlist as entries, and decisions that must explain a departure from
the ranking."""

import pytest
from django.core.exceptions import ValidationError

from awards.models import Consent, Eligibility, Nomination, NominationStatus, NomineeKind
from awards.services import decisions, media_entries, screening
from awards.tests.factories import (
    CategoryFactory,
    NominationFactory,
    PanelMemberFactory,
    score_all,
)
from core.tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff():
    return StaffFactory()


def test_ruling_a_nomination_out_needs_a_reason(staff):
    nomination = NominationFactory(status=NominationStatus.RECEIVED)
    with pytest.raises(ValidationError):
        screening.screen(staff, nomination, eligible=False, reason="")
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.RECEIVED
    screening.screen(staff, nomination, eligible=False, reason="Not a criminal justice group.")
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.INELIGIBLE


def test_merging_duplicates_keeps_every_nominators_words(staff):
    keeper = NominationFactory(nominee_name="Open Doors", nominator__statement="First words.")
    duplicate = NominationFactory(category=keeper.category, nominee_name="OPEN  doors",
                                  nominator__statement="Second words.")  # fmt: skip
    assert screening.possible_duplicates(keeper) == [duplicate]
    screening.merge(staff, keeper, duplicate)
    statements = sorted(keeper.nominators.values_list("statement", flat=True))
    assert statements == ["First words.", "Second words."]
    duplicate.refresh_from_db()
    assert duplicate.status == NominationStatus.MERGED and duplicate.merged_into == keeper


def test_withdrawing_takes_a_nomination_off_the_shortlist(staff):
    nomination = NominationFactory(shortlisted=True)
    screening.withdraw(staff, nomination, "The nominee asked us to.")
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.WITHDRAWN and not nomination.shortlisted


def test_the_media_shortlist_becomes_entries_in_one_step(staff):
    from media.models import AwardCandidate
    from media.tests.factories import ArticleFactory

    chosen, passed_over = ArticleFactory(score=8.5), ArticleFactory(score=9.0)
    AwardCandidate.objects.create(article=chosen, decision="nominated")
    AwardCandidate.objects.create(article=passed_over, decision="not_nominated")
    category = CategoryFactory(eligibility=Eligibility.JOURNALISTS)
    assert media_entries.enter_media_shortlist(staff, category) == 1
    entry = Nomination.objects.get()
    assert list(entry.articles.all()) == [chosen] and entry.status == NominationStatus.ELIGIBLE
    assert media_entries.enter_media_shortlist(staff, category) == 0  # not twice
    with pytest.raises(ValidationError):
        media_entries.enter_media_shortlist(staff, CategoryFactory())


def _ranked_category():
    category = CategoryFactory()
    best, second = NominationFactory(category=category), NominationFactory(category=category)
    for _ in range(2):
        judge = PanelMemberFactory(category=category)
        score_all(judge, best, [9, 9, 9])
        score_all(judge, second, [5, 5, 5])
    return best, second


def _decide(staff, nomination, note="", **flags):
    values = {"shortlisted": False, "winner": False, "highly_commended": False}
    values.update(flags)
    return decisions.decide(staff, nomination, citation="For real change.", note=note, **values)


def test_a_winner_below_the_top_of_the_ranking_needs_a_moderation_note(staff):
    best, second = _ranked_category()
    with pytest.raises(ValidationError, match="departs from the ranking"):
        _decide(staff, second, winner=True)
    second.refresh_from_db()
    assert not second.winner
    _decide(staff, second, winner=True, note="The panel's discussion favoured its reach.")
    second.refresh_from_db()
    assert second.winner and second.decision_note


def test_following_the_ranking_needs_no_note(staff):
    best, second = _ranked_category()
    _decide(staff, best, winner=True)
    _decide(staff, second, shortlisted=True)
    assert decisions.departures(best.category) == []


def test_a_person_without_consent_cannot_be_shortlisted(staff):
    nomination = NominationFactory(nominee_kind=NomineeKind.PERSON, consent=Consent.REQUESTED)
    with pytest.raises(ValidationError, match="consent"):
        _decide(staff, nomination, shortlisted=True)


def test_a_winner_recorded_without_any_scores_departs_from_no_ranking(staff):
    # A past year's winner entered afterwards: nobody scored, so there is nothing to depart from.
    nomination = NominationFactory()
    _decide(staff, nomination, winner=True)
    nomination.refresh_from_db()
    assert nomination.winner and decisions.departures(nomination.category) == []
