"""Posting, changing and withdrawing a listing (staff, and member contacts for their own
organisation), and the poster's own list with what staff decided."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from opportunities.forms import OpportunityForm
from opportunities.models import Opportunity, Status
from opportunities.services import access, posting

MAY_NOT_POST = (
    "Only staff and contacts at member organisations can post opportunities. If your "
    "organisation is a member, ask the alliance's staff to add you as its contact."
)


@login_required
def create(request):
    if not access.may_post(request.user):
        raise PermissionDenied(MAY_NOT_POST)
    form = OpportunityForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        opportunity = posting.submit(request.user, form)
        if opportunity.status == Status.APPROVED:
            messages.success(request, "The listing is on the board.")
        else:
            messages.success(
                request,
                "Thank you: staff will check the listing and email you when it is on the board.",
            )
        return redirect(opportunity)
    return render(request, "opportunities/form.html", {"form": form, "editing": None})


def _editable(request, slug) -> Opportunity:
    opportunity = get_object_or_404(access.visible_to(request.user), slug=slug)
    if not access.may_edit(request.user, opportunity):
        raise PermissionDenied("Only the person who posted this listing, or staff, can change it.")
    return opportunity


@login_required
def edit(request, slug):
    opportunity = _editable(request, slug)
    form = OpportunityForm(request.POST or None, instance=opportunity, user=request.user)
    if request.method == "POST" and form.is_valid():
        posting.update(request.user, form)
        messages.success(request, "Your changes are saved.")
        return redirect(opportunity)
    return render(request, "opportunities/form.html", {"form": form, "editing": opportunity})


@login_required
@require_POST
def withdraw(request, slug):
    opportunity = _editable(request, slug)
    posting.withdraw(request.user, opportunity)
    messages.success(request, "The listing is withdrawn: it no longer shows on the board.")
    return redirect("opportunities:mine")


@login_required
def mine(request):
    listings = (
        Opportunity.objects.filter(posted_by=request.user)
        .select_related("organisation")
        .order_by("-created_at")
    )
    return render(request, "opportunities/mine.html", {"listings": listings})
