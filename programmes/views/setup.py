"""Staff pages that set a leadership programme up: programmes and their selection criteria,
cohorts, modules and sessions, mentors and partners' offers. Each record is reached only
through services/reach.py, so staff set up only their own networks' programmes (another
network's get the same 403 as every other programmes staff page); admins reach all."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from core.lib.form_pages import add_service_errors, posted, status_code
from programmes import setup_forms as forms
from programmes.models import Criterion, Mentor, Module, PartnerOffer, ProgrammeSession
from programmes.services import delivery, reach, setup
from programmes.views.staff import _cohort, _programme, staff_only

TEMPLATE = "programmes/staff/setup_form.html"


def _page(request, form, *, title, back, done, save, intro="", listing=None):
    """Show `form`; when it is posted and valid, `save()` it and go to `done()`."""
    if form.is_bound and form.is_valid():
        try:
            record = save()
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Saved “{record}”.")
            return redirect(done(record))
    return render(request, TEMPLATE, {
        "form": form, "title": title, "back": back, "intro": intro, "listing": listing,
    }, status=status_code(form))  # fmt: skip


def _in_reach(request, queryset, network_path: str, pk):
    record = get_object_or_404(queryset, pk=pk)
    network_id = record
    for step in network_path.split("."):
        network_id = getattr(network_id, step)
    reach.check(request.user, network_id)
    return record


# --- Programmes and criteria ----------------------------------------------------------------


def _programme_done(programme):
    return reverse("programmes:setup_programme", args=[programme.slug])


@staff_only
def programme_create(request):
    form = forms.ProgrammeForm(posted(request), user=request.user)
    return _page(
        request, form, title="New programme", back=reverse("programmes:staff_index"),
        done=_programme_done, save=lambda: setup.save(request.user, form),
    )  # fmt: skip


@staff_only
def programme_edit(request, slug):
    programme = _programme(request, slug)
    form = forms.ProgrammeForm(posted(request), instance=programme, user=request.user)
    return _page(
        request, form, title=f"Set up {programme.name}", back=reverse("programmes:staff_index"),
        done=_programme_done, save=lambda: setup.save(request.user, form),
        listing={
            "heading": "Selection criteria",
            "rows": [(c, reverse("programmes:setup_criterion", args=[c.pk]))
                     for c in programme.criteria.all()],
            "add": reverse("programmes:setup_criterion_create", args=[programme.slug]),
            "add_label": "Add a criterion",
        },
    )  # fmt: skip


@staff_only
def criterion_create(request, slug):
    programme = _programme(request, slug)
    form = forms.CriterionForm(posted(request), user=request.user)
    return _page(
        request, form, title=f"New criterion for {programme.name}",
        back=_programme_done(programme), done=lambda c: _programme_done(programme),
        save=lambda: setup.save(request.user, form, programme=programme),
    )  # fmt: skip


@staff_only
def criterion_edit(request, pk):
    criterion = _in_reach(request, Criterion.objects, "programme.network_id", pk)
    form = forms.CriterionForm(posted(request), instance=criterion, user=request.user)
    back = _programme_done(criterion.programme)
    return _page(
        request, form, title=f"Criterion: {criterion.name}", back=back,
        done=lambda c: back, save=lambda: setup.save(request.user, form),
    )  # fmt: skip


# --- Cohorts, modules and sessions -----------------------------------------------------------


def _sessions_page(cohort_id):
    return reverse("programmes:staff_sessions", args=[cohort_id])


@staff_only
def cohort_create(request, slug):
    programme = _programme(request, slug)
    form = forms.CohortForm(posted(request), user=request.user)
    return _page(
        request, form, title=f"New cohort of {programme.name}",
        back=reverse("programmes:staff_index"),
        done=lambda c: reverse("programmes:staff_cohort", args=[c.pk]),
        save=lambda: setup.save(request.user, form, programme=programme),
    )  # fmt: skip


@staff_only
def cohort_edit(request, pk):
    cohort = _cohort(request, pk)
    form = forms.CohortForm(posted(request), instance=cohort, user=request.user)
    return _page(
        request, form, title=f"Set up {cohort}", back=reverse("programmes:staff_cohort", args=[pk]),
        done=lambda c: reverse("programmes:staff_cohort", args=[pk]),
        save=lambda: setup.save(request.user, form),
    )  # fmt: skip


@staff_only
def module_create(request, pk):
    cohort = _cohort(request, pk)
    form = forms.ModuleForm(posted(request), user=request.user)
    return _page(
        request, form, title=f"New module for {cohort}", back=_sessions_page(pk),
        done=lambda m: _sessions_page(pk),
        save=lambda: setup.save(request.user, form, cohort=cohort),
    )  # fmt: skip


@staff_only
def module_edit(request, pk):
    module = _in_reach(request, Module.objects, "cohort.programme.network_id", pk)
    form = forms.ModuleForm(posted(request), instance=module, user=request.user)
    back = _sessions_page(module.cohort_id)
    return _page(
        request, form, title=f"Module: {module.title}", back=back, done=lambda m: back,
        save=lambda: setup.save(request.user, form),
    )  # fmt: skip


@staff_only
def session_create(request, pk):
    module = _in_reach(request, Module.objects, "cohort.programme.network_id", pk)
    form = forms.SessionForm(posted(request))
    back = _sessions_page(module.cohort_id)
    return _page(
        request, form, title=f"New session in {module.title}", back=back, done=lambda s: back,
        intro="The session becomes an invitation-only event with a place for everyone taking "
        "part in the cohort; it is in no public list.",
        save=lambda: delivery.add_session(request.user, module, form.cleaned_data),
    )  # fmt: skip


@staff_only
def session_edit(request, pk):
    session = _in_reach(request, ProgrammeSession.objects, "module.cohort.programme.network_id", pk)
    form = forms.SessionForm(posted(request), initial=delivery.session_data(session))
    back = _sessions_page(session.module.cohort_id)
    return _page(
        request, form, title=f"Session: {session.title}", back=back, done=lambda s: back,
        intro="A change of time is sent to everyone with a place.",
        save=lambda: delivery.change_session(request.user, session, form.cleaned_data),
    )  # fmt: skip


# --- Mentors and partners' offers ------------------------------------------------------------


def _mentors_page(_mentor=None):
    return reverse("programmes:setup_mentors")


@staff_only
def mentors(request):
    rows = reach.mentors(request.user).select_related("user", "network", "organisation")
    return render(request, "programmes/staff/setup_mentors.html", {"mentors": rows})


@staff_only
def mentor_create(request):
    form = forms.MentorForm(posted(request), user=request.user)
    return _page(
        request, form, title="New mentor", back=_mentors_page(), done=_mentors_page,
        save=lambda: setup.save(request.user, form),
    )  # fmt: skip


@staff_only
def mentor_edit(request, pk):
    mentor = get_object_or_404(Mentor.objects.select_related("user"), pk=pk)
    reach.check_mentor(request.user, mentor)
    form = forms.MentorForm(posted(request), instance=mentor, user=request.user)
    return _page(
        request, form, title=f"Mentor: {mentor}", back=_mentors_page(), done=_mentors_page,
        save=lambda: setup.save(request.user, form),
    )  # fmt: skip


def _offers_page(cohort_id):
    return reverse("programmes:staff_offers", args=[cohort_id])


@staff_only
def offer_create(request, pk):
    cohort = _cohort(request, pk)
    form = forms.PartnerOfferForm(posted(request), user=request.user)
    return _page(
        request, form, title=f"New offer to {cohort}", back=_offers_page(pk),
        done=lambda o: _offers_page(pk),
        save=lambda: setup.save(request.user, form, cohort=cohort),
    )  # fmt: skip


@staff_only
def offer_edit(request, pk):
    offer = _in_reach(request, PartnerOffer.objects, "cohort.programme.network_id", pk)
    form = forms.PartnerOfferForm(posted(request), instance=offer, user=request.user)
    back = _offers_page(offer.cohort_id)
    return _page(
        request, form, title=f"Offer: {offer.title}", back=back, done=lambda o: back,
        save=lambda: setup.save(request.user, form),
    )  # fmt: skip
