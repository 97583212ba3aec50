"""A person's own monitoring answers: give, see, change and delete them. Nobody else ever
sees one person's answers, so every view here works only on the signed-in person's own."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from core.lib import ratelimit
from equality.forms import AnswersForm
from equality.models import Exercise
from equality.services import monitoring


@login_required
def mine(request):
    rows = [
        (exercise, monitoring.readable_answers(response), response)
        for exercise, response in monitoring.own_answers(request.user)
    ]
    return render(request, "equality/mine.html", {"rows": rows})


@login_required
def answer(request, slug):
    exercise = get_object_or_404(Exercise, slug=slug)
    invited = _invited(request, exercise)
    refused = monitoring.refusal(request.user, exercise, invited)
    if refused:
        return render(
            request, "equality/not_for_you.html", {"exercise": exercise, "message": refused},
            status=403,
        )  # fmt: skip
    existing = monitoring.own_response(request.user, exercise)
    if request.method == "POST":
        identity = f"equality-user:{request.user.pk}"
        if not ratelimit.check("equality-answer", request, 20, 3600, identity=identity).allowed:
            form = AnswersForm(request.POST)
            form.add_error(None, "Too many tries in an hour. Please try again later.")
        else:
            form = AnswersForm(request.POST)
            if form.is_valid():
                monitoring.save_answers(request.user, exercise, form.cleaned_data)
                messages.success(request, "Thank you. Your answers are saved.")
                return redirect("equality:mine")
    else:
        initial = {
            f: getattr(existing, f) for f in AnswersForm().fields if existing and f != "consent"
        }
        form = AnswersForm(initial=initial)
    return render(
        request, "equality/answer.html", {"exercise": exercise, "form": form, "existing": existing}
    )


def _invited(request, exercise) -> bool:
    """An invitation link's code is remembered for the session, so the form's own post (and
    a return visit) need not carry it."""
    remembered = request.session.get("equality-invited", [])
    if exercise.pk in remembered:
        return True
    if monitoring.invitation_valid(exercise, request.GET.get("invite", "")):
        request.session["equality-invited"] = [*remembered, exercise.pk]
        return True
    return False


@require_POST
@login_required
def delete(request, slug):
    exercise = get_object_or_404(Exercise, slug=slug)
    if monitoring.delete_answers(request.user, exercise):
        messages.success(request, f"Your answers to “{exercise.title}” are deleted.")
    else:
        messages.info(request, "There were no answers of yours to delete.")
    return redirect("equality:mine")
