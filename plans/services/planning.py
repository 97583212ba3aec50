"""Writing the strategy and the action plan: activities, status changes with reasons,
publication as a snapshot, and versions after publication."""

from django.db import transaction
from django.utils import timezone

from plans.models import (
    NEEDS_REASON,
    ActionPlan,
    Activity,
    ActivityChange,
    ActivityStatus,
    PlanStatus,
    PlanVersion,
)

TRACKED_FIELDS = ("title", "owner", "quarters", "status", "status_reason", "objective")


class PlanRefused(ValueError):
    """A change the plan cannot take; the message says why in words for staff."""


def parse_quarters(text: str) -> str:
    """'1, 3' or 'Q1 Q3' → '1,3'; refuses a quarter outside the plan year."""
    cleaned = text.upper().replace("Q", " ").replace(",", " ").split()
    if not cleaned:
        raise PlanRefused("Give at least one quarter, e.g. 1 or 1,2.")
    numbers = set()
    for part in cleaned:
        if not part.isdigit() or int(part) not in (1, 2, 3, 4):
            raise PlanRefused(f"“{part[:20]}” is not a quarter of the plan year: use 1, 2, 3 or 4.")
        numbers.add(int(part))
    return ",".join(str(n) for n in sorted(numbers))


def _value(activity, field):
    value = getattr(activity, field)
    if field == "objective":
        return str(value) if value else ""
    if field == "status":
        return activity.get_status_display()
    return str(value or "")


def check_status(status: str, reason: str) -> None:
    if status not in ActivityStatus.values:
        raise PlanRefused("Choose one of the statuses listed.")
    if status in NEEDS_REASON and not reason.strip():
        raise PlanRefused(
            f"Say why the activity is {ActivityStatus(status).label.lower()}: members read it."
        )


def save_activity(actor, activity: Activity, *, change_reason: str = "") -> Activity:
    """Save a new or changed activity, logging each changed field. Once the plan is
    published every change needs a reason and makes a new plan version."""
    check_status(activity.status, activity.status_reason)
    plan = activity.plan
    published = plan.is_published
    if published and not change_reason.strip():
        raise PlanRefused(
            "The plan is published: say why this change is made (members see it in the next "
            "quarterly update)."
        )
    with transaction.atomic():
        before = Activity.objects.filter(pk=activity.pk).first() if activity.pk else None
        if activity.status not in NEEDS_REASON and activity.status != ActivityStatus.DONE:
            activity.status_reason = activity.status_reason.strip()
        activity.save()
        now = timezone.now()
        changes = []
        for field in TRACKED_FIELDS:
            old = _value(before, field) if before else ""
            new = _value(activity, field)
            if before is None and field != "status":
                continue
            if old != new:
                changes.append(
                    ActivityChange(
                        activity=activity, field=field, old_value=old, new_value=new,
                        reason=(activity.status_reason if field == "status" else "")
                        or change_reason.strip(),
                        changed_at=now, changed_by=actor,
                    )
                )  # fmt: skip
        if before is None and published:
            changes.append(
                ActivityChange(
                    activity=activity, field="added", new_value=activity.title,
                    reason=change_reason.strip(), changed_at=now, changed_by=actor,
                )
            )  # fmt: skip
        ActivityChange.objects.bulk_create(changes)
        if published and changes:
            record_version(actor, plan, change_reason.strip())
    return activity


def snapshot(plan: ActionPlan) -> dict:
    return {
        "year": plan.year,
        "introduction": plan.introduction,
        "activities": [
            {
                "title": a.title,
                "objective": str(a.objective) if a.objective else "",
                "owner": a.owner,
                "quarters": a.quarters,
                "status": a.status,
                "status_reason": a.status_reason,
            }
            for a in plan.activities.select_related("objective")
        ],
        "indicators": [
            {
                "title": i.title,
                "unit": i.unit,
                "baseline": str(i.baseline or ""),
                "target": str(i.target or ""),
            }
            for i in plan.indicators.all()
        ],  # fmt: skip
    }


def record_version(actor, plan: ActionPlan, reason: str) -> PlanVersion:
    last = plan.versions.order_by("-number").values_list("number", flat=True).first() or 0
    return PlanVersion.objects.create(
        plan=plan, number=last + 1, reason=reason[:500], snapshot=snapshot(plan), created_by=actor
    )


def publish_plan(actor, plan: ActionPlan) -> ActionPlan:
    if plan.is_published:
        raise PlanRefused("This plan is already published; change its activities instead.")
    if not plan.activities.exists():
        raise PlanRefused("Add at least one activity before publishing the plan.")
    with transaction.atomic():
        plan.status = PlanStatus.PUBLISHED
        plan.published_at = timezone.now()
        plan.save(update_fields=["status", "published_at"])
        record_version(actor, plan, "First published.")
    return plan


def current_plan(network):
    """The latest published plan of a network."""
    return (
        ActionPlan.objects.filter(network=network, status=PlanStatus.PUBLISHED)
        .order_by("-year")
        .first()
    )


def changes_in(plan: ActionPlan, period):
    return (
        ActivityChange.objects.filter(
            activity__plan=plan,
            changed_at__gte=period.start_moment,
            changed_at__lte=period.end_moment,
        )
        .select_related("activity")
        .order_by("changed_at", "pk")
    )


def status_as_at(plan: ActionPlan, period) -> dict[int, str]:
    """Each activity's status at the end of the period, from its logged status changes."""
    statuses = {a.pk: ActivityStatus.NOT_STARTED.value for a in plan.activities.all()}
    labels = {label: value for value, label in ActivityStatus.choices}
    for activity_id, new in (
        ActivityChange.objects.filter(
            activity__plan=plan, field="status", changed_at__lte=period.end_moment
        )
        .order_by("changed_at", "pk")
        .values_list("activity_id", "new_value")
    ):
        statuses[activity_id] = labels.get(new, statuses.get(activity_id))
    return statuses
