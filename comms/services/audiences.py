"""Who a list reaches: its confirmed subscribers and, for lists sent to member organisations,
each organisation's designated contacts unless the organisation said no."""

from collections.abc import Iterator

from comms.models import MailingList, OrganisationPreference, Subscription, SubscriptionStatus


def recipients(
    mailing_list: MailingList, *, frequencies=None, topics=None, organisations: bool = True
) -> Iterator[tuple[str, int | None]]:
    """(email, person id) for everyone the list reaches, each address once, lower-cased.
    `frequencies` keeps subscribers who chose one of them; `topics` keeps subscribers who
    chose none (everything) or at least one of these. `organisations=False` leaves out the
    member organisations' designated contacts (a round-up is for subscribers only: the
    contacts already had each mailing as it went)."""
    seen: set[str] = set()
    subscribers = Subscription.objects.filter(
        mailing_list=mailing_list, status=SubscriptionStatus.ACTIVE
    )
    if frequencies:
        subscribers = subscribers.filter(frequency__in=list(frequencies))
    if topics:
        chose_some = Subscription.topics.through.objects.values("subscription_id")
        matching = Subscription.topics.through.objects.filter(term__in=list(topics)).values(
            "subscription_id"
        )
        subscribers = subscribers.exclude(pk__in=chose_some.exclude(subscription_id__in=matching))
    for email, person_id in subscribers.values_list("email", "person_id").iterator(2000):
        if email not in seen:
            seen.add(email)
            yield email, person_id
    if organisations and mailing_list.to_member_organisations:
        for email, person_id in organisation_contacts(mailing_list):
            if email not in seen:
                seen.add(email)
                yield email, person_id


def organisation_contacts(mailing_list: MailingList) -> Iterator[tuple[str, int]]:
    """Main contacts of organisations with an active membership of one of the list's networks,
    except organisations that turned this list off."""
    from members.models import Affiliation, MembershipStatus

    declined = OrganisationPreference.objects.filter(
        mailing_list=mailing_list, receives=False
    ).values("organisation_id")
    contacts = (
        Affiliation.objects.filter(
            is_main_contact=True,
            organisation__memberships__status=MembershipStatus.ACTIVE,
            organisation__memberships__network__in=mailing_list.networks.all(),
            person__email__isnull=False,
        )
        .exclude(organisation_id__in=declined)
        .exclude(person__email="")
        .values_list("person__email", "person_id")
        .distinct()
    )
    for email, person_id in contacts.iterator(2000):
        yield email.lower(), person_id
