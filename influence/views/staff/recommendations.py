"""Staff pages for recommendations themselves: adding and editing one with its evidence,
publishing it, and marking duplicates and repeats. The rules live in
influence.services.recommendations; these pages collect input and show its refusals."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from core.lib.form_pages import add_service_errors, posted, status_code
from influence.forms import EvidenceFormSet, MergeForm, RecommendationForm, RepeatForm
from influence.models import Recommendation
from influence.services import recommendations, timeline
from influence.views.staff.shared import recommendation_or_404, staff_required


def _recommendation_form_page(request, recommendation: Recommendation | None):
    form = RecommendationForm(posted(request), instance=recommendation)
    formset = EvidenceFormSet(
        posted(request), instance=recommendation or Recommendation(), prefix="evidence"
    )
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        saved = recommendations.save_with_evidence(request.user, form, formset)
        verb = "saved" if recommendation else "added as a draft"
        messages.success(request, f"“{saved.title}” was {verb}.")
        if request.POST.get("then") == "publish":
            return _publish(request, saved)
        return redirect("influence:staff_edit", slug=saved.slug)
    context = {
        "form": form,
        "formset": formset,
        "recommendation": recommendation,
        "title": f"Edit “{recommendation.title}”" if recommendation else "New recommendation",
    }
    if recommendation is not None:
        context.update(
            timeline=timeline.timeline(recommendation),
            publish_problems=recommendations.publish_problems(recommendation),
        )
    return render(
        request,
        "influence/staff_recommendation_form.html",
        context,
        status=status_code(form, formset),
    )


@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def recommendation_create(request):
    return _recommendation_form_page(request, None)


@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def recommendation_edit(request, slug):
    recommendation = recommendation_or_404(slug)
    if recommendation.merged_into_id:
        messages.info(
            request,
            f"“{recommendation.title}” was merged into this recommendation; edit this one.",
        )
        return redirect("influence:staff_edit", slug=recommendation.merged_into.slug)
    return _recommendation_form_page(request, recommendation)


def _publish(request, recommendation):
    try:
        recommendations.publish(request.user, recommendation)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, f"Not published: {message}")
    else:
        messages.success(request, f"“{recommendation.title}” is now public.")
    return redirect("influence:staff_edit", slug=recommendation.slug)


@staff_required
@require_POST
def recommendation_publish(request, slug):
    recommendation = recommendation_or_404(slug)
    if request.POST.get("action") == "unpublish":
        recommendations.unpublish(request.user, recommendation)
        messages.success(request, f"“{recommendation.title}” is no longer public.")
        return redirect("influence:staff_edit", slug=recommendation.slug)
    return _publish(request, recommendation)


# --- Duplicates and repeats ----------------------------------------------------------------


@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def merge(request, slug):
    duplicate = recommendation_or_404(slug)
    if duplicate.merged_into_id:
        messages.info(request, "This recommendation has already been merged.")
        return redirect("influence:staff_edit", slug=duplicate.merged_into.slug)
    form = MergeForm(posted(request), recommendation=duplicate)
    context = {"recommendation": duplicate, "form": form}
    if request.method == "POST" and form.is_valid():
        keep = form.cleaned_data["into"]
        if request.POST.get("confirm") != "yes":
            context.update(keep=keep, moving=recommendations.merge_preview(duplicate))
            return render(request, "influence/staff_merge_confirm.html", context)
        try:
            recommendations.merge_recommendations(request.user, keep, duplicate)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                f"“{duplicate.title}” was merged into this recommendation. Its timeline, "
                "evidence and activities are here now, and its page redirects here.",
            )
            return redirect("influence:staff_edit", slug=keep.slug)
    return render(request, "influence/staff_merge.html", context, status=status_code(form))


@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def repeats(request, slug):
    recommendation = recommendation_or_404(slug)
    if request.method == "POST" and request.POST.get("action") == "remove":
        recommendations.link_repeat(request.user, recommendation, None)
        messages.success(request, "It is no longer marked as a repeat.")
        return redirect("influence:staff_edit", slug=slug)
    initial = {"earlier": recommendation.repeats.slug} if recommendation.repeats_id else None
    form = RepeatForm(posted(request), initial=initial, recommendation=recommendation)
    if request.method == "POST" and form.is_valid():
        earlier = form.cleaned_data["earlier"]
        try:
            recommendations.link_repeat(request.user, recommendation, earlier)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Marked as repeating “{earlier.title}”.")
            return redirect("influence:staff_edit", slug=slug)
    return render(
        request,
        "influence/staff_repeat.html",
        {"recommendation": recommendation, "form": form},
        status=status_code(form),
    )
