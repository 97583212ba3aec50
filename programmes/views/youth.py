"""Young advocates: the public pages (projects, outputs and meetings, with a young person
named only as they chose for that output) and the staff pages for consent and payments."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from core.roles import staff_required
from programmes.forms import PaidForm, ParentConsentForm
from programmes.models import (
    DecisionMakerMeeting,
    Output,
    OutputCredit,
    Payment,
    ProjectConsent,
    Sharing,
    YoungPerson,
    YouthGroup,
    YouthProject,
    YouthSession,
)
from programmes.services import reach, youth

staff_only = staff_required("Young advocates' records are kept by the alliance's staff.")


def group(request, slug):
    found = get_object_or_404(YouthGroup.objects.select_related("network"), slug=slug)
    return render(request, "programmes/youth/group.html", {
        "group": found, "projects": found.projects.all(),
    })  # fmt: skip


def project(request, slug):
    found = get_object_or_404(YouthProject.objects.select_related("group"), slug=slug)
    outputs = [(o, youth.public_credits(o)) for o in found.outputs.select_related("resource")]
    return render(request, "programmes/youth/project.html", {
        "project": found, "outputs": outputs, "meetings": found.meetings.all(),
        "sessions": found.sessions.count(),
    })  # fmt: skip


def _person(request, pk):
    """A young person, only for the staff of their group's network (and admins)."""
    person = get_object_or_404(YoungPerson.objects.select_related("group"), pk=pk)
    reach.check(request.user, person.group.network_id)
    return person


@staff_only
def staff_group(request, slug):
    found = get_object_or_404(YouthGroup, slug=slug)
    reach.check(request.user, found.network_id)
    projects = list(found.projects.prefetch_related("consents__young_person"))
    people = list(found.young_people.all())
    table = []
    for person in people:
        cells = []
        for p in projects:
            consent = next((c for c in p.consents.all() if c.young_person_id == person.pk), None)
            cells.append(consent and youth.state(consent))
        table.append((person, cells))
    return render(request, "programmes/youth/staff_group.html", {
        "group": found, "projects": projects, "table": table, "labels": dict(
            youth.ConsentState.choices
        ),
    })  # fmt: skip


@staff_only
def staff_person(request, pk):
    person = _person(request, pk)
    consents = [(c, youth.state(c)) for c in person.consents.select_related("project")]
    payments = list(person.payments.select_related("session__project"))
    sessions = YouthSession.objects.filter(project__group=person.group).exclude(
        payments__young_person=person
    )
    outputs = Output.objects.filter(project__group=person.group).select_related("project")
    credits = {c.output_id: c.sharing for c in OutputCredit.objects.filter(young_person=person)}
    return render(request, "programmes/youth/staff_person.html", {
        "person": person, "consents": consents, "payments": payments, "sessions": sessions,
        "totals": youth.totals(payments), "parent_form": ParentConsentForm(),
        "paid_form": PaidForm(), "outputs": outputs, "credits": credits,
        "sharing": Sharing.choices, "labels": dict(youth.ConsentState.choices),
    })  # fmt: skip


def _done(request, person, call, success):
    try:
        call()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success)
    return redirect("programmes:staff_young_person", pk=person.pk)


@require_POST
@staff_only
def consent_action(request, pk):
    consent = get_object_or_404(ProjectConsent.objects.select_related("young_person__group"), pk=pk)
    reach.check(request.user, consent.young_person.group.network_id)
    action = request.POST.get("action")
    person = consent.young_person
    if action == "own":
        return _done(request, person, lambda: youth.record_own_consent(request.user, consent),
                     "The young person's own consent is recorded.")  # fmt: skip
    if action == "parent":
        form = ParentConsentForm(request.POST)
        name = form.cleaned_data["parent_name"] if form.is_valid() else ""
        return _done(request, person,
                     lambda: youth.record_parent_consent(request.user, consent, name),
                     "The parent's or carer's consent is recorded.")  # fmt: skip
    if action == "withdraw":
        return _done(
            request,
            person,
            lambda: youth.withdraw(request.user, consent),
            "Consent is withdrawn; their name is off every output of the project.",
        )
    messages.error(request, "Choose what to record.")
    return redirect("programmes:staff_young_person", pk=person.pk)


@require_POST
@staff_only
def record_owed(request, pk):
    person = _person(request, pk)
    session = YouthSession.objects.filter(pk=request.POST.get("session") or 0).first()

    def call():
        if session is None:
            raise ValidationError("Choose a session.")
        youth.record_owed(request.user, session, person)

    return _done(request, person, call, "The payment owed is recorded.")


@require_POST
@staff_only
def mark_paid(request, pk):
    payment = get_object_or_404(Payment.objects.select_related("young_person__group"), pk=pk)
    reach.check(request.user, payment.young_person.group.network_id)
    form = PaidForm(request.POST)

    def call():
        if not form.is_valid():
            raise ValidationError("Give the date it was paid, as day, month and year.")
        youth.mark_paid(request.user, payment, form.cleaned_data["paid_on"])

    return _done(request, payment.young_person, call, "Marked as paid.")


@require_POST
@staff_only
def set_credit(request, pk, output):
    person = _person(request, pk)
    chosen = get_object_or_404(Output, pk=output, project__group=person.group)
    sharing = request.POST.get("sharing", "")
    return _done(request, person,
                 lambda: youth.set_credit(request.user, chosen, person, sharing),
                 "Their choice for this output is saved.")  # fmt: skip


@require_POST
@staff_only
def publish_output(request, pk):
    output = get_object_or_404(Output.objects.select_related("project__group"), pk=pk)
    reach.check(request.user, output.project.group.network_id)
    try:
        youth.publish_output(request.user, output)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Published in the library.")
    return redirect("programmes:staff_youth_group", slug=output.project.group.slug)


@require_POST
@staff_only
def log_meeting(request, pk):
    meeting = get_object_or_404(
        DecisionMakerMeeting.objects.select_related("project__group"), pk=pk
    )
    reach.check(request.user, meeting.project.group.network_id)
    try:
        youth.log_meeting(request.user, meeting)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Logged in the influence log.")
    return redirect("programmes:staff_youth_group", slug=meeting.project.group.slug)
