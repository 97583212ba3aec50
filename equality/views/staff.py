"""Staff: run monitoring exercises, preview a year's report (suppressed, as it would be
published: staff see no more than the public) and publish it."""

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.lib.suppression import RULE_STATEMENT, SuppressionImpossible
from core.roles import staff_required
from equality.forms import ExerciseForm
from equality.models import Exercise, PublishedReport
from equality.services import monitoring, reports

staff_only = staff_required("Equality monitoring is run by the alliance's staff.")


@staff_only
def index(request):
    form = ExerciseForm(request.POST or None, initial={"year": timezone.localdate().year})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        exercise = monitoring.exercise_for(data["group"], year=data["year"], title=data["title"])
        messages.success(request, f"“{exercise.title}” is open for answers.")
        return redirect("equality:staff_index")
    exercises = list(Exercise.objects.annotate(answers=Count("responses")))
    for exercise in exercises:
        exercise.share_link = monitoring.share_link(exercise)
    years = sorted({e.year for e in exercises}, reverse=True)
    published = set(PublishedReport.objects.values_list("year", flat=True))
    return render(request, "equality/staff/index.html", {
        "form": form, "exercises": exercises, "years": years, "published": published,
        "rule": RULE_STATEMENT,
    })  # fmt: skip


@staff_only
def preview(request, year):
    published = PublishedReport.objects.filter(year=year).first()
    if published:
        return redirect(published.get_absolute_url())
    try:
        figures, _ = reports.figures_for_year(year)
    except SuppressionImpossible as error:
        return render(request, "equality/staff/cannot_publish.html", {"year": year, "error": error})
    context = reports.report_context(figures, year)
    return render(request, "equality/staff/preview.html", context)


@staff_only
@require_POST
def publish(request, year):
    try:
        report = reports.publish(year, request.user)
    except (reports.AlreadyPublished, reports.NothingToPublish, SuppressionImpossible) as error:
        messages.error(request, str(error))
        return redirect("equality:staff_index")
    messages.success(request, f"The {year} Equality Impact Report is published.")
    return redirect(report.get_absolute_url())


@staff_only
@require_POST
def toggle(request, pk):
    exercise = get_object_or_404(Exercise, pk=pk)
    exercise.is_open = not exercise.is_open
    exercise.save(update_fields=["is_open"])
    state = "open for answers" if exercise.is_open else "closed"
    messages.success(request, f"“{exercise.title}” is {state}.")
    return redirect("equality:staff_index")
