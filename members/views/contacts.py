"""Staff manage an organisation's contacts: list, invite, send the link again, remove."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from core.roles import is_staff_member, staff_required
from members.models import Affiliation, Organisation
from members.services import contacts
from members.services.permissions import can_edit_organisation


class InviteForm(forms.Form):
    name = forms.CharField(max_length=200)
    email = forms.EmailField(label="Email address", max_length=254)
    job_title = forms.CharField(max_length=200, required=False)


def _organisation_for(user, slug) -> Organisation:
    organisation = get_object_or_404(Organisation, slug=slug)
    if not (is_staff_member(user) and can_edit_organisation(user, organisation)):
        raise PermissionDenied("Only staff of this organisation's networks manage its contacts.")
    return organisation


def _link_for(request):
    def link(uidb64, token):
        path = reverse("password_reset_confirm", args=[uidb64, token])
        return request.build_absolute_uri(path)

    return link


@staff_required("Only staff manage who is a contact of an organisation.")
def contact_list(request, slug):
    organisation = _organisation_for(request.user, slug)
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = contacts.invite_contact(
                request.user, organisation, **form.cleaned_data, link_for=_link_for(request)
            )
        except contacts.ContactError as error:
            form.add_error("email", str(error))
        else:
            person = invitation.affiliation.person
            messages.success(
                request,
                f"{person.name} is now a contact of {organisation.name}. We have emailed "
                f"{person.email} a link to "
                + ("choose a password." if invitation.created_account else "sign in."),
            )
            return redirect("members:contacts", slug=organisation.slug)
    return render(
        request,
        "members/contacts.html",
        {
            "organisation": organisation,
            "contacts": contacts.contacts_of(organisation),
            "form": form,
        },
        status=400 if request.method == "POST" else 200,
    )


def _affiliation(organisation, pk) -> Affiliation:
    return get_object_or_404(
        Affiliation.objects.select_related("person__user"), pk=pk, organisation=organisation
    )


@staff_required("Only staff manage who is a contact of an organisation.")
@require_POST
def contact_resend(request, slug, pk):
    organisation = _organisation_for(request.user, slug)
    affiliation = _affiliation(organisation, pk)
    try:
        contacts.send_invitation(affiliation, _link_for(request))
    except contacts.ContactError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"We have sent {affiliation.person.email} the link again.")
    return redirect("members:contacts", slug=organisation.slug)


@staff_required("Only staff manage who is a contact of an organisation.")
@require_POST
def contact_remove(request, slug, pk):
    organisation = _organisation_for(request.user, slug)
    affiliation = _affiliation(organisation, pk)
    contacts.remove_contact(request.user, affiliation)
    messages.success(
        request,
        f"{affiliation.person.name} is no longer a contact of {organisation.name}. "
        "Their account stays, for any other organisation they work with.",
    )
    return redirect("members:contacts", slug=organisation.slug)
