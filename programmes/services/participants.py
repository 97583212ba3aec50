"""Who takes part: for other apps that offer something only to leadership programme
participants (equality monitoring's programme form).

A participant is recognised by the account linked to their place: the one they applied or
accepted their offer with while signed in (`link_account`). Only a place with no linked
account falls back to its email address, the one they applied with, so someone who signs in
with another address is still known once their place is linked, and a linked place is never
claimed by whoever holds its old address."""

from django.db.models import Q

from programmes.models import Application, ApplicationStatus


def is_participant(user, cohort_id: int | None = None) -> bool:
    """Whether the signed-in account is taking part in a leadership programme cohort (in
    that cohort, when one is named)."""
    if not user.is_authenticated:
        return False
    mine = Q(user=user)
    if user.email:
        mine |= Q(user__isnull=True, email__iexact=user.email)
    found = Application.objects.filter(mine, status=ApplicationStatus.ACCEPTED)
    if cohort_id is not None:
        found = found.filter(cohort_id=cohort_id)
    return found.exists()


def link_account(application: Application, user) -> bool:
    """Link a place to the signed-in account that applied for or accepted it, unless it is
    linked already (the first account stays: a forwarded link cannot move a place)."""
    if not user.is_authenticated or application.user_id is not None:
        return False
    updated = Application.objects.filter(pk=application.pk, user__isnull=True).update(user=user)
    if updated:
        application.user = user
    return bool(updated)
