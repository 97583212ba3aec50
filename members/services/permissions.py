"""Who may do what to member records. Views and the API both ask here."""

from django.db.models import Q

from core.roles import Role, is_admin, is_staff_member
from members.models import MembershipApplication, Network, Organisation, Person


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


# --- The reach of an office account: what Django admin and the staff exports show -----------


def organisations_in_reach(user):
    """Organisations a staff member may see and change everywhere (admin, exports): members of
    the networks they run, and organisations in no network yet, as `can_edit_organisation`
    allows; admins reach all."""
    if is_admin(user):
        return Organisation.objects.all()
    if not is_staff_member(user):
        return Organisation.objects.none()
    ids = Organisation.objects.filter(
        Q(memberships__network__staff=user) | Q(memberships__isnull=True)
    ).values("pk")
    return Organisation.objects.filter(pk__in=ids)


def people_in_reach(user):
    """Contacts of the organisations in reach, and people affiliated with none."""
    if is_admin(user):
        return Person.objects.all()
    if not is_staff_member(user):
        return Person.objects.none()
    ids = Person.objects.filter(
        Q(organisations__in=organisations_in_reach(user)) | Q(organisations__isnull=True)
    ).values("pk")
    return Person.objects.filter(pk__in=ids)


def applications_in_reach(user):
    """Applications to a network the staff member runs (or to none in particular)."""
    if is_admin(user):
        return MembershipApplication.objects.all()
    if not is_staff_member(user):
        return MembershipApplication.objects.none()
    ids = MembershipApplication.objects.filter(
        Q(networks__staff=user) | Q(networks__isnull=True)
    ).values("pk")
    return MembershipApplication.objects.filter(pk__in=ids)
