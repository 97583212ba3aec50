"""Staff pages for running a cycle: screening nominations, panels and conflicts, the ranking,
and the shortlist and winners."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from awards.forms import (
    DecisionForm,
    MergeForm,
    OverrideForm,
    PanelMemberForm,
    ReasonForm,
    ScreeningForm,
)
from awards.models import (
    Category,
    Conflict,
    Nomination,
    NominationStatus,
    SupportingFile,
)
from awards.services import (
    decisions,
    eligibility,
    exporting,
    media_entries,
    nominating,
    panels,
    ranking_cache,
    reach,
    screening,
)
from core.audit import history_for
from core.lib.downloads import as_attachment, attachment
from core.lib.form_pages import add_service_errors, posted, status_code
from core.roles import staff_required

staff_only = staff_required("Running the awards is for the alliance's staff.")
# Staff choose a shortlist from the top; the rest of a long ranking is a page away.
RANKING_PAGE = 100
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "png": "image/png",
    "jpg": "image/jpeg",
}


@staff_only
def index(request):
    cycles = (
        reach.cycles_run_by(request.user)
        .select_related("scheme")
        .annotate(
            nominations=Count("categories__nominations", distinct=True),
            to_screen=Count(
                "categories__nominations",
                filter=Q(categories__nominations__status=NominationStatus.RECEIVED),
                distinct=True,
            ),
        )
    )
    return render(request, "awards/staff/index.html", {"cycles": cycles})


@staff_only
def cycle(request, pk):
    found = get_object_or_404(reach.cycles_run_by(request.user).select_related("scheme"), pk=pk)
    categories = found.categories.annotate(
        received=Count("nominations", filter=Q(nominations__status=NominationStatus.RECEIVED)),
        eligible=Count("nominations", filter=Q(nominations__status=NominationStatus.ELIGIBLE)),
        judges=Count("panel", distinct=True),
    )
    return render(request, "awards/staff/cycle.html", {"cycle": found, "categories": categories})


def _category(request, pk) -> Category:
    return get_object_or_404(
        reach.categories_run_by(request.user).select_related("cycle__scheme"), pk=pk
    )


@staff_only
def nominations(request, pk):
    category = _category(request, pk)
    status = request.GET.get("status", "")
    found = category.nominations.annotate(nominator_count=Count("nominators")).order_by(
        "status", "nominee_name"
    )
    if status in NominationStatus.values:
        found = found.filter(status=status)
    context = {
        "category": category, "nominations": found, "status": status,
        "statuses": NominationStatus.choices,
    }  # fmt: skip
    return render(request, "awards/staff/nominations.html", context)


@staff_only
def nominations_csv(request, pk):
    category = _category(request, pk)
    status = request.GET.get("status", "")
    status = status if status in NominationStatus.values else ""
    lines = exporting.export_lines(request.user, category, status)
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    return as_attachment(response, exporting.filename(category, status))


def _nomination(request, pk) -> Nomination:
    return get_object_or_404(
        reach.nominations_run_by(request.user).select_related(
            "category__cycle__scheme", "organisation", "merged_into"
        ),
        pk=pk,
    )


def _nomination_page(request, nomination, status=200, **forms):
    context = {
        "nomination": nomination,
        "category": nomination.category,
        "nominators": nomination.nominators.prefetch_related("files"),
        "articles": nomination.articles.select_related("outlet"),
        "duplicates": screening.possible_duplicates(nomination),
        "problems": eligibility.nomination_problems(nomination),
        "to_confirm": eligibility.to_confirm(nomination),
        "conflicts": nomination.conflicts.select_related("panel_member__judge"),
        "history": history_for(nomination)[:20],
        "screening_form": forms.get("screening_form")
        or ScreeningForm(
            initial={
                "decision": "ineligible"
                if nomination.status == NominationStatus.INELIGIBLE
                else "eligible",
                "reason": nomination.screening_reason,
            }
        ),  # fmt: skip
        "withdraw_form": forms.get("withdraw_form") or ReasonForm(),
        "decision_form": forms.get("decision_form")
        or DecisionForm(
            initial={
                "shortlisted": nomination.shortlisted,
                "winner": nomination.winner,
                "highly_commended": nomination.highly_commended,
                "citation": nomination.citation,
                "note": nomination.decision_note,
            }
        ),  # fmt: skip
    }
    return render(request, "awards/staff/nomination.html", context, status=status)


@staff_only
def nomination(request, pk):
    return _nomination_page(request, _nomination(request, pk))


def _act(request, nomination, form, form_name, action, done):
    """Run `action(cleaned_data)` for a valid form; show the page again with the refusal."""
    if form.is_valid():
        try:
            action(form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, done)
            return redirect("awards:staff_nomination", pk=nomination.pk)
    return _nomination_page(request, nomination, status=400, **{form_name: form})


@staff_only
@require_POST
def screen(request, pk):
    nomination = _nomination(request, pk)
    return _act(
        request, nomination, ScreeningForm(request.POST), "screening_form",
        lambda data: screening.screen(request.user, nomination, data["decision"] == "eligible",
                                      data["reason"]),
        "Screening saved.",
    )  # fmt: skip


@staff_only
@require_POST
def withdraw(request, pk):
    nomination = _nomination(request, pk)
    return _act(
        request, nomination, ReasonForm(request.POST), "withdraw_form",
        lambda data: screening.withdraw(request.user, nomination, data["reason"]),
        "The nomination is withdrawn.",
    )  # fmt: skip


@staff_only
@require_POST
def merge(request, pk):
    keeper = _nomination(request, pk)
    form = MergeForm(request.POST)
    duplicate = None
    if form.is_valid():
        duplicate = Nomination.objects.filter(pk=form.cleaned_data["duplicate"]).first()
    try:
        if duplicate is None:
            raise ValidationError("Choose a nomination to merge.")
        screening.merge(request.user, keeper, duplicate)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, f"Merged {duplicate.reference} in: every nominator's words are kept."
        )
    return redirect("awards:staff_nomination", pk=keeper.pk)


@staff_only
@require_POST
def resend_consent(request, pk):
    nomination = _nomination(request, pk)
    if nomination.nominee_email and nomination.consent != "not_needed":
        nominating.request_consent(nomination)
        messages.success(request, f"We have asked {nomination.nominee_name} again for consent.")
    return redirect("awards:staff_nomination", pk=pk)


@staff_only
@require_POST
def decide(request, pk):
    nomination = _nomination(request, pk)
    return _act(
        request, nomination, DecisionForm(request.POST), "decision_form",
        lambda data: decisions.decide(request.user, nomination, **data),
        "Decision saved.",
    )  # fmt: skip


@staff_only
def supporting_file(request, pk):
    found = get_object_or_404(
        SupportingFile.objects.filter(
            nominator__nomination__in=reach.nominations_run_by(request.user)
        ),
        pk=pk,
    )
    return attachment(
        found.file, found.filename, CONTENT_TYPES.get(found.kind, "application/octet-stream")
    )


@staff_only
def panel(request, pk):
    category = _category(request, pk)
    form = PanelMemberForm(posted(request))
    if form.is_bound and form.is_valid():
        try:
            panels.add_judge(request.user, category, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Judge added; conflicts with the nominations were checked.")
            return redirect("awards:staff_panel", pk=pk)
    context = {
        "category": category,
        "members": category.panel.select_related("judge", "organisation"),
        "warnings": panels.warnings(category),
        "conflicts": Conflict.objects.filter(panel_member__category=category).select_related(
            "panel_member__judge", "nomination", "decided_by"
        ),
        "form": form,
        "override_form": OverrideForm(),
    }
    return render(request, "awards/staff/panel.html", context, status=status_code(form))


@staff_only
@require_POST
def remove_judge(request, pk):
    member = get_object_or_404(reach.panel_members_run_by(request.user), pk=pk)
    panels.remove_judge(request.user, member)
    messages.success(request, f"{member.judge} is no longer on the panel.")
    return redirect("awards:staff_panel", pk=member.category_id)


@staff_only
@require_POST
def detect(request, pk):
    category = _category(request, pk)
    created = panels.detect_conflicts(category)
    messages.success(request, f"Checked the records: {created} new conflict(s) found.")
    return redirect("awards:staff_panel", pk=pk)


@staff_only
@require_POST
def override(request, pk):
    conflict = get_object_or_404(
        reach.conflicts_run_by(request.user).select_related("panel_member"), pk=pk
    )
    form = OverrideForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError("Choose whether the judge stays recused.")
        panels.set_recusal(
            request.user, conflict, form.cleaned_data["recused"], form.cleaned_data["reason"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Conflict updated; the change is in the audit log.")
    return redirect("awards:staff_panel", pk=conflict.panel_member.category_id)


@staff_only
def ranking(request, pk):
    category = _category(request, pk)
    result, warnings = ranking_cache.category_ranking(category)
    context = {
        "category": category,
        "ranking": result,
        "page": Paginator(result.rows, RANKING_PAGE).get_page(request.GET.get("page")),
        "departures": decisions.departures(category, result.rows),
        "warnings": warnings,
    }
    return render(request, "awards/staff/ranking.html", context)


@staff_only
@require_POST
def close_panel(request, pk):
    category = _category(request, pk)
    closing = request.POST.get("closed", "1") == "1"
    decisions.close_panel(request.user, category, closing)
    messages.success(request, "Scoring is closed." if closing else "Scoring is open again.")
    return redirect("awards:staff_ranking", pk=pk)


@staff_only
@require_POST
def enter_media_shortlist(request, pk):
    category = _category(request, pk)
    try:
        created = media_entries.enter_media_shortlist(request.user, category)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, f"{created} article(s) from the media monitor's shortlist entered."
        )
    return redirect("awards:staff_nominations", pk=pk)
