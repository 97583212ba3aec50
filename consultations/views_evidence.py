"""Staff pages for running a consultation: the list, creating and editing one, its parts and
questions, its stage, and the overview that links to all of its evidence.

The rules live in consultations/services.py; these views collect input, call a service and
show its refusals beside the field they concern. The other evidence pages are in
views_evidence_*.py and share the helpers here.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from consultations import services
from consultations.forms import ConsultationForm, QuestionForm, QuestionPartForm
from consultations.models import (
    Consultation,
    ConsultationStatus,
    Contribution,
    Question,
    QuestionPart,
    Quote,
)
from consultations.withdrawal import open_flags
from core import roles

GET_OR_POST = ["GET", "HEAD", "POST"]


# Staff and admins only: anonymous people sign in first, everyone else gets a 403.
staff_required = roles.staff_required("Only the alliance's staff can run consultations.")


def posted(request):
    """The POST data of a POST (even an empty one, so it is validated), else None."""
    return request.POST if request.method == "POST" else None


def status_code(*forms) -> int:
    return 400 if any(f.is_bound and not f.is_valid() for f in forms) else 200


def add_service_errors(form, error: ValidationError) -> None:
    """Show a service's refusal beside the field it names (or above the form)."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            field = name if name in form.fields else None
            for item in errors:
                form.add_error(field, item.messages[0])
    else:
        for message in error.messages:
            form.add_error(None, message)


def saved_by_service(form, save):
    """Run a service's save for a valid form; a refusal goes on the form and gives None."""
    try:
        return save()
    except ValidationError as error:
        add_service_errors(form, error)
        return None


def consultation_for_staff(slug) -> Consultation:
    return get_object_or_404(Consultation.objects.select_related("asking_body"), slug=slug)


def staff_page(request, template: str, consultation, section: str, context=None, status=200):
    """Render a staff page of one consultation, with its section marked in the navigation."""
    return render(
        request,
        f"consultations/staff/{template}",
        {"consultation": consultation, "staff_section": section, **(context or {})},
        status=status,
    )


def form_page(request, template: str, consultation, section: str, form, **context):
    """A staff page built around one form: 400 when it was posted with errors."""
    return staff_page(
        request,
        template,
        consultation,
        section,
        {"form": form, **context},
        status=status_code(form),
    )


# --- The list, creating and editing -------------------------------------------------------------


@staff_required
@require_http_methods(["GET", "HEAD"])
def staff_index(request):
    consultations = Consultation.objects.select_related("asking_body").annotate(
        submitted=Count(
            "contributions", filter=Q(contributions__status=Contribution.Status.SUBMITTED)
        )
    )
    return render(
        request,
        "consultations/staff/index.html",
        {"consultations": consultations, "staff_section": "index"},
    )


@staff_required
@require_http_methods(GET_OR_POST)
def staff_create(request):
    form = ConsultationForm(posted(request))
    if request.method == "POST" and form.is_valid():
        consultation = services.save_consultation(request.user, form)
        messages.success(request, f"“{consultation.title}” was created as a draft.")
        return redirect("consultations:staff_questions", slug=consultation.slug)
    return render(
        request,
        "consultations/staff/consultation_form.html",
        {"form": form, "consultation": None, "staff_section": "new"},
        status=status_code(form),
    )


@staff_required
@require_http_methods(GET_OR_POST)
def staff_edit(request, slug):
    consultation = consultation_for_staff(slug)
    form = ConsultationForm(posted(request), instance=consultation)
    if request.method == "POST" and form.is_valid():
        services.save_consultation(request.user, form)
        messages.success(request, "The consultation was saved.")
        return redirect("consultations:staff_overview", slug=consultation.slug)
    return form_page(request, "consultation_form.html", consultation, "edit", form)


# --- The overview and the stage ----------------------------------------------------------------


@staff_required
@require_http_methods(["GET", "HEAD"])
def staff_overview(request, slug):
    consultation = consultation_for_staff(slug)
    contributions = consultation.contributions.aggregate(
        submitted=Count("pk", filter=Q(status=Contribution.Status.SUBMITTED)),
        drafts=Count("pk", filter=Q(status=Contribution.Status.DRAFT)),
    )
    quotes = Quote.objects.filter(consultation=consultation).aggregate(
        total=Count("pk"),
        unreviewed=Count("pk", filter=Q(is_redaction_reviewed=False)),
        uncoded=Count("pk", filter=Q(codings__isnull=True)),
    )
    upcoming = services.next_status(consultation)
    return staff_page(
        request,
        "overview.html",
        consultation,
        "overview",
        {
            "contributions": contributions,
            "quotes": quotes,
            "sessions": consultation.sessions.annotate(speaker_count=Count("speakers")),
            "themes": consultation.codebook.filter(merged_into__isnull=True).count(),
            "flags": open_flags(consultation).count(),
            "invited": services.invited_organisations(consultation).count(),
            "next_status": upcoming and ConsultationStatus(upcoming),
            "statuses": ConsultationStatus.choices,
        },
    )


