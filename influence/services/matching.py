"""Finding a recommendation the alliance has already made: the same body asked for
near-identical words. The submission builder asks before it adds a second one, and its link
picker describes each recommendation so that two with one title can be told apart."""

import re
from difflib import SequenceMatcher

from influence.models import Recommendation
from influence.services.timeline import current_status_rows, most_advanced

# How alike two asks' words must be (0 to 1) to count as the same ask.
SAME_TITLE = 0.85
SAME_TEXT = 0.8
SAME_WORDS = 0.75
# Words that say nothing about what is asked.
FILLER = frozenset(
    "a an and the of to for from in on at by with be should must all every".split()  # noqa: SIM905
)


def _words(text: str) -> list[str]:
    return [word for word in re.findall(r"[a-z0-9]+", (text or "").lower()) if word not in FILLER]


def likeness(one: str, other: str) -> float:
    """How alike two texts read, 0 to 1: the better of their word sequences' match and the
    share of words they have in common (which forgives a reordering)."""
    a, b = _words(one), _words(other)
    if not a or not b:
        return 0.0
    in_order = SequenceMatcher(None, a, b, autojunk=False).ratio()
    shared = len(set(a) & set(b)) / len(set(a) | set(b))
    return max(in_order, shared)


def is_same_ask(title: str, text: str, existing: Recommendation) -> bool:
    return (
        likeness(title, existing.title) >= SAME_TITLE
        or likeness(text, existing.text) >= SAME_TEXT
        or (likeness(title, existing.title) >= SAME_WORDS and likeness(text, existing.text) >= 0.5)
    )


def matching_recommendations(title: str, text: str, targets) -> list[Recommendation]:
    """Recommendations (not merged away) asking one of `targets` for near-identical words,
    oldest first: the ones a new recommendation would repeat."""
    candidates = (
        Recommendation.objects.filter(merged_into__isnull=True, targets__in=list(targets))
        .distinct()
        .prefetch_related("targets", "sources")
        .order_by("first_made_on", "pk")
    )
    return [item for item in candidates if is_same_ask(title, text, item)]


def describe(recommendation: Recommendation, status=None) -> str:
    """One line that tells same-titled recommendations apart: whom it asks, how far it has
    got, the year it was first made and the document it comes from."""
    targets = ", ".join(target.name for target in recommendation.targets.all()) or "no target"
    sources = sorted(recommendation.sources.all(), key=lambda s: (s.published_on is None, s.pk))
    parts = [
        recommendation.title,
        targets,
        status.get_status_display() if status else "no status yet",
        f"first made {recommendation.first_made_on:%Y}",
    ]
    if sources:
        parts.append(f"source: {sources[0].title}")
    if not recommendation.is_published:
        parts.append("not public")
    return " · ".join(parts)


def descriptions(recommendations) -> dict[int, str]:
    """describe() for many recommendations, their statuses read in one query."""
    recommendations = list(recommendations)
    rows = current_status_rows(recommendations)
    return {
        item.pk: describe(item, most_advanced(rows.get(item.pk, []))) for item in recommendations
    }
