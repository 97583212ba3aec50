"""Staff pages for quotes: the list, cutting a quote from an answer or a passage, one quote
(its source, its published form, its themes) and redacting its identifying details."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from consultations.consent import published_text
from consultations.evidence.forms import CodingForm, QuoteForm, RedactionForm, word_spans
from consultations.evidence.quote_filters import QuoteFilterForm
from consultations.evidence.services import agreement, quotes, redaction
from consultations.evidence.services.suggestions import suggest_themes
from consultations.evidence.views.staff_pages import consultation_for_staff, form_page, staff_page
from consultations.models import Answer, Passage, Quote, Redaction
from consultations.pages import (
    GET_OR_POST,
    add_service_errors,
    posted,
    refusal,
    saved_by_service,
    staff_required,
)

QUOTES_PER_PAGE = 20


def quote_for_staff(consultation, pk) -> Quote:
    return get_object_or_404(
        Quote.objects.select_related(
            "answer__contribution__organisation",
            "answer__question",
            "passage__speaker__session",
            "passage__question",
        ).prefetch_related("redactions"),
        pk=pk,
        consultation=consultation,
    )


# --- Quotes ------------------------------------------------------------------------------------


@staff_required
@require_http_methods(["GET", "HEAD"])
def staff_quotes(request, slug):
    consultation = consultation_for_staff(slug)
    form = QuoteFilterForm(consultation, request.GET)
    listed = quotes.quotes_to_review(consultation, **form.filters())
    page = Paginator(listed, QUOTES_PER_PAGE).get_page(request.GET.get("page"))
    return staff_page(
        request,
        "quotes.html",
        consultation,
        "quotes",
        {"page": page, "form": form, "page_query": form.query()},
    )


def _quote_form_page(request, consultation, source):
    form = QuoteForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            words = form.cleaned_data["text"].replace("\r\n", "\n")
            start, end = quotes.locate(source.text, words, form.cleaned_data["start"])
            quote = quotes.create_quote(request.user, source, start, end)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "The quote was kept. Review its identifying details next.")
            return redirect("consultations:staff_quote", slug=consultation.slug, pk=quote.pk)
    return form_page(
        request,
        "quote_form.html",
        consultation,
        "quotes",
        form,
        source=source,
        existing=source.quotes.all(),
    )


@staff_required
@require_http_methods(GET_OR_POST)
def staff_quote_answer(request, slug, pk):
    consultation = consultation_for_staff(slug)
    answer = get_object_or_404(
        Answer.objects.select_related("contribution__organisation", "question"),
        pk=pk,
        contribution__consultation=consultation,
    )
    return _quote_form_page(request, consultation, answer)


@staff_required
@require_http_methods(GET_OR_POST)
def staff_quote_passage(request, slug, pk):
    consultation = consultation_for_staff(slug)
    passage = get_object_or_404(
        Passage.objects.select_related("speaker", "session", "question"),
        pk=pk,
        session__consultation=consultation,
    )
    return _quote_form_page(request, consultation, passage)


@staff_required
@require_http_methods(["GET", "HEAD"])
def staff_quote(request, slug, pk):
    """One quote: its source, its redactions, its published form, its themes."""
    consultation = consultation_for_staff(slug)
    return quote_page(request, consultation, quote_for_staff(consultation, pk))


def quote_page(request, consultation, quote, redaction_form=None, coding_form=None, status=200):
    """The quote page, with a form that failed validation shown in place if there is one."""
    codings, hidden = agreement.visible_codings(request.user, quote)
    mine = [c.theme for c in codings if c.coder_id == request.user.pk]
    redactions = list(quote.redactions.select_related("decided_by"))
    for each in redactions:
        each.words = quote.text[each.start : each.end]
    suggestions = []
    if not quote.codings.exists():
        suggestions = suggest_themes(consultation, quotes=[quote]).get(quote.pk, [])
    return staff_page(
        request,
        "quote.html",
        consultation,
        "quotes",
        {
            "quote": quote,
            "published": published_text(quote),
            "redactions": redactions,
            "redaction_form": redaction_form or RedactionForm(quote=quote, prefix="redaction"),
            "coding_form": coding_form
            or CodingForm(consultation=consultation, initial={"themes": mine}),
            "codings": codings,
            "others_hidden": hidden,
            "suggestions": suggestions,
            "undecided": sum(
                r.status == Redaction.Status.SUGGESTED for r in quote.redactions.all()
            ),
        },
        status=status,
    )


@staff_required
@require_POST
def staff_quote_redactions(request, slug, pk):
    """Accept or reject a suggestion, add a redaction, or mark the quote reviewed."""
    consultation = consultation_for_staff(slug)
    quote = quote_for_staff(consultation, pk)
    action = request.POST.get("action")
    here = reverse("consultations:staff_quote", args=[slug, pk]) + "#redaction"
    try:
        if action in ("accept", "reject"):
            chosen = get_object_or_404(
                Redaction, pk=request.POST.get("redaction") or 0, quote=quote
            )
            redaction.decide(request.user, chosen, f"{action}ed")
            messages.success(request, f"{chosen.marker} {action}ed.")
        elif action == "suggest":
            found = redaction.suggest_redactions(quote)
            messages.success(request, f"{len(found)} new suggestion(s).")
        elif action == "review":
            redaction.mark_reviewed(request.user, quote)
            messages.success(request, "Redaction reviewed: the quote may now be used.")
        elif action == "add":
            form = RedactionForm(request.POST, quote=quote, prefix="redaction")
            if not form.is_valid():
                return quote_page(request, consultation, quote, redaction_form=form, status=400)
            if not _save_redaction(request, quote, form):
                return quote_page(request, consultation, quote, redaction_form=form, status=400)
            messages.success(request, "Your redaction was added.")
        else:
            messages.error(request, "Choose what to do with the redaction.")
    except ValidationError as error:
        refusal(request, error)
    return redirect(here)


def _save_redaction(request, quote, form, chosen=None):
    fields = {key: form.cleaned_data[key] for key in ("start", "end", "category", "marker")}
    return saved_by_service(
        form,
        lambda: redaction.save_redaction(request.user, quote, redaction=chosen, **fields),
    )


@staff_required
@require_http_methods(GET_OR_POST)
def staff_redaction_edit(request, slug, pk, redaction_pk):
    """Change a redaction's span or marker."""
    consultation = consultation_for_staff(slug)
    quote = quote_for_staff(consultation, pk)
    chosen = get_object_or_404(Redaction, pk=redaction_pk, quote=quote)
    form = RedactionForm(
        posted(request),
        quote=quote,
        initial={
            "chosen": [
                str(number)
                for number, (start, end) in enumerate(word_spans(quote.text))
                if chosen.start <= start and end <= chosen.end
            ],
            "category": chosen.category,
            "marker": chosen.marker,
        },
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and _save_redaction(request, quote, form, chosen)
    ):
        messages.success(request, "The redaction was changed and accepted.")
        return redirect(reverse("consultations:staff_quote", args=[slug, pk]) + "#redaction")
    return form_page(
        request, "redaction_form.html", consultation, "quotes", form, quote=quote, redaction=chosen
    )
