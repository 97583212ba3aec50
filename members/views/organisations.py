from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render

from core.audit import history_for
from core.roles import is_staff_member
from members.forms import OrganisationForm
from members.models import Organisation
from members.services.organisations import save_organisation
from members.services.permissions import can_edit_organisation


def _organisation(slug):
    return get_object_or_404(
        Organisation.objects.prefetch_related(
            "memberships__network", "parts", "themes", "populations", "regions"
        ),
        slug=slug,
    )


def profile(request, slug):
    organisation = _organisation(slug)
    context = {
        "organisation": organisation,
        "memberships": [m for m in organisation.memberships.all() if m.status == "active"],
        "can_edit": can_edit_organisation(request.user, organisation),
        "runs_network": getattr(organisation, "runs_network", None),
    }
    return render(request, "members/profile.html", context)


@login_required
def edit(request, slug):
    organisation = _organisation(slug)
    if not can_edit_organisation(request.user, organisation):
        raise PermissionDenied("You can only edit your own organisation's profile.")
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        save_organisation(request.user, form)
        messages.success(request, "Your changes have been saved.")
        return redirect(organisation)
    return render(request, "members/edit.html", {"organisation": organisation, "form": form})


@login_required
def history(request, slug):
    if not is_staff_member(request.user):
        raise PermissionDenied("Only staff can see the change history.")
    organisation = get_object_or_404(Organisation, slug=slug)
    entries = list(history_for(organisation))
    for membership in organisation.memberships.all():
        entries.extend(history_for(membership))
    entries.sort(key=lambda entry: entry.created_at, reverse=True)
    return render(
        request, "members/history.html", {"organisation": organisation, "entries": entries}
    )
