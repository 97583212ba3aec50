from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from core.audit import history_for
from core.lib.uploads import declared_too_large
from core.registries import record_sections
from core.roles import is_staff_member
from members.forms import OrganisationProfileForm
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
        # Other apps' parts of the profile (record_sections), without members importing them.
        "sections": record_sections.sections_for(request, organisation),
    }
    return render(request, "members/profile.html", context)


@login_required
def edit(request, slug):
    organisation = _organisation(slug)
    if not can_edit_organisation(request.user, organisation):
        raise PermissionDenied("You can only edit your own organisation's profile.")
    if request.method == "POST" and declared_too_large(request):
        return refuse_too_large(request, organisation)
    form = OrganisationProfileForm(
        request.POST or None, request.FILES or None, instance=organisation
    )
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


def refuse_too_large(request, organisation):
    form = OrganisationProfileForm(instance=organisation)
    form.add_error(None, "The logo is larger than the largest file you can upload.")
    context = {"organisation": organisation, "form": form}
    return render(request, "members/edit.html", context, status=413)


@require_http_methods(["GET", "HEAD"])
def logo(request, slug):
    """The organisation's logo: always a PNG we made ourselves (see save_organisation)."""
    organisation = get_object_or_404(Organisation.objects.only("slug", "logo"), slug=slug)
    if not organisation.logo:
        raise Http404("This organisation has no logo.")
    try:
        stored = organisation.logo.open("rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404("This organisation's logo is missing.") from error
    response = FileResponse(stored, content_type="image/png")
    response["Cache-Control"] = "public, max-age=86400"
    return response
