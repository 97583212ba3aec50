"""Who may do what to member records. Views and the API both ask here."""

from core.roles import Role, is_admin, is_staff_member
from members.models import Network, Organisation


def networks_run_by(user):
    """Networks a staff member works for; admins work for all of them."""
    if is_admin(user):
        return Network.objects.all()
    if is_staff_member(user):
        return user.staffed_networks.all()
    return Network.objects.none()


def can_edit_organisation(user, organisation: Organisation) -> bool:
    """Admins edit anything; staff edit members of their networks; a member contact edits
    only the organisations they are affiliated with."""
    if not user.is_authenticated:
        return False
    if is_admin(user):
        return True
    if is_staff_member(user):
        # A new organisation with no memberships yet is editable by any staff member.
        network_ids = set(organisation.memberships.values_list("network_id", flat=True))
        staffed = set(user.staffed_networks.values_list("id", flat=True))
        return not network_ids or bool(network_ids & staffed)
    if user.role == Role.MEMBER:
        return organisation.people.filter(user=user).exists()
    return False


def editable_organisations(user):
    if is_admin(user):
        return Organisation.objects.all()
    if is_staff_member(user):
        return Organisation.objects.filter(memberships__network__staff=user).distinct()
    if user.is_authenticated and user.role == Role.MEMBER:
        return Organisation.objects.filter(people__user=user)
    return Organisation.objects.none()
