"""A person's choices: which lists, how often, which topics; and the public sign-up with
double opt-in. Every yes and no leaves a ConsentRecord with time, source and wording."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from comms.models import (
    Audience,
    ConsentAction,
    ConsentRecord,
    Frequency,
    MailingList,
    Subscription,
    SubscriptionStatus,
    Suppression,
    SuppressionReason,
)

PREFERENCES_WORDING = (
    "Send me “{name}” by email ({frequency}). I can change this or unsubscribe at any time "
    "from the link in every email."
)
SIGNUP_WORDING = (
    "Yes, please email me “{name}”. I understand I will first get an email asking me to "
    "confirm, and that I can unsubscribe at any time from the link in every email."
)


@dataclass
class Choice:
    mailing_list: MailingList
    subscribed: bool
    frequency: str
    topic_ids: set[int]


def may_join(mailing_list: MailingList, user=None) -> bool:
    """Public lists are open to anyone; members-only lists to signed-in member contacts and
    staff."""
    if mailing_list.audience == Audience.PUBLIC:
        return True
    if user is None or not user.is_authenticated:
        return False
    from core.roles import is_staff_member

    return is_staff_member(user) or hasattr(user, "person")


def choices_for(email: str, user=None) -> list[Choice]:
    """Every list this address may be on, with what it chose. A members-only list shows for
    someone who is already on it even when reached by a signed link."""
    email = email.lower()
    mine = {
        s.mailing_list_id: s
        for s in Subscription.objects.filter(email=email).prefetch_related("topics")
    }
    found = []
    for mailing_list in MailingList.objects.filter(is_active=True).prefetch_related("topics"):
        subscription = mine.get(mailing_list.pk)
        if subscription is None and not (mailing_list.is_system or may_join(mailing_list, user)):
            continue
        if mailing_list.is_system:
            # Product notices reach people without a subscription; being on them means not
            # having left them.
            left = Suppression.objects.filter(email=email, mailing_list=mailing_list).exists()
            found.append(Choice(mailing_list, not left, Frequency.AS_IT_HAPPENS, set()))
            continue
        active = subscription is not None and subscription.status == SubscriptionStatus.ACTIVE
        found.append(
            Choice(
                mailing_list,
                active,
                subscription.frequency if subscription else Frequency.AS_IT_HAPPENS,
                {t.pk for t in subscription.topics.all()} if subscription else set(),
            )
        )
    return found


@transaction.atomic
def save(email: str, wanted: dict[int, tuple[str, list]], allowed: list[MailingList], source: str):
    """Apply the preferences form: `wanted` maps list id → (frequency, topics) for each list
    ticked; every list in `allowed` not in it is left. Consent is recorded for each change."""
    from comms.services import digests
    from comms.services.suppression import unsubscribe

    email = email.lower()
    now = timezone.now()
    for mailing_list in allowed:
        choice = wanted.get(mailing_list.pk)
        if mailing_list.is_system:
            if choice is None:
                unsubscribe(email, mailing_list, source)
            else:
                rejoin(email, mailing_list, source)
            continue
        subscription = Subscription.objects.filter(mailing_list=mailing_list, email=email).first()
        if choice is None:
            if subscription and subscription.status == SubscriptionStatus.ACTIVE:
                unsubscribe(email, mailing_list, source)
            continue
        frequency, topics = choice
        was_active = subscription is not None and subscription.status == SubscriptionStatus.ACTIVE
        if subscription is None:
            subscription = Subscription(mailing_list=mailing_list, email=email)
        if not was_active:
            # Nothing made before they (re)joined is owed to them.
            subscription.round_up_from = subscription.frequency_since = now
        elif frequency != subscription.frequency:
            # Fix where their record stands under the old frequency before it changes, so
            # the new one neither repeats nor skips anything (comms/services/digests.py).
            subscription.round_up_from = digests.caught_up_to(subscription, timezone.localdate(now))
            subscription.frequency_since = now
        subscription.status = SubscriptionStatus.ACTIVE
        subscription.frequency = frequency
        subscription.confirmed_at = subscription.confirmed_at or now
        subscription.unsubscribed_at = None
        subscription.save()
        subscription.topics.set(topics)
        if not was_active:
            rejoin(email, mailing_list, source, frequency=frequency)


def rejoin(email: str, mailing_list: MailingList, source: str, frequency=None) -> None:
    """Undo an unsubscribe (never a bounce or complaint) and record the new consent."""
    removed, _ = Suppression.objects.filter(
        email=email, mailing_list=mailing_list, reason=SuppressionReason.UNSUBSCRIBE
    ).delete()
    if mailing_list.is_system and not removed:
        return
    label = Frequency(frequency).label.lower() if frequency else "as it happens"
    ConsentRecord.objects.create(
        email=email,
        mailing_list=mailing_list,
        action=ConsentAction.GIVEN,
        source=source,
        wording=PREFERENCES_WORDING.format(name=mailing_list.name, frequency=label),
    )


def start_signup(mailing_list: MailingList, email: str, source: str) -> Subscription | None:
    """Record the request and the words agreed to; the subscription waits for the person to
    confirm from the email. Returns the subscription to confirm, or None when there is nothing
    to confirm (already subscribed): the caller answers the same either way."""
    email = email.strip().lower()
    with transaction.atomic():
        subscription, _ = Subscription.objects.get_or_create(mailing_list=mailing_list, email=email)
        if subscription.status == SubscriptionStatus.ACTIVE:
            return None
        if subscription.status == SubscriptionStatus.UNSUBSCRIBED:
            subscription.status = SubscriptionStatus.PENDING
            subscription.save(update_fields=["status"])
        ConsentRecord.objects.create(
            email=email,
            mailing_list=mailing_list,
            action=ConsentAction.GIVEN,
            source=source,
            wording=signup_wording(mailing_list),
        )
    return subscription


def signup_wording(mailing_list: MailingList) -> str:
    return SIGNUP_WORDING.format(name=mailing_list.name)


def confirm(email: str, list_id: int | None) -> MailingList | None:
    """Make a waiting subscription active (double opt-in). None when there is nothing
    waiting under that link."""
    with transaction.atomic():
        subscription = (
            Subscription.objects.select_for_update()
            .select_related("mailing_list")
            .filter(email=email, mailing_list_id=list_id)
            .first()
        )
        if subscription is None:
            return None
        if subscription.status != SubscriptionStatus.ACTIVE:
            subscription.status = SubscriptionStatus.ACTIVE
            subscription.confirmed_at = timezone.now()
            # Owed nothing made before they confirmed (comms/services/digests.py).
            subscription.round_up_from = subscription.frequency_since = subscription.confirmed_at
            subscription.unsubscribed_at = None
            subscription.save()
            Suppression.objects.filter(
                email=email,
                mailing_list=subscription.mailing_list,
                reason=SuppressionReason.UNSUBSCRIBE,
            ).delete()
            ConsentRecord.objects.create(
                email=email,
                mailing_list=subscription.mailing_list,
                action=ConsentAction.CONFIRMED,
                source="Confirmation link in the sign-up email",
                wording=signup_wording(subscription.mailing_list),
            )
        return subscription.mailing_list


def is_known(email: str) -> bool:
    """Whether this address is on any list or is a member contact (to decide whether a
    preferences link is worth sending; the page never says)."""
    from members.models import Person

    return (
        Subscription.objects.filter(email=email).exists()
        or Person.objects.filter(email=email).exists()
    )
