"""The submission builder (staff): the outline, one section at a time, and its blocks.

Each view collects input, calls submission.services.builder and shows its refusal beside
the form. Every action is a plain form POST that redirects back, so the builder works without
JavaScript; the quote picker's theme filter also updates in place with htmx.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from consultations.models import Block, Consultation, Quote, Submission, SubmissionSection
from consultations.pages import add_service_errors, refusal, staff_required
from consultations.submission.forms import (
    DetailsForm,
    LinkRecommendationForm,
    NewRecommendationForm,
    SectionForm,
    TextBlockForm,
    ThemeFilterForm,
)
from consultations.submission.services import builder
from influence.models import Recommendation
from influence.services import matching

QUOTES_PER_PAGE = 20


def get_submission(slug: str) -> Submission:
    return get_object_or_404(
        Submission.objects.select_related("consultation__asking_body"), consultation__slug=slug
    )


def _section(slug: str, pk: int) -> SubmissionSection:
    return get_object_or_404(
        SubmissionSection.objects.select_related("submission__consultation", "parent"),
        pk=pk,
        submission__consultation__slug=slug,
    )


def _block(slug: str, pk: int) -> Block:
    return get_object_or_404(
        Block.objects.select_related("section__submission__consultation"),
        pk=pk,
        section__submission__consultation__slug=slug,
    )


def section_url(section: SubmissionSection, anchor: str = "") -> str:
    url = reverse(
        "consultations:builder_section", args=[section.submission.consultation.slug, section.pk]
    )
    return f"{url}#{anchor}" if anchor else url


# --- The outline ----------------------------------------------------------------------------


@staff_required
@require_http_methods(["GET", "HEAD"])
def builder_page(request, slug):
    consultation = get_object_or_404(Consultation.objects.select_related("asking_body"), slug=slug)
    submission = Submission.objects.filter(consultation=consultation).first()
    context = {"consultation": consultation, "submission": submission}
    if submission:
        context["parts"] = builder.outline(submission)
    return render(request, "consultations/submission/builder.html", context)


@staff_required
@require_POST
def builder_start(request, slug):
    consultation = get_object_or_404(Consultation, slug=slug)
    builder.start_submission(request.user, consultation)
    messages.success(request, "The submission is ready: one part per group of questions.")
    return redirect("consultations:builder", slug)


@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def builder_details(request, slug):
    submission = get_submission(slug)
    initial = {
        "title": submission.title,
        "introduction": submission.introduction,
        "contact_details": submission.contact_details,
    }
    form = DetailsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            builder.update_details(request.user, submission, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "The title, introduction and contact details are saved.")
            return redirect("consultations:builder", slug)
    status = 400 if form.errors else 200
    context = {"submission": submission, "consultation": submission.consultation, "form": form}
    return render(request, "consultations/submission/details.html", context, status=status)


@staff_required
@require_POST
def section_add(request, slug):
    submission = get_submission(slug)
    parent = None
    if request.POST.get("parent"):
        parent = SubmissionSection.objects.filter(
            submission=submission,
            pk=request.POST["parent"] if request.POST["parent"].isdigit() else 0,
        ).first()
        if parent is None:
            messages.error(request, "That part is no longer in the submission.")
            return redirect(reverse("consultations:builder", args=[slug]) + "#outline")
    try:
        section = builder.add_section(
            request.user, submission, request.POST.get("heading", ""), parent=parent
        )
    except ValidationError as error:
        refusal(request, error)
        return redirect(reverse("consultations:builder", args=[slug]) + "#outline")
    messages.success(request, f"Added “{section.heading}”.")
    return redirect(reverse("consultations:builder", args=[slug]) + f"#outline-{section.pk}")


@staff_required
@require_POST
def section_move(request, slug, pk):
    section = _section(slug, pk)
    try:
        builder.move_section(request.user, section, request.POST.get("direction", ""))
    except ValidationError as error:
        refusal(request, error)
    return redirect(reverse("consultations:builder", args=[slug]) + f"#outline-{section.pk}")


@staff_required
@require_POST
def section_remove(request, slug, pk):
    section = _section(slug, pk)
    heading = section.heading
    builder.remove_section(request.user, section)
    messages.success(request, f"Removed “{heading}” and everything in it.")
    return redirect(reverse("consultations:builder", args=[slug]) + "#outline")


# --- One section and its blocks -------------------------------------------------------------


def _quote_picker(request, submission: Submission):
    """Coded quotes of this consultation, optionally of one theme, each with whether it may
    be used and, if not, why."""
    themes = submission.consultation.codebook.filter(merged_into__isnull=True)
    filter_form = ThemeFilterForm(themes, request.GET or None)
    theme = filter_form.cleaned_data["theme"] if filter_form.is_valid() else None
    quotes = builder.quotes_to_insert(submission, theme)
    page = Paginator(quotes, QUOTES_PER_PAGE).get_page(request.GET.get("page"))
    return filter_form, page, builder.quote_rows(submission, page.object_list)


@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def section_page(request, slug, pk):
    section = _section(slug, pk)
    rename_form = SectionForm(request.POST or None, initial={"heading": section.heading})
    if request.method == "POST" and rename_form.is_valid():
        try:
            builder.rename_section(request.user, section, rename_form.cleaned_data["heading"])
        except ValidationError as error:
            add_service_errors(rename_form, error)
        else:
            messages.success(request, "Heading saved.")
            return redirect(section_url(section))
    return render_section(request, section, rename_form=rename_form)


def render_section(request, section, quote_error: str = "", possible_repeats=(), **forms):
    """The section page; `forms` are bound forms to show again with their errors."""
    submission = section.submission
    filter_form, page, rows = _quote_picker(request, submission)
    asking_body = submission.consultation.asking_body_id
    context = {
        "section": section,
        "submission": submission,
        "consultation": submission.consultation,
        "rows": builder.block_rows(section),
        "rename_form": SectionForm(initial={"heading": section.heading}),
        "text_form": TextBlockForm(),
        "link_form": LinkRecommendationForm(),
        "new_recommendation_form": NewRecommendationForm(initial={"targets": [asking_body]}),
        **forms,
        "filter_form": filter_form,
        "page": page,
        "quote_rows": rows,
        "quote_error": quote_error,
        "possible_repeats": possible_repeats,
    }
    if request.htmx and request.method == "GET" and request.GET.get("picker"):
        return render(request, "consultations/submission/_quote_picker.html", context)
    refused = quote_error or possible_repeats or any(form.errors for form in forms.values())
    status = 400 if refused else 200
    return render(request, "consultations/submission/section.html", context, status=status)


@staff_required
@require_POST
def block_add_text(request, slug, pk):
    section = _section(slug, pk)
    form = TextBlockForm(request.POST)
    if form.is_valid():
        try:
            block = builder.add_text(request.user, section, form.cleaned_data["text"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Narrative text added.")
            return redirect(section_url(section, f"block-{block.pk}"))
    return render_section(request, section, text_form=form)


@staff_required
@require_POST
def block_add_quote(request, slug, pk):
    section = _section(slug, pk)
    quote = Quote.objects.filter(pk=request.POST.get("quote") or 0).first()
    if quote is None:
        return render_section(request, section, quote_error="That quote no longer exists.")
    try:
        block = builder.add_quote(request.user, section, quote)
    except ValidationError as error:
        return render_section(request, section, quote_error=" ".join(error.messages))
    messages.success(request, "Quote inserted.")
    return redirect(section_url(section, f"block-{block.pk}"))


@staff_required
@require_POST
def block_add_recommendation(request, slug, pk):
    """Link an existing recommendation, or create a new one in the tracker and link it."""
    section = _section(slug, pk)
    creating = bool(request.POST.get("create"))
    form = (NewRecommendationForm if creating else LinkRecommendationForm)(request.POST)
    possible_repeats = []
    if form.is_valid():
        data = form.cleaned_data
        # When the tracker has this ask already, the person chose: "link:<pk>" (use it),
        # "repeat:<pk>" (theirs asks for it again) or "different".
        choice, _, earlier_pk = request.POST.get("same_ask", "").partition(":")
        earlier = (
            Recommendation.objects.filter(pk=earlier_pk).first() if earlier_pk.isdigit() else None
        )
        try:
            if creating and choice == "link" and earlier:
                block = builder.link_recommendation(request.user, section, earlier)
            elif creating:
                block = builder.create_recommendation(
                    request.user,
                    section,
                    **data,
                    repeats=earlier if choice == "repeat" else None,
                    different=choice == "different",
                )
            else:
                block = builder.link_recommendation(request.user, section, data["recommendation"])
        except builder.PossibleRepeat as error:
            add_service_errors(form, error)
            labels = matching.descriptions(error.matches)
            possible_repeats = [(item, labels[item.pk]) for item in error.matches]
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Recommendation added to the section.")
            return redirect(section_url(section, f"block-{block.pk}"))
    key = "new_recommendation_form" if creating else "link_form"
    return render_section(request, section, possible_repeats=possible_repeats, **{key: form})


@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def block_edit(request, slug, pk):
    block = _block(slug, pk)
    if block.kind != Block.Kind.TEXT:
        raise PermissionDenied("Only narrative text can be edited; remove and insert others.")
    form = TextBlockForm(request.POST or None, initial={"text": block.text})
    if request.method == "POST" and form.is_valid():
        try:
            builder.edit_text(request.user, block, form.cleaned_data["text"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Text saved.")
            return redirect(section_url(block.section, f"block-{block.pk}"))
    context = {
        "block": block,
        "section": block.section,
        "consultation": block.section.submission.consultation,
        "form": form,
    }
    status = 400 if form.errors else 200
    return render(request, "consultations/submission/block_edit.html", context, status=status)


@staff_required
@require_POST
def block_move(request, slug, pk):
    block = _block(slug, pk)
    try:
        builder.move_block(request.user, block, request.POST.get("direction", ""))
    except ValidationError as error:
        refusal(request, error)
    return redirect(section_url(block.section, f"block-{block.pk}"))


@staff_required
@require_POST
def block_remove(request, slug, pk):
    block = _block(slug, pk)
    section = block.section
    builder.remove_block(request.user, block)
    messages.success(request, "Block removed.")
    return redirect(section_url(section, "blocks"))
