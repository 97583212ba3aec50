"""What comms holds about a person, by their email address: subscriptions and their choices,
the consent records, suppressions, and the emails sent to them.

Erasure removes subscriptions and delivery records, and replaces consent records' address
with a one-way fingerprint: the evidence that consent was given or withdrawn must outlive the
subscription (UK GDPR art. 7(1)), but need not say who. A suppression (hard bounce,
complaint, unsubscribe) is kept as the address itself: it is the least needed never to email
someone who said no again, and it is listed in the export.
"""

import hashlib

from core.registries import personal_data
from core.registries.personal_data import DataSubject, PersonalDataSource


def fingerprint(email: str) -> str:
    return "erased-" + hashlib.sha256(email.encode()).hexdigest()[:24] + "@erased.invalid"


def export(subject: DataSubject) -> dict[str, list[dict]]:
    from comms.models import ConsentRecord, Delivery, Subscription, Suppression

    emails = list(subject.emails)
    subscriptions = [
        {
            "list": s.mailing_list.name,
            "address": s.email,
            "status": s.get_status_display(),
            "how often": s.get_frequency_display(),
            "topics": ", ".join(t.name for t in s.topics.all()) or "everything",
            "since": s.created_at.isoformat(),
        }
        for s in Subscription.objects.filter(email__in=emails)
        .select_related("mailing_list")
        .prefetch_related("topics")
    ]
    consents = [
        {
            "when": c.recorded_at.isoformat(),
            "what": c.get_action_display(),
            "list": c.mailing_list.name if c.mailing_list else "",
            "where": c.source,
            "words agreed to": c.wording,
        }
        for c in ConsentRecord.objects.filter(email__in=emails).select_related("mailing_list")
    ]
    suppressions = [
        {"address": s.email, "reason": s.get_reason_display(),
         "list": s.mailing_list.name if s.mailing_list else "every list"}
        for s in Suppression.objects.filter(email__in=emails).select_related("mailing_list")
    ]  # fmt: skip
    deliveries = [
        {"subject": (d.variant or d.mailing).subject,
         "sent": d.sent_at.isoformat() if d.sent_at else "",
         "status": d.get_status_display(),
         # Known only while the alliance counts opens (COMMS_OPEN_COUNTS).
         "first opened": d.opened_at.isoformat() if d.opened_at else ""}
        for d in Delivery.objects.filter(email__in=emails).select_related("mailing", "variant")
    ]  # fmt: skip
    return {
        "mailing list subscriptions": subscriptions,
        "email consent records": consents,
        "addresses we must not email": suppressions,
        "emails sent to you": deliveries,
    }


def erase(subject: DataSubject) -> int:
    from comms.models import ConsentRecord, Delivery, Subscription

    emails = list(subject.emails)
    changed = Subscription.objects.filter(email__in=emails).delete()[0]
    changed += Delivery.objects.filter(email__in=emails).delete()[0]
    for email in emails:
        changed += ConsentRecord.objects.filter(email=email).update(email=fingerprint(email))
    return changed


personal_data.register(
    PersonalDataSource(
        key="comms.mail",
        description="Your mailing-list subscriptions and choices, the record of when and how "
        "you agreed or said no, and the emails we sent you. Erasing keeps the consent records "
        "without your address, and keeps a note not to email an address that bounced, "
        "complained or unsubscribed.",
        models=(
            "comms.Subscription",
            "comms.ConsentRecord",
            "comms.Delivery",
            "comms.Suppression",
        ),
        export=export,
        erase=erase,
    )
)
personal_data.declare_authorship("comms.Mailing", "sender")
# Member updates (comms.updates): which staff member started an issue.
personal_data.declare_authorship("comms.UpdateIssue", "created_by")
