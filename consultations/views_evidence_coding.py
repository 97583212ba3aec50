"""Staff pages for working with quotes: cutting them from the evidence, redacting them,
coding them with themes (with suggestions a person accepts), the codebook, agreement
between two coders, and the theme summary."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from consultations import coding, redaction
from consultations.consent import published_text
from consultations.forms import (
    CodingForm,
    MergeForm,
    QuoteForm,
    RedactionForm,
    SampleForm,
    ThemeForm,
)
from consultations.models import Answer, Coding, CodingSample, Passage, Quote, Redaction, Theme
from consultations.summary import SORTS, parse_sort, theme_summary
from consultations.views_evidence import (
    GET_OR_POST,
    add_service_errors,
    consultation_for_staff,
    form_page,
    posted,
    saved_by_service,
    staff_page,
    staff_required,
    status_code,
)

QUOTES_PER_PAGE = 50
SUGGESTIONS_PER_PAGE = 20
QUOTE_FILTERS = {
    "all": "All quotes",
    "unreviewed": "Redaction not yet reviewed",
    "uncoded": "Not yet coded",
}


def _quote(consultation, pk) -> Quote:
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


def _back(request, default: str) -> str:
    """Where to return after a small POST: the page it came from, if it is ours."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return default


# --- Quotes ------------------------------------------------------------------------------------


@staff_required
@require_http_methods(["GET", "HEAD"])
def staff_quotes(request, slug):
    consultation = consultation_for_staff(slug)
    shown = request.GET.get("show", "all")
    shown = shown if shown in QUOTE_FILTERS else "all"
    quotes = consultation.quotes.select_related(
        "answer__contribution__organisation", "passage__speaker"
    ).prefetch_related(Prefetch("codings", queryset=Coding.objects.select_related("theme")))
    if shown == "unreviewed":
        quotes = quotes.filter(is_redaction_reviewed=False)
    elif shown == "uncoded":
        quotes = quotes.filter(codings__isnull=True)
    page = Paginator(quotes.order_by("-pk"), QUOTES_PER_PAGE).get_page(request.GET.get("page"))
    return staff_page(
        request,
        "quotes.html",
        consultation,
        "quotes",
        {"page": page, "shown": shown, "filters": QUOTE_FILTERS},
    )


def _quote_form_page(request, consultation, source):
    form = QuoteForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            words = form.cleaned_data["text"].replace("\r\n", "\n")
            start, end = coding.locate(source.text, words, form.cleaned_data["start"])
            quote = coding.create_quote(request.user, source, start, end)
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


def _visible_codings(user, quote):
    codings = quote.codings.select_related("theme", "coder").order_by("theme__name")
    if coding.hides_other_coders(user, quote):
        return codings.filter(coder=user), True
    return codings, False


@staff_required
@require_http_methods(["GET", "HEAD"])
def staff_quote(request, slug, pk):
    """One quote: its source, its redactions, its published form, its themes."""
    consultation = consultation_for_staff(slug)
    return _quote_page(request, consultation, _quote(consultation, pk))


