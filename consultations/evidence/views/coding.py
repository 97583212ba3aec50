"""Staff pages for coding quotes with themes: a coder's themes for a quote, suggested themes
a person accepts, the codebook, samples for measuring agreement between two coders, and the
theme summary."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from consultations.evidence.forms import CodingForm, MergeForm, SampleForm, ThemeForm
from consultations.evidence.services import agreement, codebook, summary
from consultations.evidence.services.suggestions import suggest_themes
from consultations.evidence.views.quotes import quote_for_staff, quote_page
from consultations.evidence.views.staff_pages import consultation_for_staff, form_page, staff_page
from consultations.models import Coding, CodingSample, Theme
from consultations.pages import (
    GET_OR_POST,
    add_service_errors,
    posted,
    staff_required,
    status_code,
)

SUGGESTIONS_PER_PAGE = 20


def _back(request, default: str) -> str:
    """Where to return after a small POST: the page it came from, if it is ours."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return default


# --- Coding a quote ----------------------------------------------------------------------------


@staff_required
@require_POST
def staff_quote_code(request, slug, pk):
    consultation = consultation_for_staff(slug)
    quote = quote_for_staff(consultation, pk)
    form = CodingForm(request.POST, consultation=consultation)
    if not form.is_valid():
        return quote_page(request, consultation, quote, coding_form=form, status=400)
    codebook.code_quote(request.user, quote, form.cleaned_data["themes"])
    messages.success(request, "Your themes for this quote were saved.")
    default = reverse("consultations:staff_quote", args=[slug, pk]) + "#coding"
    return redirect(_back(request, default))


@staff_required
@require_POST
def staff_suggestion_accept(request, slug, pk):
    """A person accepts one suggested theme for one quote."""
    consultation = consultation_for_staff(slug)
    quote = quote_for_staff(consultation, pk)
    theme = get_object_or_404(Theme, pk=request.POST.get("theme") or 0, consultation=consultation)
    try:
        codebook.accept_suggestion(request.user, quote, theme)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, f"Quote {quote.pk} coded “{theme.name}”.")
    default = reverse("consultations:staff_quote", args=[slug, pk]) + "#coding"
    return redirect(_back(request, default))


@staff_required
@require_http_methods(["GET", "HEAD"])
def staff_suggestions(request, slug):
    """Uncoded quotes, a page at a time, each with its suggested themes and their reasons."""
    consultation = consultation_for_staff(slug)
    uncoded = consultation.quotes.filter(codings__isnull=True).order_by("pk")
    page = Paginator(uncoded, SUGGESTIONS_PER_PAGE).get_page(request.GET.get("page"))
    suggestions = suggest_themes(consultation, quotes=list(page.object_list))
    return staff_page(
        request,
        "suggestions.html",
        consultation,
        "suggestions",
        {
            "page": page,
            "rows": [(quote, suggestions.get(quote.pk, [])) for quote in page.object_list],
            "has_coded": Coding.objects.filter(quote__consultation=consultation).exists(),
        },
    )


# --- The codebook ------------------------------------------------------------------------------


@staff_required
@require_http_methods(GET_OR_POST)
def staff_codebook(request, slug):
    consultation = consultation_for_staff(slug)
    form = ThemeForm(posted(request), consultation=consultation)
    if request.method == "POST" and form.is_valid():
        theme = codebook.save_theme(request.user, consultation, form)
        messages.success(request, f"Theme “{theme.name}” was added.")
        return redirect("consultations:staff_codebook", slug=slug)
    return staff_page(
        request,
        "codebook.html",
        consultation,
        "codebook",
        {**codebook.outline(consultation), "form": form},
        status=status_code(form),
    )


@staff_required
@require_http_methods(GET_OR_POST)
def staff_theme_edit(request, slug, pk):
    consultation = consultation_for_staff(slug)
    theme = get_object_or_404(Theme, pk=pk, consultation=consultation)
    form = ThemeForm(posted(request), instance=theme, consultation=consultation)
    if request.method == "POST" and form.is_valid():
        codebook.save_theme(request.user, consultation, form)
        messages.success(request, "The theme was saved.")
        return redirect("consultations:staff_codebook", slug=slug)
    return form_page(request, "theme_form.html", consultation, "codebook", form, theme=theme)


