"""Keeping the feedback loop going without anyone remembering to: a new entry in the influence
tracker queues an update to everyone whose input informed that recommendation."""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from influence.models import StatusChange


@receiver(post_save, sender=StatusChange, dispatch_uid="consultations_feedback_update")
def queue_feedback_update(sender, instance, created, **kwargs):
    if not created or kwargs.get("raw"):
        return
    from consultations.tasks import send_recommendation_updates

    recommendation_id = instance.recommendation_id
    transaction.on_commit(lambda: send_recommendation_updates.enqueue(recommendation_id))
