"""The member contact's side: answering a consultation for their organisation, and
withdrawing their organisation's consent. They only ever see their own organisation's
contribution; anyone else's is a 404, so nobody can learn who has contributed.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.html import escape
from django.views.decorators.http import require_http_methods

from consultations.evidence.forms import ATTRIBUTION_HELP, ContributionForm
from consultations.evidence.services import contributions
from consultations.evidence.services.withdrawal import withdraw_consent, withdrawal_message
from consultations.models import Consultation, ConsultationStatus, Contribution
from consultations.pages import GET_OR_POST, add_service_errors, posted


def _consultation(slug) -> Consultation:
    """A consultation members can see: any but a draft."""
    return get_object_or_404(
        Consultation.objects.exclude(status=ConsultationStatus.DRAFT), slug=slug
    )


def _own_organisation(request, consultation, org_slug):
    organisation = (
        contributions.contributing_organisations(request.user, consultation)
        .filter(slug=org_slug)
        .first()
    )
    if organisation is None:
        raise Http404("No contribution of yours here.")
    return organisation


@login_required
@require_http_methods(["GET", "HEAD"])
def contribute_index(request):
    """The consultations this member contact has been invited to, and where each stands."""
    rows = contributions.invitations(request.user)
    return render(request, "consultations/evidence/contribute_index.html", {"rows": rows})


@login_required
@require_http_methods(["GET", "HEAD"])
def contribute(request, slug):
    """The form itself for someone with one organisation; a choice for several."""
    consultation = _consultation(slug)
    organisations = list(contributions.contributing_organisations(request.user, consultation))
    if not organisations:
        raise PermissionDenied(
            "Only contacts at member organisations invited to this consultation can contribute."
        )
    if len(organisations) == 1:
        return contribute_org(request, slug, organisations[0].slug)
    return render(
        request,
        "consultations/evidence/contribute_choose.html",
        {"consultation": consultation, "organisations": organisations},
    )


@login_required
@require_http_methods(GET_OR_POST)
def contribute_org(request, slug, org_slug):
    consultation = _consultation(slug)
    organisation = _own_organisation(request, consultation, org_slug)
    contribution = contributions.contribution_for(consultation, organisation)
    questions = list(consultation.questions.select_related("part"))
    submitting = request.POST.get("action") == "submit"
    form = ContributionForm(
        posted(request),
        questions=questions,
        submitting=submitting,
        initial=ContributionForm.initial_for(request.user, contribution, questions),
    )
    closed = contributions.editing_closed_reason(consultation)
    if request.method == "POST" and request.htmx:
        return _autosave(request, consultation, organisation, contribution, form, closed)
    status = 200
    if request.method == "POST":
        if closed:
            form = ContributionForm(
                questions=questions,
                initial=ContributionForm.initial_for(request.user, contribution, questions),
            )
            status = 400
        elif form.is_valid():
            try:
                saved = contributions.save_contribution(
                    request.user,
                    consultation,
                    organisation,
                    form.answers(),
                    form.consent(),
                    submit=submitting,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _saved_message(contribution, saved, submitting))
                return redirect("consultations:contribute_org", slug=slug, org_slug=org_slug)
        if form.errors:
            status = 400
    return render(
        request,
        "consultations/evidence/contribute_form.html",
        {
            "consultation": consultation,
            "organisation": organisation,
            "contribution": contribution,
            "form": form,
            "parts": form.fields_by_part(),
            "closed": closed,
            "attribution_help": ATTRIBUTION_HELP,
        },
        status=status,
    )


def _autosave(request, consultation, organisation, contribution, form, closed):
    """Save a draft in the background as the contact types (htmx), reporting in one line.
    A submitted contribution changes only when its contact presses the button."""
    if closed:
        message = closed
    elif contribution is not None and contribution.status == Contribution.Status.SUBMITTED:
        message = "Press “Save changes to my submission” to keep your changes."
    elif not form.is_valid():
        message = "Not saved: " + next(iter(form.errors.values()))[0]
    else:
        try:
            contributions.save_contribution(
                request.user, consultation, organisation, form.answers(), form.consent()
            )
        except ValidationError as error:
            message = "Not saved: " + error.messages[0]
        else:
            message = f"Draft saved at {timezone.localtime():%H:%M}."
    return HttpResponse(escape(message))


def _saved_message(before: Contribution | None, saved: Contribution, submitting: bool) -> str:
    if not submitting:
        return "Your draft was saved. It is not sent until you submit it."
    if before is not None and before.status == Contribution.Status.SUBMITTED:
        return "Your contribution was already submitted; your changes have been saved."
    return (
        "Thank you: your contribution was submitted. How we may use your words: "
        f"{saved.get_attribution_display()}. You can still change it until "
        f"{saved.consultation.internal_deadline:%-d %B %Y}."
    )


@login_required
@require_http_methods(GET_OR_POST)
def contribute_withdraw(request, slug, org_slug):
    """Ask for confirmation; only a POST withdraws the organisation's consent."""
    consultation = _consultation(slug)
    organisation = _own_organisation(request, consultation, org_slug)
    contribution = contributions.contribution_for(consultation, organisation)
    if contribution is None:
        raise Http404("Nothing has been contributed yet.")
    if request.method == "POST":
        result = withdraw_consent(request.user, contribution)
        messages.success(request, withdrawal_message(result))
        return redirect("consultations:contribute_org", slug=slug, org_slug=org_slug)
    return render(
        request,
        "consultations/evidence/contribute_withdraw.html",
        {"consultation": consultation, "organisation": organisation, "contribution": contribution},
    )
