"""Who takes part: for other apps that offer something only to leadership programme
participants (equality monitoring's programme form). An account is matched to the people
taking part by its email address, the one the participant applied with."""

from programmes.models import Application, ApplicationStatus


def is_participant(user, cohort_id: int | None = None) -> bool:
    """Whether the signed-in account is taking part in a leadership programme cohort (in
    that cohort, when one is named)."""
    if not user.is_authenticated or not user.email:
        return False
    found = Application.objects.filter(email__iexact=user.email, status=ApplicationStatus.ACCEPTED)
    if cohort_id is not None:
        found = found.filter(cohort_id=cohort_id)
    return found.exists()
