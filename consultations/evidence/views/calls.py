"""Staff pages for running a call for evidence: the list, creating and editing one, its parts
and questions, its stage, and the overview that links to all of its evidence.

The rules live in consultations.evidence.services.calls; these views collect input, call a
service and show its refusals beside the field they concern.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from consultations.evidence.forms import ConsultationForm, QuestionForm, QuestionPartForm
from consultations.evidence.services import calls
from consultations.evidence.views.staff_pages import consultation_for_staff, form_page, staff_page
from consultations.models import ConsultationStatus, Question, QuestionPart
from consultations.pages import GET_OR_POST, posted, refusal, staff_required, status_code

# --- The list, creating and editing ------------------------------------------------------------


@staff_required
@require_http_methods(["GET", "HEAD"])
def staff_index(request):
    return render(
        request,
        "consultations/staff/index.html",
        {"consultations": calls.with_submitted_counts(), "staff_section": "index"},
    )


@staff_required
@require_http_methods(GET_OR_POST)
def staff_create(request):
    form = ConsultationForm(posted(request))
    if request.method == "POST" and form.is_valid():
        consultation = calls.save_consultation(request.user, form)
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
        calls.save_consultation(request.user, form)
        messages.success(request, "The consultation was saved.")
        return redirect("consultations:staff_overview", slug=consultation.slug)
    return form_page(request, "consultation_form.html", consultation, "edit", form)


# --- The overview and the stage ----------------------------------------------------------------


@staff_required
@require_http_methods(["GET", "HEAD"])
def staff_overview(request, slug):
    consultation = consultation_for_staff(slug)
    return staff_page(
        request,
        "overview.html",
        consultation,
        "overview",
        {**calls.overview(consultation), "statuses": ConsultationStatus.choices},
    )


@staff_required
@require_POST
def staff_status(request, slug):
    consultation = consultation_for_staff(slug)
    try:
        updated = calls.advance_status(request.user, consultation, request.POST.get("to", ""))
    except ValidationError as error:
        refusal(request, error)
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
        initial={"number": calls.next_question_number(consultation)},
    )
    if adding == "part" and part_form.is_valid():
        part = calls.save_part(request.user, consultation, part_form)
        messages.success(request, f"Part “{part.title}” was added.")
        return redirect("consultations:staff_questions", slug=slug)
    if adding == "question" and question_form.is_valid():
        question = calls.save_question(request.user, consultation, question_form)
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
        calls.save_part(request.user, consultation, form)
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
        calls.save_question(request.user, consultation, form)
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
        calls.move_part(consultation, part, step)
    else:
        question = get_object_or_404(Question, pk=pk, consultation=consultation)
        calls.move_question(consultation, question, step)
    return redirect(reverse("consultations:staff_questions", args=[slug]) + "#parts")
