"""Who may see and change library resources. Views and templates ask here."""

from core.roles import Role, is_staff_member
from library.models import ResourceStatus
from members.services.permissions import editable_organisations


def can_manage(user) -> bool:
    """Staff and admins create, edit, publish, approve and delete resources."""
    return is_staff_member(user)


# Other apps may let more people see an unpublished resource: each hook is
# (user, resource) -> bool. The events app shares documents with a group's members this way.
VIEW_HOOKS: list = []


def register_view_hook(hook) -> None:
    VIEW_HOOKS.append(hook)


def can_view(user, resource) -> bool:
    """Published resources are public; drafts are for staff; a member's submission is also
    visible to the person who submitted it; a registered hook may add others."""
    if resource.status == ResourceStatus.PUBLISHED:
        return True
    if not user.is_authenticated:
        return False
    if can_manage(user):
        return True
    if resource.submitted_by_id is not None and resource.submitted_by_id == user.pk:
        return True
    return any(hook(user, resource) for hook in VIEW_HOOKS)


def submittable_organisations(user):
    """The organisations a person may submit a resource for: a member contact's own, or the
    members of the networks a staff member runs."""
    if not user.is_authenticated or user.role == Role.JUDGE:
        return editable_organisations(user).none()
    return editable_organisations(user)


def can_submit(user) -> bool:
    return submittable_organisations(user).exists()
