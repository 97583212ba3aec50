"""The ranking maths on numbers worked out by hand."""

import pytest

from awards.services.ranking import rank, weighted_means, z_scores

WEIGHTS = {1: 40, 2: 30, 3: 30}


def test_weighted_mean_uses_only_the_criteria_scored():
    scores = [("j", "n", 1, 10), ("j", "n", 2, 5)]  # criterion 3 left blank
    assert weighted_means(scores, WEIGHTS)[("j", "n")] == pytest.approx((400 + 150) / 70)


def test_z_scores_per_judge_on_known_numbers():
    means = {("a", 1): 2.0, ("a", 2): 4.0, ("a", 3): 6.0, ("b", 1): 9.0, ("b", 2): 9.0}
    z = z_scores(means)
    # Judge a: mean 4, population standard deviation sqrt(8/3).
    assert z[("a", 1)] == pytest.approx(-2 / (8 / 3) ** 0.5)
    assert z[("a", 2)] == pytest.approx(0.0)
    assert z[("a", 3)] == pytest.approx(2 / (8 / 3) ** 0.5)
    # Judge b gave everything the same mark: no preference, so 0, never a division by zero.
    assert z[("b", 1)] == z[("b", 2)] == 0.0


def test_a_lenient_judge_does_not_decide_the_result_once_normalised():
    # Each judge scored a different pair. The harsh judge's best (X, 6) is below the lenient
    # judge's worst (Y, 8) in raw marks; as z-scores each is +1 or -1 within its own judge.
    scores = [
        ("harsh", "X", 1, 6), ("harsh", "W", 1, 2),
        ("lenient", "Y", 1, 8), ("lenient", "V", 1, 10),
    ]  # fmt: skip
    nominations = ["V", "W", "X", "Y"]
    raw = [r.nomination_id for r in rank(nominations, scores, {1: 100}, normalise=False)]
    normalised = rank(nominations, scores, {1: 100}, normalise=True)
    assert raw.index("Y") < raw.index("X")
    order = [r.nomination_id for r in normalised]
    assert order.index("X") < order.index("Y")
    assert {r.nomination_id: r.normalised for r in normalised} == {
        "V": 1.0,
        "X": 1.0,
        "Y": -1.0,
        "W": -1.0,
    }


def test_ties_share_a_rank_and_unscored_come_last():
    scores = [("j", "A", 1, 7), ("j", "B", 1, 7), ("j", "C", 1, 5)]
    rows = rank(["A", "B", "C", "D"], scores, {1: 100}, normalise=False)
    ranks = {r.nomination_id: (r.rank, r.tied) for r in rows}
    assert ranks == {"A": (1, True), "B": (1, True), "C": (3, False), "D": (None, False)}
    assert rows[-1].nomination_id == "D"


def test_spread_shows_disagreement_and_quorum_is_flagged():
    scores = [("a", "N", 1, 2), ("b", "N", 1, 8)]
    (row,) = rank(["N"], scores, {1: 100}, normalise=False, quorum=3)
    assert row.raw == 5.0
    assert row.spread == pytest.approx(3.0)
    assert row.judges == 2 and row.below_quorum
