"""Actions agreed at forums and meetings, and turning an ask of a target body into an
entry of the influence log (through the influence app's models, never its views)."""

from django.db import transaction
from django.utils import timezone

from core import audit
from events.models import Action
from influence.models import InfluenceActivity


def add_action(actor, event, form) -> Action:
    with transaction.atomic():
        action = form.save(commit=False)
        action.event = event
        action.save()
        audit.record_change(actor, action, {})
    return action


def to_influence_log(actor, action: Action) -> InfluenceActivity:
    """One step: the ask becomes a log entry about its target body, linked both ways
    (action.influence_activity, activity.event_action). Doing it twice changes nothing."""
    if action.influence_activity_id:
        return action.influence_activity
    if action.target_id is None:
        raise ValueError("Only an action that asks something of a target body can be logged.")
    event = action.event
    description = f"Agreed at {event.title}"
    if action.owner:
        description += f"; owner: {action.owner}"
    if action.follow_up:
        description += f".\n\nFollow-up: {action.follow_up}"
    with transaction.atomic():
        activity = InfluenceActivity.objects.create(
            kind=InfluenceActivity.Kind.EVENT,
            happened_on=timezone.localdate(event.starts_at),
            title=action.text[:200],
            description=description,
            recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        activity.targets.set([action.target])
        activity.organisations.set(event.co_hosts.all())
        audit.record_change(actor, activity, {})
        action.influence_activity = activity
        action.save(update_fields=["influence_activity"])
    return activity
