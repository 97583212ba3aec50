"""Members answer the yearly feedback survey; staff read the results and code free text."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from core.lib import ratelimit
from core.roles import staff_required
from plans.models import Agreement, Survey
from plans.services import scope
from plans.services import survey as surveys

staff_only = staff_required("Survey results are read by the alliance's staff.")


@login_required
def answer(request, pk):
    found = get_object_or_404(Survey.objects.select_related("network"), pk=pk)
    organisations = surveys.organisations_for(request.user, found)
    if not organisations.exists():
        raise PermissionDenied("This survey is for contacts at the network's member organisations.")
    unanswered = [o for o in organisations if not surveys.answered(found, o)]
    errors = []
    if request.method == "POST":
        organisation = organisations.filter(pk=request.POST.get("organisation") or 0).first()
        agreements = {
            s.pk: request.POST.get(f"statement-{s.pk}", "") for s in found.statements.all()
        }
        try:
            if not ratelimit.hit("plans-survey", request, 30, 3600):
                raise surveys.AnswerRefused("Too many attempts: try again in an hour.")
            if organisation is None:
                raise surveys.AnswerRefused("Choose the organisation you answer for.")
            surveys.submit(request.user, found, organisation, agreements,
                           request.POST.get("free_text", ""))  # fmt: skip
            messages.success(request, f"Thank you: {organisation.name}'s answer is recorded.")
            return redirect("plans:survey", pk=found.pk)
        except surveys.AnswerRefused as refused:
            errors.append(str(refused))
    return render(request, "plans/survey.html", {
        "survey": found, "organisations": unanswered, "answered": [
            o for o in organisations if o not in unanswered],
        "scale": Agreement.choices, "errors": errors, "posted": request.POST,
    }, status=400 if errors else 200)  # fmt: skip


@staff_only
def results(request, pk):
    found = get_object_or_404(scope.surveys(request.user).select_related("network"), pk=pk)
    responses = found.responses.select_related("organisation").prefetch_related("codes")
    suggested = surveys.suggest_codes(found)
    return render(request, "plans/staff/survey.html", {
        "survey": found, "results": surveys.results(found),
        "responses": [
            (r, surveys.masked(r.free_text), suggested.get(r.pk)) for r in responses if r.free_text
        ],
        "codes": found.codes.all(), "has_coded": any(r.codes.all() for r in responses),
    })  # fmt: skip


@staff_only
@require_POST
def add_code(request, pk):
    found = get_object_or_404(scope.surveys(request.user), pk=pk)
    try:
        surveys.add_code(found, request.POST.get("name", ""))
    except surveys.AnswerRefused as refused:
        messages.error(request, str(refused))
    return redirect("plans:staff_survey", pk=found.pk)


@staff_only
@require_POST
def code_response(request, pk):
    response = get_object_or_404(scope.survey_responses(request.user), pk=pk)
    ids = [int(v) for v in request.POST.getlist("codes") if v.isdigit()]
    surveys.code_response(response, ids)
    messages.success(request, f"Coded {response.organisation.name}'s comments.")
    return redirect("plans:staff_survey", pk=response.survey_id)


@staff_only
@require_POST
def accept_code(request, pk):
    response = get_object_or_404(scope.survey_responses(request.user), pk=pk)
    raw = request.POST.get("code", "")
    try:
        code = surveys.accept_code(response, int(raw) if raw.isdigit() else 0)
        messages.success(request, f"Coded {response.organisation.name}'s comments “{code.name}”.")
    except surveys.AnswerRefused as refused:
        messages.error(request, str(refused))
    return redirect("plans:staff_survey", pk=response.survey_id)
