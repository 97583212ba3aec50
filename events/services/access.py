"""Who may see an event, register for it, and see the sensitive answers to its questions."""

from django.db.models import Q, QuerySet

from core.roles import is_staff_member
from events.models import LISTED_STATUSES, Event, RegistrationStatus, Visibility
from members.models import MembershipStatus, Organisation
from members.services.permissions import networks_run_by


def organisations_of(user) -> QuerySet:
    """The organisations a signed-in member contact works at."""
    if not user.is_authenticated or not hasattr(user, "person"):
        return Organisation.objects.none()
    return user.person.organisations.all()


def member_network_ids(user) -> set[int]:
    """The networks the person's organisations are active members of."""
    return set(
        organisations_of(user)
        .filter(memberships__status=MembershipStatus.ACTIVE)
        .values_list("memberships__network", flat=True)
    )


def visible_events(user) -> QuerySet:
    """Events this person may see: staff see every one, drafts included; others see public
    events, members' events of their networks, and members' or invitation-only events they
    are on (invited, registered, or a member of the group meeting)."""
    if is_staff_member(user):
        return Event.objects.all()
    listed = Event.objects.filter(status__in=LISTED_STATUSES)
    public = Q(visibility=Visibility.PUBLIC)
    if not user.is_authenticated:
        return listed.filter(public)
    email = user.email.lower()
    restricted = Q(visibility=Visibility.MEMBERS, networks__in=member_network_ids(user)) | (
        Q(visibility__in=[Visibility.MEMBERS, Visibility.INVITATION])
        & (
            Q(invitations__email=email)
            | Q(group__members__person__user=user)
            | Q(
                registrations__email=email,
                registrations__status__in=[
                    RegistrationStatus.CONFIRMED,
                    RegistrationStatus.OFFERED,
                    RegistrationStatus.WAITLISTED,
                ],
            )
        )
    )
    # Public events by a plain condition (an index can serve it); only the few members' and
    # invitation events go through the subquery, whose joins would otherwise list an event
    # once per matching row. (A subquery over every event made each facet count read the
    # whole table: ~30 ms a query at 10,000 events.)
    return listed.filter(public | Q(pk__in=Event.objects.filter(restricted).values("pk")))


def may_see(user, event: Event, invitation=None) -> bool:
    if invitation is not None and invitation.event_id == event.pk:
        return event.status in LISTED_STATUSES or is_staff_member(user)
    return visible_events(user).filter(pk=event.pk).exists()


def may_register_self(user, event: Event, invitation=None) -> bool:
    """Public events: anyone (visitors prove they own the email). Members' events: a member
    contact of an invited network, or a guest with a personal invitation. Invitation only:
    the person with the invitation, or a member of the group whose meeting it is."""
    if event.visibility == Visibility.PUBLIC:
        return True
    # A personal invitation also brings a guest to a members' event (an official, a speaker).
    if invitation is not None and invitation.event_id == event.pk:
        return True
    if event.visibility == Visibility.MEMBERS:
        return user.is_authenticated and bool(
            member_network_ids(user) & set(event.networks.values_list("pk", flat=True))
        )
    # A group's meetings are for its members without a personal link.
    return (
        event.group_id is not None
        and user.is_authenticated
        and event.group.members.filter(person__user=user).exists()
    )


def may_register_colleagues(user, event: Event) -> bool:
    """Signed-in member contacts register colleagues from their own organisation."""
    if event.visibility == Visibility.INVITATION or not user.is_authenticated:
        return False
    if not organisations_of(user).exists():
        return False
    return event.visibility == Visibility.PUBLIC or may_register_self(user, event)


def may_read_notes(user, event: Event) -> bool:
    """A meeting's notes: staff, and the members of the group whose meeting it is."""
    if is_staff_member(user):
        return True
    return (
        event.group_id is not None
        and user.is_authenticated
        and event.group.members.filter(person__user=user).exists()
    )


def is_organiser(user, event: Event) -> bool:
    """Only an event's own organisers see its sensitive answers (access, dietary needs)."""
    return user.is_authenticated and event.organisers.filter(pk=user.pk).exists()


def may_see_people(user, event: Event) -> bool:
    """Who is coming to an invitation-only event (a programme's training session, a closed
    group's meeting) is for its organisers, admins and the staff of its networks, as the
    programme's own pages are; the people of every other event are for all staff, who run
    those together."""
    if not is_staff_member(user):
        return False
    if event.visibility != Visibility.INVITATION or is_organiser(user, event):
        return True
    network_ids = set(event.networks.values_list("pk", flat=True))
    return not network_ids or networks_run_by(user).filter(pk__in=network_ids).exists()


def may_manage(user) -> bool:
    return is_staff_member(user)
