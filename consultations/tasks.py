"""Background work for the feedback loop: telling contributors what became of their input."""

from django_tasks import task

from consultations.feedback.services import send_updates
from consultations.models import Consultation


@task()
def send_recommendation_updates(recommendation_id: int) -> int:
    """The tracker has a new entry for this recommendation: tell the contributors of every sent
    submission that carries it. Safe to deliver twice: send_updates only sends what is new."""
    consultations = Consultation.objects.filter(
        submission__sent_at__isnull=False, submission__recommendations=recommendation_id
    ).distinct()
    return sum(send_updates(consultation) for consultation in consultations)
