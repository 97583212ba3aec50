"""The ranking of one category from the database: the scores that count (recused judges'
never do), through the maths in ranking.py, with each row's nomination attached."""

from dataclasses import dataclass

from awards.models import Category, Nomination, NominationStatus, Score
from awards.services import ranking
from awards.services.panels import recused_pairs


@dataclass
class CategoryRanking:
    category: Category
    rows: list  # ranking.Ranked, each with .nomination
    criteria: list
    normalised: bool
    judges: int
    ignored_scores: int  # scores by judges later recused


def category_ranking(category: Category) -> CategoryRanking:
    nominations = {
        n.pk: n
        for n in Nomination.objects.filter(
            category=category, status=NominationStatus.ELIGIBLE
        ).only(
            "pk", "category_id", "nominee_name", "nominee_kind", "consent", "shortlisted",
            "winner", "highly_commended", "decision_note", "status",
        )
    }  # fmt: skip
    criteria = list(category.criteria.all())
    weights = {c.pk: c.weight for c in criteria}
    recused = recused_pairs(category)
    counting, ignored = [], 0
    for judge, nomination, criterion, value in Score.objects.filter(
        nomination__category=category
    ).values_list("panel_member_id", "nomination_id", "criterion_id", "value"):
        if (judge, nomination) in recused:
            ignored += 1
        else:
            counting.append((judge, nomination, criterion, value))
    rows = ranking.rank(
        nominations, counting, weights, category.cycle.normalise_scores, category.quorum
    )
    for row in rows:
        row.nomination = nominations[row.nomination_id]
    return CategoryRanking(
        category=category,
        rows=rows,
        criteria=criteria,
        normalised=category.cycle.normalise_scores,
        judges=category.panel.count(),
        ignored_scores=ignored,
    )
