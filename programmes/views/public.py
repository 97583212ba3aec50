"""Public programme pages, the application form, and the pages a participant reaches through
their own links: their place (offer, mentor) and their follow-ups."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from core.lib.form_pages import add_service_errors, posted, status_code
from core.lib.ratelimit import hit
from programmes.forms import APPLICATION_CONSENT, ApplicationForm, ChangeRequestForm, FollowUpForm
from programmes.models import Application, ApplicationStatus, Cohort, Programme, YouthGroup
from programmes.services import applications, delivery, followups, mentoring

APPLY_LIMIT, APPLY_WINDOW = 10, 60 * 60
SENIORITY, PAY_BANDS = dict(followups.SENIORITY), dict(followups.PAY_BANDS)
RATE_LIMITED = (
    "This form has been sent too many times from your connection in the last hour, so we "
    "have not saved it. Please wait an hour and try again."
)


def index(request):
    return render(request, "programmes/index.html", {
        "programmes": Programme.objects.prefetch_related("cohorts"),
        "groups": YouthGroup.objects.all(),
    })  # fmt: skip


def programme(request, slug):
    found = get_object_or_404(Programme.objects.select_related("network"), slug=slug)
    return render(request, "programmes/programme.html", {
        "programme": found, "cohorts": found.cohorts.all(), "partners": found.partners.all(),
    })  # fmt: skip


def apply(request, slug, cohort):
    chosen = get_object_or_404(Cohort, programme__slug=slug, slug=cohort)
    form = ApplicationForm(posted(request))
    if form.is_bound and form.is_valid():
        if not hit("programmes.apply", request, APPLY_LIMIT, APPLY_WINDOW):
            form.add_error(None, RATE_LIMITED)
            return render(request, "programmes/apply.html", {"cohort": chosen, "form": form},
                          status=429)  # fmt: skip
        data = {k: v for k, v in form.cleaned_data.items() if k != "consent"}
        try:
            applications.submit(chosen, data, APPLICATION_CONSENT, user=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("programmes:applied")
    status = 400 if form.errors else 200
    return render(request, "programmes/apply.html", {"cohort": chosen, "form": form},
                  status=status)  # fmt: skip


def applied(request):
    return render(request, "programmes/applied.html")


def _by_key(key) -> Application:
    found = Application.objects.filter(key=key).select_related("cohort__programme").first()
    if found is None or len(key) < 20:
        raise Http404
    return found


@never_cache
def my_place(request, key):
    application = _by_key(key)
    match = mentoring.current_match(application)
    return render(request, "programmes/my_place.html", {
        "application": application, "match": match, "change_form": ChangeRequestForm(),
        "offered": application.status == ApplicationStatus.OFFERED,
        "sessions": delivery.sessions_of(application),
    })  # fmt: skip


@require_POST
def respond(request, key):
    application = _by_key(key)
    try:
        applications.respond(
            application, accept=request.POST.get("answer") == "accept", user=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Thank you: your answer is saved.")
    return redirect("programmes:my_place", key=key)


@require_POST
def participant_change(request, key):
    application = _by_key(key)
    match = mentoring.current_match(application)
    form = ChangeRequestForm(request.POST)
    if match is None or not form.is_valid():
        messages.error(request, "There is no mentor match to change.")
    else:
        mentoring.ask_for_change(None, match, "participant", form.cleaned_data["reason"])
        messages.success(request, "We have ended the match and will find you another mentor.")
    return redirect("programmes:my_place", key=key)


@never_cache
def followup(request, token):
    participant = followups.participant_for(token)
    if participant is None:
        raise Http404("This link is not valid. Ask the programme team for a new one.")
    current = followups.open_followup(participant)
    form = FollowUpForm(posted(request) if current else None)
    if current and form.is_bound and form.is_valid():
        try:
            followups.answer(participant, current, form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Thank you: your answers are saved.")
            return redirect("programmes:followup", token=token)
    return render(request, "programmes/followup.html", {
        "participant": participant, "current": current, "form": form, "token": token,
        "answered": [
            (f, SENIORITY.get(f.seniority), PAY_BANDS.get(f.pay_band))
            for f in participant.followups.filter(answered_at__isnull=False)
        ],
    }, status=status_code(form))  # fmt: skip


@require_POST
def followup_withdraw(request, token, pk):
    participant = followups.participant_for(token)
    if participant is None:
        raise Http404
    chosen = get_object_or_404(participant.followups, pk=pk)
    try:
        followups.withdraw(participant, chosen)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Your answers are withdrawn and no longer counted.")
    return redirect("programmes:followup", token=token)