@staff_required
@require_POST
def staff_status(request, slug):
    consultation = consultation_for_staff(slug)
    try:
        updated = services.advance_status(request.user, consultation, request.POST.get("to", ""))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        note = ""
        if updated.status == ConsultationStatus.OPEN:
            note = " Invited member contacts are being emailed."
        messages.success(
            request, f"The consultation is now “{updated.get_status_display()}”.{note}"
        )
    return redirect("consultations:staff_overview", slug=consultation.slug)


# --- Parts and questions -----------------------------------------------------------------------


@staff_required
@require_http_methods(GET_OR_POST)
def staff_questions(request, slug):
    """The questions page: parts with their questions, and forms to add either."""
    consultation = consultation_for_staff(slug)
    adding = request.POST.get("add") if request.method == "POST" else None
    part_form = QuestionPartForm(posted(request) if adding == "part" else None, prefix="part")
    question_form = QuestionForm(
        posted(request) if adding == "question" else None,
        consultation=consultation,
        prefix="question",
        initial={"number": services.next_question_number(consultation)},
    )
    if adding == "part" and part_form.is_valid():
        part = services.save_part(request.user, consultation, part_form)
        messages.success(request, f"Part “{part.title}” was added.")
        return redirect("consultations:staff_questions", slug=slug)
    if adding == "question" and question_form.is_valid():
        question = services.save_question(request.user, consultation, question_form)
        messages.success(request, f"Question {question.number} was added.")
        return redirect("consultations:staff_questions", slug=slug)
    if request.method == "POST" and adding not in ("part", "question"):
        messages.error(request, "Choose whether to add a part or a question.")
    parts = consultation.question_parts.prefetch_related("questions")
    return staff_page(
        request,
        "questions.html",
        consultation,
        "questions",
        {"parts": parts, "part_form": part_form, "question_form": question_form},
        status=status_code(part_form, question_form),
    )


@staff_required
@require_http_methods(GET_OR_POST)
def staff_part_edit(request, slug, pk):
    consultation = consultation_for_staff(slug)
    part = get_object_or_404(QuestionPart, pk=pk, consultation=consultation)
    form = QuestionPartForm(posted(request), instance=part)
    if request.method == "POST" and form.is_valid():
        services.save_part(request.user, consultation, form)
        messages.success(request, "The part was saved.")
        return redirect("consultations:staff_questions", slug=slug)
    return form_page(request, "part_form.html", consultation, "questions", form, part=part)


@staff_required
@require_http_methods(GET_OR_POST)
def staff_question_edit(request, slug, pk):
    consultation = consultation_for_staff(slug)
    question = get_object_or_404(Question, pk=pk, consultation=consultation)
    form = QuestionForm(posted(request), instance=question, consultation=consultation)
    if request.method == "POST" and form.is_valid():
        services.save_question(request.user, consultation, form)
        messages.success(request, f"Question {question.number} was saved.")
        return redirect("consultations:staff_questions", slug=slug)
    return form_page(
        request, "question_form.html", consultation, "questions", form, question=question
    )


@staff_required
@require_POST
def staff_reorder(request, slug):
    """Move a part or a question one place up or down (buttons beside each)."""
    consultation = consultation_for_staff(slug)
    step = {"up": -1, "down": 1}.get(request.POST.get("direction"))
    kind, pk = request.POST.get("kind"), request.POST.get("pk", "")
    if step is None or kind not in ("part", "question") or not pk.isdigit():
        messages.error(request, "Choose something to move, and which way.")
    elif kind == "part":
        part = get_object_or_404(QuestionPart, pk=pk, consultation=consultation)
        services.move_part(consultation, part, step)
    else:
        question = get_object_or_404(Question, pk=pk, consultation=consultation)
        services.move_question(consultation, question, step)
    return redirect(reverse("consultations:staff_questions", args=[slug]) + "#parts")
