"""Who sees and changes which listings. Views, feeds, search and the API all ask here."""

from django.db.models import Q, QuerySet
from django.utils import timezone

from core.roles import Role, is_staff_member
from opportunities.models import Opportunity, Status


def open_opportunities(today=None) -> QuerySet:
    """What the board lists: approved, and the closing date not yet past."""
    today = today or timezone.localdate()
    return Opportunity.objects.filter(status=Status.APPROVED, closes_on__gte=today)


def may_post(user) -> bool:
    """Staff post for anyone; a member contact posts for their own organisation."""
    if not user.is_authenticated:
        return False
    return is_staff_member(user) or (user.role == Role.MEMBER and hasattr(user, "person"))


def may_moderate(user) -> bool:
    return is_staff_member(user)


def may_edit(user, opportunity: Opportunity) -> bool:
    """Staff edit any listing; the poster edits their own until it closes."""
    if not user.is_authenticated:
        return False
    return is_staff_member(user) or opportunity.posted_by_id == user.pk


def visible_to(user) -> QuerySet:
    """Listings a person may open: approved ones (closed ones too, marked closed, so an old
    link still explains itself), and their own or, for staff, every one."""
    if is_staff_member(user):
        return Opportunity.objects.all()
    shown = Q(status=Status.APPROVED)
    if user.is_authenticated:
        shown |= Q(posted_by=user)
    return Opportunity.objects.filter(shown)


def employers_for(user):
    """The directory organisations a person may post for."""
    from members.models import Organisation

    if is_staff_member(user):
        return Organisation.objects.order_by("name")
    if user.is_authenticated:
        return Organisation.objects.filter(people__user=user).order_by("name")
    return Organisation.objects.none()
