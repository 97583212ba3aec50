"""Staff's moderation queue: approve, or refuse with a reason the poster is sent."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from core.roles import staff_required
from opportunities.models import Opportunity
from opportunities.services import moderation

STAFF_ONLY = "Only staff can approve or refuse listings."


@staff_required(STAFF_ONLY)
def queue(request):
    return render(request, "opportunities/staff/queue.html", {"waiting": moderation.queue()})


@staff_required(STAFF_ONLY)
@require_POST
def decide(request, slug):
    opportunity = get_object_or_404(Opportunity, slug=slug)
    base_url = request.build_absolute_uri("/").rstrip("/")
    try:
        if request.POST.get("decision") == "approve":
            moderation.approve(request.user, opportunity, base_url)
            messages.success(request, f"Approved: “{opportunity.title}” is on the board.")
        elif request.POST.get("decision") == "refuse":
            moderation.refuse(request.user, opportunity, request.POST.get("reason", ""), base_url)
            messages.success(request, f"Refused: the poster of “{opportunity.title}” is told why.")
        else:
            messages.error(request, "Choose approve or refuse.")
    except moderation.ModerationRefused as refusal:
        messages.error(request, f"“{opportunity.title}”: {refusal}")
    return redirect("opportunities:staff_queue")
