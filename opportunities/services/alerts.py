"""Email alerts for saved board filters.

Alerts are marketing mail sent through the communications app (opportunities.services.mail):
its footer lets a person leave every alert at once, and each alert email also links to
unsubscribe from that one alert. A visitor's alert starts only
once they confirm their address from the first email (so nobody can sign someone else up);
a signed-in person's own address needs no confirming.
"""

from django.db import transaction
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone

from opportunities.models import Alert
from opportunities.services import listing
from opportunities.services.mail import send_alert, send_transactional

CONSENT = (
    "Email me when new opportunities match these filters. I can unsubscribe from any "
    "alert email, and my address is used for nothing else."
)
MAX_ALERTS_PER_ADDRESS = 10
ALERT_BATCH = 20  # listings in one alert email


class AlertRefused(Exception):
    pass


def saved_filters(params) -> tuple[str, str]:
    """The board filters in `params` kept for an alert (page and htmx noise dropped), and
    what they mean in words."""
    query = listing.read_query(params)
    kept = QueryDict(mutable=True)
    for name in ("kind", "check", "remote", "paid", "led"):
        if name in query.values:
            kept[name] = query.values[name]
    if query.region:
        kept["region"] = query.region.slug
    for name, term in query.tags.items():
        kept[name] = term.slug
    if query.text:
        kept["q"] = query.text
    return kept.urlencode(), query.describe()


@transaction.atomic
def create(email: str, params, user=None, base_url: str = "") -> Alert:
    email = email.strip().lower()
    if Alert.objects.filter(email=email).count() >= MAX_ALERTS_PER_ADDRESS:
        raise AlertRefused(
            f"This address already has {MAX_ALERTS_PER_ADDRESS} alerts: unsubscribe from one first."
        )
    filters, description = saved_filters(params)
    existing = Alert.objects.filter(email=email, filters=filters).first()
    if existing is not None:
        return existing  # the same alert twice is one alert
    own_address = user is not None and user.is_authenticated and user.email.lower() == email
    alert = Alert.objects.create(
        email=email,
        user=user if own_address else None,
        filters=filters,
        description=description,
        consent_text=CONSENT,
        confirmed_at=timezone.now() if own_address else None,
    )
    if not own_address:
        context = {
            "alert": alert,
            "confirm_url": base_url + reverse("opportunities:alert_confirm", args=[alert.token]),
            "unsubscribe_url": base_url + unsubscribe_path(alert),
        }
        transaction.on_commit(
            lambda: send_transactional(
                [email], "Confirm your opportunities alert",
                "opportunities/email/alert_confirm.txt", context, "opportunities.alert_confirm",
            )
        )  # fmt: skip
    return alert


def unsubscribe_path(alert: Alert) -> str:
    return reverse("opportunities:alert_unsubscribe", args=[alert.token])


def confirm(token: str) -> Alert | None:
    alert = Alert.objects.filter(token=token).first()
    if alert is not None and alert.confirmed_at is None:
        alert.confirmed_at = timezone.now()
        alert.save(update_fields=["confirmed_at"])
    return alert


def unsubscribe(token: str) -> bool:
    deleted, _ = Alert.objects.filter(token=token).delete()
    return bool(deleted)


def send_due(base_url: str, now=None) -> int:
    """Email each confirmed alert the listings published since its last email. Safe to run
    again: a listing is sent once per alert. Returns how many emails were queued."""
    now = now or timezone.now()
    sent = 0
    for alert in Alert.objects.filter(confirmed_at__isnull=False):
        since = alert.last_sent_at or alert.confirmed_at
        new = list(
            listing.matching(QueryDict(alert.filters), today=timezone.localdate(now)).filter(
                published_at__gt=since, published_at__lte=now
            )[:ALERT_BATCH]
        )
        if new:
            send_alert(
                [alert.email],
                f"New opportunities: {alert.description}"[:150],
                "opportunities/email/alert.txt",
                {
                    "alert": alert,
                    "opportunities": new,
                    "base_url": base_url,
                    "board_url": f"{base_url}{reverse('opportunities:index')}?{alert.filters}",
                    "unsubscribe_url": base_url + unsubscribe_path(alert),
                },
            )
            sent += 1
        alert.last_sent_at = now
        alert.save(update_fields=["last_sent_at"])
    return sent
