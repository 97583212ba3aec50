"""What a judge may see and score, and saving their scores.

A judge sees the eligible nominations of the panels they sit on, minus those they are recused
from: to them a recused nomination does not exist (404), whatever address they type. Until the
panel closes they see only their own scores.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404

from awards.models import Category, Nomination, NominationStatus, PanelMember, Score
from awards.services import ranking_cache
from core import audit

CLOSED = "Scoring for this panel has closed, so your scores were not changed."


def panels_of(judge):
    return (
        PanelMember.objects.filter(judge=judge)
        .select_related("category__cycle__scheme")
        .order_by("-category__cycle__year", "category__order", "category__name")
    )


def scoreable(member: PanelMember):
    """The nominations this judge may see and score."""
    return (
        Nomination.objects.filter(category_id=member.category_id, status=NominationStatus.ELIGIBLE)
        # One subquery, so "recused" and "this judge" are about the same conflict.
        .exclude(pk__in=member.conflicts.filter(recused=True).values("nomination_id"))
        .order_by("nominee_name", "pk")
    )


def conflicts_shown(member: PanelMember):
    """The judge's own conflicts on nominations that passed screening: a nomination still
    being checked (or ruled out, merged, withdrawn) is not the judge's business, so even a
    conflict detected on it stays with staff until it is eligible."""
    return (
        member.conflicts.filter(nomination__status=NominationStatus.ELIGIBLE)
        .select_related("nomination")
        .order_by("nomination__nominee_name", "pk")
    )


def member_for(judge, category_pk: int) -> PanelMember:
    member = PanelMember.objects.filter(judge=judge, category_id=category_pk).first()
    if member is None:
        raise Http404("You are not on this panel.")
    return member


def nomination_for(judge, nomination_pk: int) -> tuple[PanelMember, Nomination]:
    """The judge's panel seat and the nomination, or 404 when they may not see it (not on its
    panel, recused, not eligible): the same answer whichever is true, so guessing tells
    nothing."""
    nomination = Nomination.objects.filter(pk=nomination_pk).select_related("category").first()
    if nomination is None:
        raise Http404
    member = PanelMember.objects.filter(judge=judge, category_id=nomination.category_id).first()
    if member is None or not scoreable(member).filter(pk=nomination.pk).exists():
        raise Http404
    return member, nomination


def own_scores(member: PanelMember, nomination: Nomination) -> dict[int, Score]:
    return {s.criterion_id: s for s in member.scores.filter(nomination=nomination)}


def progress(member: PanelMember) -> tuple[int, int]:
    """(nominations fully scored, nominations to score) for this judge."""
    criteria = member.category.criteria.count()
    to_score = list(scoreable(member).values_list("pk", flat=True))
    counts = {}
    for nomination_id in member.scores.filter(nomination_id__in=to_score).values_list(
        "nomination_id", flat=True
    ):
        counts[nomination_id] = counts.get(nomination_id, 0) + 1
    done = sum(1 for pk in to_score if criteria and counts.get(pk, 0) >= criteria)
    return done, len(to_score)


@transaction.atomic
def save_scores(judge, member: PanelMember, nomination: Nomination, entries: dict) -> int:
    """`entries` is {criterion pk: (value or None, comment)}. A blank value clears that
    criterion's score. All or nothing; returns how many scores were saved."""
    category: Category = member.category
    if category.panel_closed_at is not None:
        raise ValidationError(CLOSED)
    if not scoreable(member).filter(pk=nomination.pk).exists():
        raise Http404
    check_scores(
        {k: v for k, (v, _c) in entries.items()}, category.criteria.all(), category.score_max
    )
    saved = 0
    for criterion_pk, (value, comment) in entries.items():
        existing = Score.objects.filter(
            panel_member=member, nomination=nomination, criterion_id=criterion_pk
        ).first()
        before = audit.snapshot(existing)
        if value is None:
            if existing is not None:
                existing.delete()
                transaction.on_commit(lambda: ranking_cache.forget(category.pk))
                audit.record_change(judge, existing, before, after={})
            continue
        score = existing or Score(
            panel_member=member, nomination=nomination, criterion_id=criterion_pk
        )
        score.value, score.comment = value, comment.strip()
        score.save()
        audit.record_change(judge, score, before)
        saved += 1
    return saved


def check_scores(values: dict, criteria, score_max: int) -> None:
    """Refuse scores for criteria not in `criteria`, or outside 1..`score_max` (None clears a
    score), keyed `score_<criterion pk>` for the form. Shared with other apps' panels."""
    names = {c.pk: c.name for c in criteria}
    problems = {}
    for criterion_pk, value in values.items():
        if criterion_pk not in names:
            raise ValidationError("A score names a criterion this panel does not use.")
        if value is not None and not 1 <= value <= score_max:
            problems[f"score_{criterion_pk}"] = (
                f"Give {names[criterion_pk]} a score from 1 to {score_max}."
            )
    if problems:
        raise ValidationError(problems)


def panel_scores_visible(member: PanelMember) -> bool:
    return member.category.panel_closed_at is not None