def _quote_page(request, consultation, quote, redaction_form=None, coding_form=None, status=200):
    """The quote page, with a form that failed validation shown in place if there is one."""
    codings, hidden = _visible_codings(request.user, quote)
    mine = [c.theme for c in codings if c.coder_id == request.user.pk]
    redactions = list(quote.redactions.select_related("decided_by"))
    for each in redactions:
        each.words = quote.text[each.start : each.end]
    suggestions = []
    if not quote.codings.exists():
        suggestions = coding.suggest_themes(consultation, quotes=[quote]).get(quote.pk, [])
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
    quote = _quote(consultation, pk)
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
                return _quote_page(request, consultation, quote, redaction_form=form, status=400)
            if not _save_redaction(request, quote, form):
                return _quote_page(request, consultation, quote, redaction_form=form, status=400)
            messages.success(request, "Your redaction was added.")
        else:
            messages.error(request, "Choose what to do with the redaction.")
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
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
    quote = _quote(consultation, pk)
    chosen = get_object_or_404(Redaction, pk=redaction_pk, quote=quote)
    form = RedactionForm(
        posted(request),
        quote=quote,
        initial={
            "start": chosen.start,
            "end": chosen.end,
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


@staff_required
@require_POST
def staff_quote_code(request, slug, pk):
    consultation = consultation_for_staff(slug)
    quote = _quote(consultation, pk)
    form = CodingForm(request.POST, consultation=consultation)
    if not form.is_valid():
        return _quote_page(request, consultation, quote, coding_form=form, status=400)
    coding.code_quote(request.user, quote, form.cleaned_data["themes"])
    messages.success(request, "Your themes for this quote were saved.")
    default = reverse("consultations:staff_quote", args=[slug, pk]) + "#coding"
    return redirect(_back(request, default))


@staff_required
@require_POST
def staff_suggestion_accept(request, slug, pk):
    """A person accepts one suggested theme for one quote."""
    consultation = consultation_for_staff(slug)
    quote = _quote(consultation, pk)
    theme = get_object_or_404(Theme, pk=request.POST.get("theme") or 0, consultation=consultation)
    try:
        coding.accept_suggestion(request.user, quote, theme)
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
    suggestions = coding.suggest_themes(consultation, quotes=list(page.object_list))
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
        theme = coding.save_theme(request.user, consultation, form)
        messages.success(request, f"Theme “{theme.name}” was added.")
        return redirect("consultations:staff_codebook", slug=slug)
    themes = list(
        consultation.codebook.select_related("merged_into").annotate(
            quote_count=Count("codings__quote", distinct=True)
        )
    )
    return staff_page(
        request,
        "codebook.html",
        consultation,
        "codebook",
        {
            "tree": _tree([t for t in themes if not t.merged_into_id]),
            "merged": [t for t in themes if t.merged_into_id],
            "form": form,
        },
        status=status_code(form),
    )


def _tree(themes) -> list[tuple[Theme, int]]:
    """Themes in reading order with their depth, children under their parent."""
    by_parent: dict = {}
    ids = {t.pk for t in themes}
    for theme in themes:
        parent = theme.parent_id if theme.parent_id in ids else None
        by_parent.setdefault(parent, []).append(theme)
    ordered, seen = [], set()

    def visit(parent, depth):
        for theme in sorted(by_parent.get(parent, []), key=lambda t: t.name.lower()):
            if theme.pk not in seen:
                seen.add(theme.pk)
                ordered.append((theme, depth))
                visit(theme.pk, depth + 1)

    visit(None, 0)
    return ordered


@staff_required
@require_http_methods(GET_OR_POST)
def staff_theme_edit(request, slug, pk):
    consultation = consultation_for_staff(slug)
    theme = get_object_or_404(Theme, pk=pk, consultation=consultation)
    form = ThemeForm(posted(request), instance=theme, consultation=consultation)
    if request.method == "POST" and form.is_valid():
        coding.save_theme(request.user, consultation, form)
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
            moved = coding.merge_themes(request.user, theme, kept)
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
            sample = coding.create_sample(
                request.user, consultation, data["name"], data["size"], data["coders"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Sample “{sample.name}” is ready for its two coders.")
            return redirect("consultations:staff_sample", slug=slug, pk=sample.pk)
    samples = consultation.coding_samples.prefetch_related("coders").annotate(
        quote_count=Count("quotes", distinct=True)
    )
    return staff_page(
        request,
        "samples.html",
        consultation,
        "samples",
        {"samples": samples, "form": form},
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
            coding.code_quote(request.user, quote, form.cleaned_data["themes"])
            messages.success(request, f"Your themes for quote {quote.pk} were saved.")
        else:
            messages.error(request, "Choose themes from the codebook.")
        return redirect(reverse("consultations:staff_sample", args=[slug, pk]) + f"#q{quote.pk}")
    mine = {}
    for quote_id, theme_id in Coding.objects.filter(
        quote__in=sample.quotes.all(), coder=request.user
    ).values_list("quote_id", "theme_id"):
        mine.setdefault(quote_id, []).append(theme_id)
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
            "progress": coding.coding_progress(sample),
            "total": len(rows),
            "complete": coding.is_complete(sample),
        },
    )


@staff_required
@require_http_methods(["GET", "HEAD"])
def staff_sample_agreement(request, slug, pk):
    consultation = consultation_for_staff(slug)
    sample = _sample(consultation, pk)
    complete = coding.is_complete(sample)
    return staff_page(
        request,
        "agreement.html",
        consultation,
        "samples",
        {
            "sample": sample,
            "complete": complete,
            "progress": coding.coding_progress(sample),
            "total": sample.quotes.count(),
            "result": coding.agreement(sample) if complete else None,
        },
    )


# --- Theme summary -----------------------------------------------------------------------------


@staff_required
@require_http_methods(["GET", "HEAD"])
def staff_summary(request, slug):
    consultation = consultation_for_staff(slug)
    key, descending = parse_sort(request.GET.get("sort"))
    columns = [
        ("theme", "Theme"),
        ("contributions", "Contributions"),
        ("organisations", "Organisations"),
        ("quotes", "Quotes"),
        ("questions", "Questions"),
    ]
    headers = [
        {
            "key": column,
            "label": label,
            "sorted": column == key,
            "descending": descending,
            # A second click reverses the order; numbers start largest first.
            "next": (column if column == key and descending else f"-{column}")
            if column != "theme"
            else ("-theme" if column == key and not descending else "theme"),
        }
        for column, label in columns
        if column in SORTS
    ]
    return staff_page(
        request,
        "summary.html",
        consultation,
        "summary",
        {
            "rows": theme_summary(consultation, sort=("-" if descending else "") + key),
            "headers": headers,
        },
    )
