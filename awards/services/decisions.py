"""Shortlist and winners, chosen by staff from the ranking; closing a panel.

A decision that departs from the ranking needs a moderation note: a winner who is not ranked
first, or a shortlist that leaves out a nomination ranked above one it takes in. A person who
has not consented can be neither shortlisted nor a winner.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone

from awards.models import Category, Nomination, NominationStatus
from awards.services import ranking_data
from core import audit


def departures(category: Category, ranked=None, proposed: Nomination | None = None) -> list[str]:
    """How the shortlist and winners depart from the ranking, in words; `proposed` is a
    nomination whose unsaved decision counts instead of its saved one."""
    ranked = ranked if ranked is not None else ranking_data.category_ranking(category).rows
    if not any(row.rank for row in ranked):
        return []  # nothing scored (a past year's winner recorded afterwards): no ranking
    by_pk = {row.nomination_id: row for row in ranked}
    # Rows from ranking_data carry their nomination; bare rows are looked up.
    nominations = {r.nomination_id: r.nomination for r in ranked if hasattr(r, "nomination")}
    if len(nominations) < len(by_pk):
        nominations = {n.pk: n for n in Nomination.objects.filter(pk__in=list(by_pk))}
    if proposed is not None and proposed.pk in nominations:
        nominations[proposed.pk] = proposed
    found = []
    for pk, nomination in nominations.items():
        if nomination.winner and by_pk[pk].rank != 1:
            found.append(
                f"{nomination.nominee_name} wins but is ranked {by_pk[pk].rank or 'nowhere'}."
            )
    ranks = [by_pk[pk].rank for pk, n in nominations.items() if n.shortlisted and by_pk[pk].rank]
    if ranks:
        for row in ranked:
            nomination = nominations[row.nomination_id]
            if (
                row.rank
                and row.rank < max(ranks)
                and not nomination.shortlisted
                and nomination.can_be_named
            ):
                found.append(
                    f"{nomination.nominee_name} (ranked {row.rank}) is left off the shortlist."
                )
    return found


def decide(actor, nomination: Nomination, *, shortlisted: bool, winner: bool,
           highly_commended: bool, citation: str, note: str) -> Nomination:  # fmt: skip
    """Record staff's decision. Refused (nothing changed) for a nominee who cannot be named,
    a winner without a citation, or a new departure from the ranking without a note."""
    if nomination.status != NominationStatus.ELIGIBLE:
        raise ValidationError("Only an eligible nomination can be shortlisted or win.")
    if (shortlisted or winner or highly_commended) and not nomination.can_be_named:
        raise ValidationError(
            "The nominee has not given consent to be named, so they cannot be shortlisted or win."
        )
    if winner and not citation.strip():
        raise ValidationError({"citation": "A winner needs a citation: the public words on why."})
    before = audit.snapshot(nomination)
    ranked = ranking_data.category_ranking(nomination.category).rows
    already = set(departures(nomination.category, ranked))
    nomination.shortlisted = shortlisted or winner or highly_commended
    nomination.winner = winner
    nomination.highly_commended = highly_commended and not winner
    nomination.citation = citation.strip()
    nomination.decision_note = note.strip()
    new = [d for d in departures(nomination.category, ranked, nomination) if d not in already]
    if new and not nomination.decision_note:
        nomination.refresh_from_db()
        raise ValidationError(
            {"note": "This decision departs from the ranking: " + " ".join(new)
             + " Add a moderation note saying why."}
        )  # fmt: skip
    nomination.save()
    audit.record_change(actor, nomination, before)
    return nomination


def close_panel(actor, category: Category, closed: bool = True) -> Category:
    before = audit.snapshot(category)
    category.panel_closed_at = timezone.now() if closed else None
    category.save(update_fields=["panel_closed_at"])
    audit.record_change(actor, category, before)
    return category
