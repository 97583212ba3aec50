"""Staff pages for the leadership programme: cohorts, selection, sessions and attendance,
mentoring, partners' offers and the outcomes report."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from core.lib.form_pages import add_service_errors, posted, status_code
from core.roles import staff_required
from programmes.forms import DecisionForm, SeatForm, WithdrawForm
from programmes.models import (
    Application,
    ApplicationStatus,
    Cohort,
    Mentor,
    PartnerOffer,
    Programme,
    ProgrammeSession,
)
from programmes.services import (
    applications,
    delivery,
    followups,
    mentoring,
    outcomes,
    reach,
    selection,
)

staff_only = staff_required("Programmes are run by the alliance's staff.")


def _cohort(request, pk):
    chosen = get_object_or_404(Cohort.objects.select_related("programme"), pk=pk)
    reach.check(request.user, chosen.programme.network_id)
    return chosen


def _programme(request, slug):
    chosen = get_object_or_404(Programme, slug=slug)
    reach.check(request.user, chosen.network_id)
    return chosen


@staff_only
def index(request):
    return render(request, "programmes/staff/index.html", {
        "programmes": reach.programmes(request.user).prefetch_related("cohorts"),
        "groups": reach.groups(request.user).select_related("network"),
    })  # fmt: skip


def _panel_users():
    return get_user_model().objects.filter(is_active=True).order_by("name", "email")


@staff_only
def cohort(request, pk):
    chosen = _cohort(request, pk)
    form = SeatForm(posted(request), users=_panel_users())
    if form.is_bound and form.is_valid():
        try:
            selection.add_seat(request.user, chosen, form.cleaned_data["judge"],
                               lived_experience=form.cleaned_data["lived_experience"])  # fmt: skip
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Added to the panel.")
            return redirect("programmes:staff_cohort", pk=pk)
    by_status = {}
    for application in chosen.applications.all():
        by_status.setdefault(application.get_status_display(), []).append(application)
    return render(request, "programmes/staff/cohort.html", {
        "cohort": chosen, "form": form, "by_status": by_status,
        "warnings": selection.warnings(chosen), "ranked": selection.ranked(chosen),
        "seats": chosen.panel.select_related("judge"),
        "taken": applications.places_taken(chosen),
    }, status=status_code(form))  # fmt: skip


@staff_only
def application(request, pk):
    found = get_object_or_404(Application.objects.select_related("cohort__programme"), pk=pk)
    reach.check(request.user, found.cohort.programme.network_id)
    form = DecisionForm(posted(request))
    if form.is_bound and form.is_valid():
        try:
            applications.decide(request.user, found, form.cleaned_data["decision"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Decision saved: {found.get_status_display()}.")
            return redirect("programmes:staff_cohort", pk=found.cohort_id)
    return _application_page(request, found, form, WithdrawForm())


def _application_page(request, found, form, withdraw_form):
    return render(request, "programmes/staff/application.html", {
        "application": found, "form": form, "withdraw_form": withdraw_form,
        "may_decide": found.status in applications.DECIDABLE or form.is_bound,
        "may_withdraw": found.status in (ApplicationStatus.OFFERED, ApplicationStatus.ACCEPTED),
        "attended": delivery.attendance_rate(found),
    }, status=status_code(form, withdraw_form))  # fmt: skip


@require_POST
@staff_only
def withdraw(request, pk):
    found = get_object_or_404(Application.objects.select_related("cohort__programme"), pk=pk)
    reach.check(request.user, found.cohort.programme.network_id)
    withdraw_form = WithdrawForm(request.POST)
    if withdraw_form.is_valid():
        try:
            applications.withdraw(request.user, found, withdraw_form.cleaned_data["reason"])
        except ValidationError as error:
            add_service_errors(withdraw_form, error)
        else:
            messages.success(request, f"{found.name} has left {found.cohort.name}.")
            return redirect("programmes:staff_cohort", pk=found.cohort_id)
    return _application_page(request, found, DecisionForm(), withdraw_form)


@staff_only
def sessions(request, pk):
    chosen = _cohort(request, pk)
    participants = list(applications.participants(chosen))
    modules = list(chosen.modules.prefetch_related(
        Prefetch("sessions", ProgrammeSession.objects.select_related("event"))
    ))  # fmt: skip
    sessions = [session for module in modules for session in module.sessions.all()]
    marks = delivery.attendance(sessions, participants)
    for session in sessions:
        session.register = [(p, marks[session.pk, p.pk]) for p in participants]
    return render(request, "programmes/staff/sessions.html", {
        "cohort": chosen, "modules": modules, "participants": participants,
    })  # fmt: skip


@require_POST
@staff_only
def attendance(request, pk):
    session = get_object_or_404(
        ProgrammeSession.objects.select_related("module__cohort__programme"), pk=pk
    )
    reach.check(request.user, session.module.cohort.programme.network_id)
    try:
        present = {int(v) for v in request.POST.getlist("present")}
        delivery.record_attendance(request.user, session, present)
    except (ValueError, ValidationError) as error:
        messages.error(request, "Attendance was not saved: " + (
            " ".join(error.messages) if isinstance(error, ValidationError) else "bad choice."
        ))  # fmt: skip
    else:
        messages.success(request, f"Attendance saved for {session.title}.")
    return redirect("programmes:staff_sessions", pk=session.module.cohort_id)


@staff_only
def mentoring_page(request, pk):
    chosen = _cohort(request, pk)
    rows = []
    for participant in applications.participants(chosen):
        current = mentoring.current_match(participant)
        suggestions = [] if current else mentoring.suggest(participant)
        asked = participant.mentor_matches.exclude(change_asked_by="").first()
        rows.append((participant, current, suggestions, asked))
    return render(request, "programmes/staff/mentoring.html", {"cohort": chosen, "rows": rows})


@require_POST
@staff_only
def match(request, pk):
    participant = get_object_or_404(Application.objects.select_related("cohort__programme"), pk=pk)
    reach.check(request.user, participant.cohort.programme.network_id)
    # Only the programme's own network's mentors: staff cannot hand out another's.
    mentor = Mentor.objects.filter(
        pk=request.POST.get("mentor") or 0, network=participant.cohort.programme.network_id
    ).first()
    try:
        if mentor is None:
            raise ValidationError("Choose a mentor.")
        mentoring.match(request.user, mentor, participant)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{mentor} now mentors {participant.name}.")
    return redirect("programmes:staff_mentoring", pk=participant.cohort_id)


@staff_only
def offers(request, pk):
    chosen = _cohort(request, pk)
    return render(request, "programmes/staff/offers.html", {
        "cohort": chosen, "offers": chosen.offers.select_related("organisation", "participant"),
        "participants": applications.participants(chosen),
    })  # fmt: skip


@require_POST
@staff_only
def assign_offer(request, pk):
    offer = get_object_or_404(PartnerOffer.objects.select_related("cohort__programme"), pk=pk)
    reach.check(request.user, offer.cohort.programme.network_id)
    participant = Application.objects.filter(
        pk=request.POST.get("participant") or 0, status=ApplicationStatus.ACCEPTED
    ).first()
    try:
        delivery.assign_offer(request.user, offer, participant)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Offer updated.")
    return redirect("programmes:staff_offers", pk=offer.cohort_id)


@staff_only
def outcomes_report(request, slug):
    chosen = _programme(request, slug)
    return render(request, "programmes/staff/outcomes.html", {
        "programme": chosen, "report": outcomes.report(chosen),
    })  # fmt: skip


@require_POST
@staff_only
def send_followups(request, slug):
    chosen = _programme(request, slug)
    for cohort_ in chosen.cohorts.all():
        followups.schedule(cohort_)
    sent = followups.send_due()
    messages.success(request, f"Sent {sent} follow-up request{'s' if sent != 1 else ''}.")
    return redirect("programmes:staff_outcomes", slug=slug)