@staff_required
@require_http_methods(GET_OR_POST)
def staff_theme_merge(request, slug, pk):
    consultation = consultation_for_staff(slug)
    theme = get_object_or_404(Theme, pk=pk, consultation=consultation, merged_into__isnull=True)
    form = MergeForm(posted(request), theme=theme)
    if request.method == "POST" and form.is_valid():
        kept = form.cleaned_data["into"]
        try:
            moved = codebook.merge_themes(request.user, theme, kept)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, f"“{theme.name}” was merged into “{kept.name}”; {moved} codings moved."
            )
            return redirect("consultations:staff_codebook", slug=slug)
    return form_page(request, "theme_merge.html", consultation, "codebook", form, theme=theme)


# --- Agreement between coders ------------------------------------------------------------------


@staff_required
@require_http_methods(GET_OR_POST)
def staff_samples(request, slug):
    consultation = consultation_for_staff(slug)
    form = SampleForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            sample = agreement.create_sample(
                request.user, consultation, data["name"], data["size"], data["coders"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Sample “{sample.name}” is ready for its two coders.")
            return redirect("consultations:staff_sample", slug=slug, pk=sample.pk)
    return staff_page(
        request,
        "samples.html",
        consultation,
        "samples",
        {"samples": agreement.samples_of(consultation), "form": form},
        status=status_code(form),
    )


def _sample(consultation, pk) -> CodingSample:
    return get_object_or_404(
        CodingSample.objects.prefetch_related("coders"), pk=pk, consultation=consultation
    )


@staff_required
@require_http_methods(GET_OR_POST)
def staff_sample(request, slug, pk):
    """A coder codes the sample's quotes, seeing only their own codings until both finish."""
    consultation = consultation_for_staff(slug)
    sample = _sample(consultation, pk)
    is_coder = request.user in sample.coders.all()
    if request.method == "POST":
        if not is_coder:
            raise PermissionDenied("Only the sample's two coders code it.")
        quote = get_object_or_404(sample.quotes.all(), pk=request.POST.get("quote") or 0)
        form = CodingForm(request.POST, consultation=consultation)
        if form.is_valid():
            codebook.code_quote(request.user, quote, form.cleaned_data["themes"])
            messages.success(request, f"Your themes for quote {quote.pk} were saved.")
        else:
            messages.error(request, "Choose themes from the codebook.")
        return redirect(reverse("consultations:staff_sample", args=[slug, pk]) + f"#q{quote.pk}")
    mine = agreement.own_codings(request.user, sample)
    rows = [
        (quote, CodingForm(consultation=consultation, initial={"themes": mine.get(quote.pk, [])}))
        for quote in sample.quotes.order_by("pk")
    ]
    return staff_page(
        request,
        "sample.html",
        consultation,
        "samples",
        {
            "sample": sample,
            "is_coder": is_coder,
            "rows": rows,
            "progress": agreement.coding_progress(sample),
            "total": len(rows),
            "complete": agreement.is_complete(sample),
        },
    )


@staff_required
@require_http_methods(["GET", "HEAD"])
def staff_sample_agreement(request, slug, pk):
    consultation = consultation_for_staff(slug)
    sample = _sample(consultation, pk)
    complete = agreement.is_complete(sample)
    return staff_page(
        request,
        "agreement.html",
        consultation,
        "samples",
        {
            "sample": sample,
            "complete": complete,
            "progress": agreement.coding_progress(sample),
            "total": sample.quotes.count(),
            "result": agreement.agreement(sample) if complete else None,
        },
    )


# --- Theme summary -----------------------------------------------------------------------------


@staff_required
@require_http_methods(["GET", "HEAD"])
def staff_summary(request, slug):
    consultation = consultation_for_staff(slug)
    key, descending = summary.parse_sort(request.GET.get("sort"))
    return staff_page(
        request,
        "summary.html",
        consultation,
        "summary",
        {
            "rows": summary.theme_summary(consultation, sort=("-" if descending else "") + key),
            "headers": summary.column_headers(key, descending),
        },
    )
