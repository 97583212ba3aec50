"""The judge's pages: their panels, the nominations they may score (never one they are
recused from), the phone-friendly scoring page and declaring an interest."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from awards.forms import DeclareForm, ScoreForm
from awards.models import Conflict, Score
from awards.services import panels, scoring
from core.lib.form_pages import add_service_errors, posted, status_code
from core.roles import Role, staff_required


def _is_judge(user) -> bool:
    return user.role == Role.JUDGE or user.award_panels.exists()


judges_only = staff_required("Judging pages are for the awards judges.", allowed=_is_judge)


@judges_only
def home(request):
    rows = [(member, *scoring.progress(member)) for member in scoring.panels_of(request.user)]
    return render(request, "awards/judging/home.html", {"rows": rows})


@judges_only
def panel(request, pk):
    member = scoring.member_for(request.user, pk)
    nominations = list(scoring.scoreable(member))
    scored = {}
    for nomination_id in member.scores.values_list("nomination_id", flat=True):
        scored[nomination_id] = scored.get(nomination_id, 0) + 1
    criteria = member.category.criteria.count()
    rows = [(n, scored.get(n.pk, 0), criteria) for n in nominations]
    conflicts = scoring.conflicts_shown(member)
    context = {"member": member, "category": member.category, "rows": rows, "conflicts": conflicts}
    return render(request, "awards/judging/panel.html", context)


def recused_judges(nomination):
    return Conflict.objects.filter(nomination=nomination, recused=True).values("panel_member_id")


@judges_only
def score(request, pk):
    member, nomination = scoring.nomination_for(request.user, pk)
    category = member.category
    form = ScoreForm(category, scoring.own_scores(member, nomination), posted(request))
    if form.is_bound and form.is_valid():
        try:
            scoring.save_scores(request.user, member, nomination, form.entries())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Your scores for {nomination.nominee_name} are saved.")
            return redirect("awards:judge_panel", pk=category.pk)
    others = []
    if scoring.panel_scores_visible(member):
        others = (
            Score.objects.filter(nomination=nomination)
            .exclude(panel_member=member)
            .exclude(panel_member__in=recused_judges(nomination))
            .select_related("panel_member__judge", "criterion")
            .order_by("panel_member__judge__name", "criterion__order")
        )
    context = {
        "member": member, "category": category, "nomination": nomination, "form": form,
        "nominators": nomination.nominators.prefetch_related("files"),
        "blind": category.cycle.blind_judging, "others": others,
        "closed": category.panel_closed_at is not None, "declare_form": DeclareForm(),
    }  # fmt: skip
    return render(request, "awards/judging/score.html", context, status=status_code(form))


@judges_only
@require_POST
def naming(request, pk):
    """The judge says whether the public page may name them on this panel."""
    member = scoring.member_for(request.user, pk)
    named = request.POST.get("named") == "yes"
    panels.set_named_publicly(request.user, member, named)
    messages.success(
        request,
        f"Thank you: {member.category.name}'s public page "
        + ("now names you as a judge." if named else "will not name you."),
    )
    return redirect("awards:judge_home")


@judges_only
@require_POST
def declare(request, pk):
    member, nomination = scoring.nomination_for(request.user, pk)
    form = DeclareForm(request.POST)
    if form.is_valid():
        try:
            panels.declare(request.user, member, nomination, form.cleaned_data["reason"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                f"Thank you. You are recused from {nomination.nominee_name}: it is hidden from "
                "you and any scores you gave it will not count.",
            )
            return redirect("awards:judge_panel", pk=member.category_id)
    else:
        messages.error(request, "Say briefly what the interest is.")
    return redirect("awards:judge_score", pk=pk)
