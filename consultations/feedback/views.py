"""The feedback loop's pages: staff see who has been told what happened to their input and
tell the rest; a signed-in contributor sees the outcomes of their own input ("my input")."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from consultations.feedback import services as feedback
from consultations.models import Consultation
from consultations.pages import refusal, staff_required


@staff_required
@require_http_methods(["GET", "HEAD"])
def feedback_loop(request, slug):
    consultation = get_object_or_404(Consultation, slug=slug)
    submission = getattr(consultation, "submission", None)
    context = {
        "consultation": consultation,
        "submission": submission,
        "summary": feedback.loop_summary(consultation),
        "messages_sent": consultation.feedback_messages.count(),
    }
    return render(request, "consultations/feedback/loop.html", context)


@staff_required
@require_POST
def feedback_send(request, slug):
    consultation = get_object_or_404(Consultation, slug=slug)
    try:
        told, updated, notes = feedback.tell_contributors(consultation)
    except ValidationError as error:
        refusal(request, error)
        return redirect("consultations:feedback_loop", slug)
    messages.success(
        request,
        f"Told {told} contributor{'s' if told != 1 else ''} the outcome; "
        f"sent {updated} update{'s' if updated != 1 else ''}. Nobody is told the same twice.",
    )
    for note in notes:
        messages.warning(request, note)
    return redirect("consultations:feedback_loop", slug)


@login_required
@require_http_methods(["GET", "HEAD"])
def my_input(request):
    outcomes = feedback.outcomes_for_user(request.user)
    return render(request, "consultations/feedback/my_input.html", {"outcomes": outcomes})
