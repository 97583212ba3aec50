"""A member organisation's say over the lists sent to member organisations (issue 16 §1):
whether the organisation gets each one, and which of its people are its designated contacts
(Affiliation.is_main_contact, the people comms.services.audiences sends those lists to)."""

from dataclasses import dataclass

from django.db import transaction

from comms.models import MailingList, OrganisationPreference


@dataclass(frozen=True)
class ListChoice:
    mailing_list: MailingList
    receives: bool


def lists_for(organisation) -> list[MailingList]:
    """Active lists sent to member organisations of a network this organisation belongs to."""
    return list(
        MailingList.objects.filter(
            is_active=True,
            to_member_organisations=True,
            networks__in=organisation.memberships.values("network_id"),
        )
        .distinct()
        .order_by("name")
    )


def choices_for(organisation) -> list[ListChoice]:
    declined = set(
        OrganisationPreference.objects.filter(
            organisation=organisation, receives=False
        ).values_list("mailing_list_id", flat=True)
    )
    return [ListChoice(ml, ml.pk not in declined) for ml in lists_for(organisation)]


def contacts_of(organisation):
    """The organisation's people who have an email address (only they can be sent to)."""
    from members.models import Affiliation

    return (
        Affiliation.objects.filter(organisation=organisation)
        .exclude(person__email="")
        .exclude(person__email__isnull=True)
        .select_related("person")
        .order_by("person__name")
    )


@transaction.atomic
def save(organisation, receives: dict[int, bool], designated) -> None:
    """Record, for each list, whether the organisation gets it, and make exactly `designated`
    (affiliations of this organisation) its designated contacts."""
    for list_id, wanted in receives.items():
        OrganisationPreference.objects.update_or_create(
            organisation=organisation, mailing_list_id=list_id, defaults={"receives": wanted}
        )
    chosen = {a.pk for a in designated}
    contacts = contacts_of(organisation)
    contacts.filter(pk__in=chosen).update(is_main_contact=True)
    contacts.exclude(pk__in=chosen).update(is_main_contact=False)
