"""Standing groups: a member's own groups and a group's page (members and staff only), and
the staff pages that create groups and manage their members and documents."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from core.roles import staff_required
from events.forms import GroupDocumentForm, GroupForm, GroupMemberForm
from events.models import Group
from events.services import access, groups

staff_only = staff_required("Running groups is for the alliance's staff.")


@login_required
def index(request):
    return render(
        request,
        "events/groups/index.html",
        {
            "groups": groups.visible_groups(request.user).select_related("network"),
            "is_staff": access.may_manage(request.user),
        },
    )


@login_required
def group(request, slug):
    group = get_object_or_404(Group.objects.select_related("network"), slug=slug)
    if not groups.may_see(request.user, group):
        raise Http404("No such group.")
    meetings = access.visible_events(request.user).filter(group=group).prefetch_related("actions")
    now = timezone.now()
    return render(
        request,
        "events/groups/group.html",
        {
            "group": group,
            "members": group.members.select_related("person", "organisation"),
            "upcoming": meetings.filter(ends_at__gte=now).order_by("starts_at"),
            "past": meetings.filter(ends_at__lt=now).order_by("-starts_at"),
            "documents": group.documents.select_related("resource"),
            "is_staff": access.may_manage(request.user),
        },
    )


@staff_only
def create(request):
    form = GroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        group = groups.create_group(
            request.user, network=data["network"], name=data["name"], purpose=data["purpose"]
        )
        messages.success(request, f"Created the group {group.name}: now add its members.")
        return redirect("events:staff_group_members", slug=group.slug)
    return render(request, "events/groups/form.html", {"form": form})


@staff_only
def members(request, slug):
    """Add a member (POST with a person), or remove one (POST with `remove`)."""
    group = get_object_or_404(Group, slug=slug)
    data = request.POST if "person" in request.POST else None
    form = GroupMemberForm(data, user=request.user, group=group)
    if request.method == "POST" and "remove" in request.POST:
        pk = request.POST["remove"]
        if pk.isdigit() and groups.remove_member(request.user, group, int(pk)):
            messages.success(request, "Removed from the group.")
        else:
            messages.error(request, "That person is not in the group: nothing changed.")
        return redirect("events:staff_group_members", slug=slug)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            member = groups.add_member(
                request.user, group, data["person"], data["organisation"], data["role"]
            )
        except ValueError as problem:
            form.add_error(None, str(problem))
        else:
            messages.success(request, f"Added {member.person} to the group.")
            return redirect("events:staff_group_members", slug=slug)
    return render(
        request,
        "events/groups/members.html",
        {
            "group": group,
            "form": form,
            "members": group.members.select_related("person", "organisation"),
            "document_form": GroupDocumentForm(),
        },
    )


@staff_only
def documents(request, slug):
    """Share an unpublished library resource with the group only (POST)."""
    group = get_object_or_404(Group, slug=slug)
    form = GroupDocumentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            groups.share_document(request.user, group, form.cleaned_data["resource"])
        except ValueError as problem:
            messages.error(request, str(problem))
        else:
            messages.success(request, "Shared with the group.")
        return redirect("events:staff_group_members", slug=slug)
    return render(
        request,
        "events/groups/members.html",
        {
            "group": group,
            "form": GroupMemberForm(user=request.user, group=group),
            "members": group.members.select_related("person", "organisation"),
            "document_form": form,
        },
    )
