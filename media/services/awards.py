"""Media awards support: a shortlist of the period's best reporting, ranked by the
constructive reporting score, and staff's decision on each article (audited).

Syndicated copies are left out: a wire story is the wire's work, and it is already in the
list as the outlet that carried it first.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from core import audit
from core.lib.months import add_months
from media.models import Article, AwardCandidate

SHORTLIST_SIZE = 50


def shortlist(start: datetime.date, end: datetime.date, size: int = SHORTLIST_SIZE) -> list:
    """The best-scoring original articles published from `start` to the end of `end`'s
    month, best first; each with its decision so far (`award`, or None)."""
    return list(
        Article.objects.filter(
            published_at__date__gte=start,
            published_at__date__lt=add_months(end, 1),
            is_syndicated_copy=False,
            score__isnull=False,
        )
        .select_related("outlet", "award")
        .order_by("-score", "-published_at", "pk")[:size]
    )


def decide(actor, article: Article, decision: str, note: str) -> AwardCandidate:
    """Record (or change) staff's decision on an article, in the audit log."""
    with transaction.atomic():
        candidate = AwardCandidate.objects.select_for_update().filter(article=article).first()
        before = audit.snapshot(candidate) if candidate else {}
        if candidate is None:
            candidate = AwardCandidate(article=article)
        candidate.decision = decision
        candidate.note = note
        candidate.decided_by = actor
        candidate.decided_at = timezone.now()
        candidate.save()
        audit.record_change(actor, candidate, before)
    return candidate
