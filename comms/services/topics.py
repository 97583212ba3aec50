"""What a subscriber's topics mean, in one place: a mailing or an update item tagged with
topics reaches a subscriber who chose topics only if they share one; untagged things, and
subscribers who chose none, get everything."""

from comms.models import MailingList, Subscription, SubscriptionStatus


def wanted(tags: frozenset[int], chosen: frozenset[int]) -> bool:
    return not chosen or not tags or bool(tags & chosen)


def chosen_by(mailing_list: MailingList) -> dict[str, frozenset[int]]:
    """{email: topic ids} for the list's active subscribers who chose any, in one query."""
    found: dict[str, set[int]] = {}
    rows = Subscription.topics.through.objects.filter(
        subscription__mailing_list=mailing_list, subscription__status=SubscriptionStatus.ACTIVE
    ).values_list("subscription__email", "term_id")
    for email, term_id in rows.iterator(2000):
        found.setdefault(email, set()).add(term_id)
    return {email: frozenset(ids) for email, ids in found.items()}
