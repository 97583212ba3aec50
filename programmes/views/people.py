"""Pages for the people a programme works with who sign in: selection panel members scoring
applications, mentors with their mentees, and young advocates seeing their own payments."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from programmes.forms import ChangeRequestForm
from programmes.models import Mentor, MentorMatch
from programmes.services import mentoring, selection, youth


@login_required
def judge_home(request):
    seats = list(selection.seats_of(request.user))
    if not seats:
        raise PermissionDenied("You are not on a programme selection panel.")
    rows = [(seat, list(selection.scoreable(seat))) for seat in seats]
    return render(request, "programmes/judging/home.html", {"rows": rows})


def _score_values(request, criteria) -> tuple[dict, dict]:
    values, problems = {}, {}
    for criterion in criteria:
        raw = request.POST.get(f"score_{criterion.pk}", "").strip()
        if not raw:
            values[criterion.pk] = None
        elif raw.isdigit() and len(raw) < 4:
            values[criterion.pk] = int(raw)
        else:
            problems[f"score_{criterion.pk}"] = f"Give {criterion.name} a whole number."
    return values, problems


@login_required
def judge_application(request, pk):
    seat, application = selection.application_for(request.user, pk)
    programme = seat.cohort.programme
    criteria = list(programme.criteria.all())
    errors, status = [], 200
    if request.method == "POST":
        values, problems = _score_values(request, criteria)
        try:
            if problems:
                raise ValidationError(problems)
            selection.save_scores(request.user, seat, application, values)
        except ValidationError as error:
            errors, status = error.messages, 400
        else:
            messages.success(request, f"Your scores for {application.name} are saved.")
            return redirect("programmes:judge_home")
    mine = {s.criterion_id: s.value for s in seat.scores.filter(application=application)}
    rows = [(c, request.POST.get(f"score_{c.pk}", mine.get(c.pk, ""))) for c in criteria]
    return render(request, "programmes/judging/application.html", {
        "seat": seat, "application": application, "rows": rows, "errors": errors,
        "score_max": programme.score_max,
    }, status=status)  # fmt: skip


@require_POST
@login_required
def judge_declare(request, pk):
    seat, application = selection.application_for(request.user, pk)
    try:
        selection.declare(request.user, seat, application, request.POST.get("reason", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("programmes:judge_application", pk=pk)
    messages.success(request, f"You are recused from {application.name}'s application.")
    return redirect("programmes:judge_home")


@login_required
def mentor_home(request):
    mentor = Mentor.objects.filter(user=request.user).first()
    if mentor is None:
        raise PermissionDenied("You are not a programme mentor.")
    matches = mentor.matches.select_related("participant__cohort").filter(ended_on__isnull=True)
    return render(request, "programmes/mentoring.html", {
        "mentor": mentor, "matches": matches, "form": ChangeRequestForm(),
    })  # fmt: skip


@require_POST
@login_required
def mentor_change(request, pk):
    made = get_object_or_404(MentorMatch, pk=pk, mentor__user=request.user)
    form = ChangeRequestForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError("Keep the reason under 1,000 characters.")
        mentoring.ask_for_change(request.user, made, "mentor", form.cleaned_data["reason"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "The match has ended; the programme team will follow up.")
    return redirect("programmes:mentor_home")


@login_required
def my_payments(request):
    person = getattr(request.user, "young_person", None)
    if person is None:
        raise PermissionDenied("Only young advocates have a payments record here.")
    payments = list(person.payments.select_related("session__project"))
    return render(request, "programmes/youth/my_payments.html", {
        "person": person, "payments": payments, "totals": youth.totals(payments),
    })  # fmt: skip
