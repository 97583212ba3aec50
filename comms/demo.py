"""Demo audiences: both networks' lists, subscribers with different choices, a few addresses
that bounced or complained, a few people who left, and organisations' say over the member
update. Runs after the demo member updates (comms.updates.demo), whose lists it fills."""

import datetime

from django.utils import timezone

from comms.models import (
    Audience,
    ConsentAction,
    ConsentRecord,
    Frequency,
    MailingList,
    OrganisationPreference,
    Subscription,
    SubscriptionStatus,
    SuppressionReason,
)
from comms.services import suppression

# (network slug, list slug, name, audience, send to member organisations, description)
LISTS = (
    ("cja", "cja-member-update", "CJA member update", Audience.MEMBERS, True,
     "The Criminal Justice Alliance's monthly round-up for member organisations."),
    ("cja", "cja-policy-news", "CJA policy news", Audience.PUBLIC, False,
     "Briefings, consultation responses and what decision makers said back, as they appear."),
    ("ayj", "ayj-policy-news", "AYJ policy news", Audience.PUBLIC, False,
     "The Alliance for Youth Justice's monthly policy news, open to anyone."),
    ("ayj", "ayj-opportunities", "Opportunities", Audience.PUBLIC, False,
     "Jobs, placements and board roles open to people with lived experience."),
    ("cja", "events-in-wales", "Events in Wales", Audience.MEMBERS, False,
     "Forums, roundtables and webinars held in Wales or about Welsh services."),
)  # fmt: skip

# Readers of the public lists: (address, list slugs, frequency, topic slugs)
READERS = (
    ("policy.officer@example.org", ("cja-policy-news", "ayj-policy-news"), Frequency.WEEKLY, ()),
    ("researcher@example.ac.uk", ("cja-policy-news",), Frequency.MONTHLY,
     ("racial-equality", "women-and-girls")),
    ("journalist@example.com", ("cja-policy-news",), Frequency.AS_IT_HAPPENS, ()),
    ("youth.worker@example.org", ("ayj-policy-news", "ayj-opportunities"),
     Frequency.AS_IT_HAPPENS, ("children-and-young-adults",)),
    ("mentor@example.org", ("ayj-opportunities",), Frequency.WEEKLY, ()),
    ("magistrate@example.org.uk", ("cja-policy-news",), Frequency.MONTHLY, ()),
    ("advocate@example.org", ("ayj-policy-news",), Frequency.WEEKLY, ("lived-experience",)),
    ("councillor@example.gov.uk", ("cja-policy-news", "ayj-policy-news"), Frequency.MONTHLY, ()),
)  # fmt: skip
BOUNCED = ("old.address@example.org", "no.such.inbox@example.net")
COMPLAINED = ("not.me@example.com",)
LEFT = (("former.reader@example.org", "cja-policy-news"), ("busy@example.org", "ayj-policy-news"))
SOURCE = "Demo data"
LIST_TOPICS = {
    "cja-policy-news": ("racial-equality", "women-and-girls", "lived-experience"),
    "ayj-policy-news": ("children-and-young-adults", "lived-experience"),
}


def _lists() -> dict[str, MailingList]:
    from members.models import Network
    from taxonomy.models import Term

    made = {}
    for network_slug, slug, name, audience, to_orgs, description in LISTS:
        network = Network.objects.filter(slug=network_slug).first()
        if network is None:
            continue
        mailing_list, _ = MailingList.objects.get_or_create(
            slug=slug, defaults={"name": name, "audience": audience, "description": description}
        )
        mailing_list.to_member_organisations = to_orgs
        mailing_list.save(update_fields=["to_member_organisations"])
        mailing_list.networks.add(network)
        mailing_list.topics.add(*Term.objects.filter(slug__in=LIST_TOPICS.get(slug, ())))
        made[slug] = mailing_list
    return made


def _subscribe(email, mailing_list, frequency, topics, days_ago, status=SubscriptionStatus.ACTIVE):
    from taxonomy.models import Term

    joined = timezone.now() - datetime.timedelta(days=days_ago)
    subscription, _ = Subscription.objects.get_or_create(
        mailing_list=mailing_list,
        email=email,
        defaults={"status": status, "frequency": frequency, "created_at": joined,
                  "confirmed_at": joined},
    )  # fmt: skip
    subscription.topics.set(Term.objects.filter(slug__in=topics))
    ConsentRecord.objects.create(
        email=email, mailing_list=mailing_list, action=ConsentAction.CONFIRMED,
        recorded_at=joined, source=f"{SOURCE}: public sign-up form",
        wording=f"Yes, please email me “{mailing_list.name}”.",
    )  # fmt: skip
    return subscription


def load_demo_audiences() -> int:
    """Subscriptions made (0 when skipped: no demo networks, or done already)."""
    lists = _lists()
    if not lists or Subscription.objects.exists():
        return 0
    made = 0
    for n, (email, slugs, frequency, topics) in enumerate(READERS):
        for slug in slugs:
            if slug in lists:
                _subscribe(email, lists[slug], frequency, topics, days_ago=30 + 19 * n)
                made += 1
    # Member contacts who chose the members' lists themselves, each in their own way.
    from members.models import Person

    contacts = Person.objects.filter(email__isnull=False).exclude(email="").order_by("pk")
    frequencies = [Frequency.AS_IT_HAPPENS, Frequency.WEEKLY, Frequency.MONTHLY]
    for n, person in enumerate(contacts[:24]):
        for slug in ("cja-member-update", "events-in-wales")[: 1 + n % 2]:
            if slug in lists:
                subscription = _subscribe(
                    person.email, lists[slug], frequencies[n % 3], (), days_ago=10 + 7 * n
                )
                Subscription.objects.filter(pk=subscription.pk).update(person=person)
                made += 1
    for email in BOUNCED:
        suppression.suppress(email, SuppressionReason.HARD_BOUNCE, detail="550 5.1.1 no mailbox")
    for email in COMPLAINED:
        suppression.suppress(email, SuppressionReason.COMPLAINT, detail="Marked as spam")
    for email, slug in LEFT:
        if slug in lists:
            _subscribe(email, lists[slug], Frequency.MONTHLY, (), days_ago=200)
            suppression.unsubscribe(email, lists[slug], f"{SOURCE}: one-click unsubscribe")
    _organisation_preferences(lists.get("cja-member-update"))
    return made


def _organisation_preferences(member_update) -> None:
    """Two member organisations asked for the member update to go to their contacts only
    through their own subscriptions."""
    if member_update is None:
        return
    from members.models import Organisation

    for organisation in Organisation.objects.filter(
        memberships__network__in=member_update.networks.all()
    ).order_by("pk")[:2]:
        OrganisationPreference.objects.get_or_create(
            organisation=organisation, mailing_list=member_update, defaults={"receives": False}
        )
