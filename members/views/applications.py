"""Applying for membership (public) and deciding applications (staff)."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from core.lib.ratelimit import hit
from core.roles import is_staff_member
from members.forms import ApprovalForm, DeclineForm, MembershipApplicationForm
from members.models import MembershipApplication, Network
from members.services.applications import intake, review, screening
from members.services.applications.duplicates import find_duplicates

APPLY_LIMIT = 5
APPLY_WINDOW_SECONDS = 60 * 60
PAGE_SIZE = 50

REFUSALS = {
    "rate_limited": {
        "title": "Too many attempts",
        "message": "This form has been sent too many times from your connection in the last "
        "hour, so we have not saved it. Please wait an hour and try again.",
    },
    "spam": {
        "title": "We could not accept this form",
        "message": "Your application looked like it had been sent automatically, so we have "
        "not saved it. If you filled it in yourself, we are sorry: please go back to the form, "
        "check your answers, wait a few seconds and send it again.",
    },
}


# What a person is told when a guard held their form back; their answers are kept.
RECHECKS = {
    screening.FormCheck.TOO_FAST: "This form was sent within seconds of opening, as automated "
    "spam is, so we have not sent it yet. Your answers are kept below: please check them and "
    "press “Send application” again.",
    screening.FormCheck.EXPIRED: "This form was open for more than a day, so for your security "
    "we have not sent it yet. Please check your answers and send it again.",
    screening.FormCheck.INVALID: "This copy of the form is out of date, so we have not sent it "
    "yet. Your answers are kept below: please check them and press “Send application” again.",
}


def _refuse(request, reason: str, status: int):
    response = render(request, "members/apply.html", {"refusal": REFUSALS[reason]}, status=status)
    if status == 429:
        response["Retry-After"] = str(APPLY_WINDOW_SECONDS)
    return response


def _initial(request) -> dict:
    initial = {"form_token": screening.make_form_token()}
    if slug := request.GET.get("network"):
        initial["networks"] = list(Network.objects.filter(slug=slug))
    return initial


@never_cache
@require_http_methods(["GET", "POST"])
def apply(request):
    if request.method != "POST":
        form = MembershipApplicationForm(initial=_initial(request))
        return render(request, "members/apply.html", {"form": form})

    if not hit("membership-application", request, APPLY_LIMIT, APPLY_WINDOW_SECONDS):
        return _refuse(request, "rate_limited", status=429)
    check = screening.screen_submission(
        request.POST.get("organisation_alias", ""), request.POST.get("form_token", "")
    )
    if check is screening.FormCheck.HONEYPOT:
        return _refuse(request, "spam", status=400)

    form = MembershipApplicationForm(request.POST)
    if check is screening.FormCheck.OK and form.is_valid():
        intake.submit_application(form.cleaned_data)
        return redirect("members:apply_thanks")
    if check is not screening.FormCheck.OK:
        # A person who was quick, left the page open overnight or came back to an old copy:
        # keep every answer and ask them to check and send again, with a fresh token (a
        # script sending at once is still refused, as it has to wait like a person).
        data = request.POST.copy()
        data["form_token"] = screening.make_form_token(
            timezone.now() - datetime.timedelta(seconds=screening.MIN_FILL_SECONDS)
            if check is screening.FormCheck.EXPIRED
            else None
        )
        form = MembershipApplicationForm(data)
        form.is_valid()
        form.add_error(None, RECHECKS[check])
    return render(request, "members/apply.html", {"form": form})


def apply_thanks(request):
    return render(request, "members/apply_thanks.html")


def _require_staff(request):
    if not is_staff_member(request.user):
        raise PermissionDenied("Only the alliance staff can see membership applications.")


@login_required
def application_list(request):
    _require_staff(request)
    status = request.GET.get("status", "")
    if status not in MembershipApplication.Status.values:
        status = ""
    page = Paginator(review.applications_for_review(status), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    counts = review.status_counts()
    filters = [{"value": "", "label": "All", "count": counts["all"]}] + [
        {"value": value, "label": label, "count": counts[value]}
        for value, label in MembershipApplication.Status.choices
    ]
    context = {"page": page, "status": status, "filters": filters, "counts": counts}
    return render(request, "members/application_list.html", context)


def _approve(request, application, form):
    """Approve from a bound ApprovalForm: a redirect when done, None to show the form again."""
    if not form.is_valid():
        return None
    try:
        review.approve_application(application, request.user, form.organisation)
    except review.AlreadyDecided as error:
        messages.error(request, str(error))
        return redirect(application)
    except review.ApplicationError as error:
        form.add_error(None, str(error))
        return None
    messages.success(
        request,
        f"Approved. {application.organisation_name} is now a member and the applicant has "
        "been emailed.",
    )
    return redirect(application)


def _decline(request, application, form):
    """Decline from a bound DeclineForm: a redirect when done, None to show the form again."""
    if not form.is_valid():
        return None
    try:
        review.decline_application(application, request.user, form.cleaned_data["reason"])
    except review.AlreadyDecided as error:
        messages.error(request, str(error))
        return redirect(application)
    except review.ApplicationError as error:
        form.add_error("reason", str(error))
        return None
    messages.success(request, "Declined. The applicant has been emailed with your reason.")
    return redirect(application)


@login_required
@require_http_methods(["GET", "POST"])
def application_detail(request, pk):
    _require_staff(request)
    application = get_object_or_404(
        MembershipApplication.objects.select_related("decided_by", "organisation").prefetch_related(
            "networks", "regions", "parts", "themes"
        ),
        pk=pk,
    )
    is_pending = application.status == MembershipApplication.Status.PENDING
    duplicates = find_duplicates(application) if is_pending else None
    matches = duplicates.organisations if duplicates else ()
    approval_form = ApprovalForm(matches=matches)
    decline_form = DeclineForm()

    if request.method == "POST":
        if not is_pending:
            messages.error(
                request,
                f"This application has already been {application.get_status_display().lower()}. "
                "It cannot be decided again.",
            )
            return redirect(application)
        action = request.POST.get("action")
        if action == "approve":
            approval_form = ApprovalForm(request.POST, matches=matches)
            response = _approve(request, application, approval_form)
        elif action == "decline":
            decline_form = DeclineForm(request.POST)
            response = _decline(request, application, decline_form)
        else:
            messages.error(request, "Choose whether to approve or decline the application.")
            response = redirect(application)
        if response is not None:
            return response

    context = {
        "application": application,
        "is_pending": is_pending,
        "duplicates": duplicates,
        "approval_form": approval_form,
        "decline_form": decline_form,
    }
    return render(request, "members/application_detail.html", context)
