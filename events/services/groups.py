"""Standing groups that meet: who is in them, what they may see (their meetings and the
library documents shared with them), and the staff actions that change them."""

from django.db import transaction
from django.db.models import QuerySet

from core import audit
from core.lib.slugs import unique_slug
from core.roles import is_staff_member
from events.models import Group, GroupDocument, GroupMember


def groups_of(user) -> QuerySet:
    """The groups a signed-in person is a member of."""
    if not user.is_authenticated:
        return Group.objects.none()
    return Group.objects.filter(members__person__user=user).distinct()


def is_member(user, group: Group) -> bool:
    return user.is_authenticated and group.members.filter(person__user=user).exists()


def may_see(user, group: Group) -> bool:
    return is_staff_member(user) or is_member(user, group)


def visible_groups(user) -> QuerySet:
    return Group.objects.all() if is_staff_member(user) else groups_of(user)


def create_group(actor, *, network, name: str, purpose: str) -> Group:
    with transaction.atomic():
        group = Group(network=network, name=name.strip(), purpose=purpose.strip())
        group.slug = unique_slug(Group, group.name, fallback="group")
        group.save()
        audit.record_change(actor, group, {})
    return group


def add_member(actor, group: Group, person, organisation=None, role: str = "") -> GroupMember:
    """A person joins through one of their own organisations (ValueError otherwise, or if
    they are already in the group)."""
    if organisation is not None and not person.organisations.filter(pk=organisation.pk).exists():
        raise ValueError(f"{person} does not work at {organisation}.")
    if group.members.filter(person=person).exists():
        raise ValueError(f"{person} is already in the group.")
    with transaction.atomic():
        member = GroupMember.objects.create(
            group=group, person=person, organisation=organisation, role=role.strip()
        )
        audit.record_change(actor, member, {})
    return member


def remove_member(actor, group: Group, member_pk: int) -> bool:
    member = group.members.filter(pk=member_pk).first()
    if member is None:
        return False
    with transaction.atomic():
        audit.record_change(actor, member, audit.snapshot(member), {})
        member.delete()
    return True


def share_document(actor, group: Group, resource) -> GroupDocument:
    """Share a library resource with the group only. A published resource is public
    already, so only unpublished ones may be shared this way."""
    if resource.is_published:
        raise ValueError(
            f"“{resource}” is published in the library for everyone; share an unpublished one."
        )
    document, _ = GroupDocument.objects.get_or_create(group=group, resource=resource)
    audit.record_change(actor, document, {})
    return document


def may_view_resource(user, resource) -> bool:
    """The library's view hook: members of a group see the documents shared with it."""
    return (
        user.is_authenticated
        and GroupDocument.objects.filter(
            resource=resource, group__members__person__user=user
        ).exists()
    )
