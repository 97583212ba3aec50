"""Who sees what of the tracker: the one definition of a public recommendation and entry.

A recommendation is public once published, until it is merged into another (its page then
redirects to the one kept). A timeline entry, and the document uploaded with it, is public on
a public recommendation until it is corrected: a correction may have been made because the
wrong letter was attached. Staff see everything, drafts and corrected entries included.
"""

from django.db.models import Q, QuerySet

from core.roles import is_staff_member
from influence.models import Recommendation, StatusChange


def public(via: str = "") -> Q:
    """The filter for public recommendations; `via` is the path to them from another model
    ("recommendation__" from a timeline entry, "recommendations__" from a target body)."""
    return Q(**{f"{via}is_published": True, f"{via}merged_into__isnull": True})


def published() -> QuerySet:
    """The recommendations everyone may see."""
    return Recommendation.objects.filter(public())


def is_public(recommendation: Recommendation) -> bool:
    return recommendation.is_published and recommendation.merged_into_id is None


def is_visible_to(user, recommendation: Recommendation) -> bool:
    return is_public(recommendation) or is_staff_member(user)


def entry_is_public(recommendation: Recommendation, change: StatusChange) -> bool:
    """Whether everyone may see the entry (and its document) of this recommendation."""
    return is_public(recommendation) and change.corrected_by_id is None


def entry_is_visible_to(user, change: StatusChange) -> bool:
    return entry_is_public(change.recommendation, change) or is_staff_member(user)
