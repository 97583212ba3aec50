"""How long events keep sensitive answers (the rule itself lives in events.services.sensitive)."""

from core.registries import retention
from core.registries.retention import RetentionRule
from events.services.sensitive import delete_expired_sensitive_answers, keep_days


def sensitive_answers(now, dry_run: bool) -> int:
    if dry_run:
        import datetime

        from events.models import Answer

        cutoff = now - datetime.timedelta(days=keep_days())
        return Answer.objects.filter(
            question__sensitive=True, registration__event__ends_at__lt=cutoff
        ).count()
    return delete_expired_sensitive_answers(now=now)


retention.register(
    RetentionRule(
        key="events.sensitive_answers",
        records="Answers about access needs, diet and other sensitive questions at events",
        kept_for=f"{keep_days()} days after the event ends",
        then="deleted; the registration itself stays",
        apply=sensitive_answers,
    )
)
