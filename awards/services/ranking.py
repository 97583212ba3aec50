"""The ranking staff choose the shortlist and winners from.

For each judge and nomination, the judge's *weighted mean*: the sum of weight × score over the
criteria they scored, divided by the sum of those criteria's weights (so a criterion left
blank neither counts as zero nor changes the other weights). A nomination's *raw* result is
the mean of its judges' weighted means.

Judges differ in how hard they mark, so each judge's weighted means are also turned into
*z-scores* over the nominations that judge scored: (mean − judge's average) ÷ judge's standard
deviation. A judge who gave every nomination the same mark has no spread, so all their
z-scores are 0: they express no preference. A nomination's *normalised* result is the mean of
its judges' z-scores. The cycle says which result ranks; both are always shown.

Scores from recused judges never count: the caller passes only scores that count.
*Spread* is the standard deviation of the judges' weighted means for one nomination: high
spread means the panel disagreed. Equal results share a rank and are marked as tied.
"""

import math
from collections import defaultdict
from dataclasses import dataclass, field


def _mean(values) -> float:
    return math.fsum(values) / len(values)


def _pstdev(values, mean: float) -> float:
    """Population standard deviation (the standard library's is exact, with fractions, but
    far slower: ranking 2,000 nominations calls this thousands of times)."""
    return math.sqrt(math.fsum((v - mean) ** 2 for v in values) / len(values))


@dataclass
class Ranked:
    nomination_id: int
    raw: float | None = None
    normalised: float | None = None
    spread: float | None = None
    judges: int = 0
    judge_means: dict[int, float] = field(default_factory=dict)
    rank: int | None = None
    tied: bool = False
    below_quorum: bool = False

    @property
    def result(self):
        return self.raw if self.normalised is None else self.normalised


def weighted_means(scores, weights: dict[int, int]) -> dict[tuple[int, int], float]:
    """{(judge, nomination): weighted mean} from (judge, nomination, criterion, value) rows."""
    totals: dict[tuple[int, int], list[float]] = defaultdict(lambda: [0.0, 0.0])
    for judge, nomination, criterion, value in scores:
        weight = weights.get(criterion, 0)
        if weight:
            total = totals[(judge, nomination)]
            total[0] += weight * value
            total[1] += weight
    return {key: total / weight for key, (total, weight) in totals.items() if weight}


def z_scores(means: dict[tuple[int, int], float]) -> dict[tuple[int, int], float]:
    """Each judge's weighted means as z-scores over the nominations that judge scored
    (population standard deviation; a judge with no spread gives 0 to all)."""
    by_judge: dict[int, list[float]] = defaultdict(list)
    for (judge, _nomination), value in means.items():
        by_judge[judge].append(value)
    centre = {judge: _mean(values) for judge, values in by_judge.items()}
    spread = {judge: _pstdev(values, centre[judge]) for judge, values in by_judge.items()}
    return {
        (judge, nomination): (value - centre[judge]) / spread[judge] if spread[judge] else 0.0
        for (judge, nomination), value in means.items()
    }


def rank(
    nomination_ids, scores, weights: dict[int, int], normalise: bool, quorum: int = 1
) -> list[Ranked]:
    """Every nomination in `nomination_ids`, best first by the chosen result; unscored ones
    last. Ties share a rank; the next rank skips (1, 1, 3)."""
    return rank_means(nomination_ids, weighted_means(scores, weights), normalise, quorum)


def rank_means(
    nomination_ids, means: dict[tuple[int, int], float], normalise: bool, quorum: int = 1
) -> list[Ranked]:
    """`rank` from weighted means already worked out (by the database, say)."""
    zs = z_scores(means) if normalise else {}
    rows = {pk: Ranked(nomination_id=pk) for pk in nomination_ids}
    for (judge, nomination), value in means.items():
        if nomination in rows:
            rows[nomination].judge_means[judge] = value
    for row in rows.values():
        values = list(row.judge_means.values())
        row.judges = len(values)
        row.below_quorum = row.judges < quorum
        if values:
            row.raw = _mean(values)
            row.spread = _pstdev(values, row.raw) if len(values) > 1 else 0.0
            if normalise:
                row.normalised = _mean([zs[(j, row.nomination_id)] for j in row.judge_means])
    ordered = sorted(
        rows.values(),
        key=lambda r: (r.result is None, -(r.result or 0.0), -(r.raw or 0.0), r.nomination_id),
    )
    previous, previous_rank = None, 0
    for position, row in enumerate(ordered, start=1):
        if row.result is None:
            continue
        key = round(row.result, 9)
        if key == previous:
            row.rank = previous_rank
            row.tied = True
            ordered[position - 2].tied = True
        else:
            row.rank, previous, previous_rank = position, key, position
    return ordered
