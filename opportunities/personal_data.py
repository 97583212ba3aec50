"""What the opportunities board keeps about people: email alerts (an address and the
filters chosen), and who posted or decided on a listing (authorship only)."""

from django.db.models import Q

from core.registries import personal_data
from opportunities.models import Alert


def _alerts_of(subject):
    matches = Q(email__in=subject.emails)
    if subject.user is not None:
        matches |= Q(user=subject.user)
    return Alert.objects.filter(matches)


def export_alerts(subject) -> dict[str, list[dict]]:
    return {
        "opportunity alerts": [
            {
                "email": alert.email,
                "filters": alert.description,
                "consent": alert.consent_text,
                "set up at": alert.created_at.isoformat(),
                "confirmed at": alert.confirmed_at.isoformat() if alert.confirmed_at else "",
                "last sent at": alert.last_sent_at.isoformat() if alert.last_sent_at else "",
            }
            for alert in _alerts_of(subject).order_by("created_at")
        ]
    }


def erase_alerts(subject) -> int:
    """An alert is nothing without its address: erasing deletes it. Safe to run twice."""
    deleted, _ = _alerts_of(subject).delete()
    return deleted


personal_data.register(
    personal_data.PersonalDataSource(
        key="opportunities.alerts",
        description="Opportunity alerts: the email address, the board filters chosen and "
        "the consent given, kept until the person unsubscribes.",
        models=("opportunities.Alert",),
        export=export_alerts,
        erase=erase_alerts,
    )
)
personal_data.declare_authorship("opportunities.Opportunity", "posted_by", "decided_by")
