"""Who may read a list's archive, and what a list's update may report.

A list open to the public has a public archive and feeds, and its updates carry only
public changes. A members-only list's archive is for the member contacts of its networks
(any network's, when the list names none) and for staff. This module is the one place that
reads a list's audience, networks and topics for the updates.
"""

from dataclasses import dataclass

from core.roles import is_staff_member
from members.models import Membership, MembershipStatus


@dataclass(frozen=True)
class Scope:
    networks: frozenset[int] | None  # None: every network
    topics: frozenset[int] | None  # None: every topic
    public: bool


def scope_of(mailing_list) -> Scope:
    networks = frozenset(mailing_list.networks.values_list("pk", flat=True))
    topics = frozenset(mailing_list.topics.values_list("pk", flat=True))
    return Scope(networks=networks or None, topics=topics or None,
                 public=is_public(mailing_list))  # fmt: skip


def is_public(mailing_list) -> bool:
    return mailing_list.is_public


def member_network_ids(user) -> set[int]:
    """The networks a signed-in member contact's organisations are active members of."""
    if not user.is_authenticated or not hasattr(user, "person"):
        return set()
    return set(
        Membership.objects.filter(
            organisation__people=user.person, status=MembershipStatus.ACTIVE
        ).values_list("network_id", flat=True)
    )


def may_read(user, mailing_list, member_networks: set[int] | None = None) -> bool:
    if is_public(mailing_list) or is_staff_member(user):
        return True
    member_networks = member_network_ids(user) if member_networks is None else member_networks
    if not member_networks:
        return False
    list_networks = {n.pk for n in mailing_list.networks.all()}
    return not list_networks or bool(list_networks & member_networks)


def readable_lists(user, lists):
    """The lists of `lists` (with networks prefetched) whose archive this person may read."""
    member_networks = member_network_ids(user)
    return [each for each in lists if may_read(user, each, member_networks)]
