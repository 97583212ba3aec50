"""The safeguarding log's pages: recording a concern (anyone working with a group), and the
log itself (the network's designated leads; staff and admins only with a logged reason).
Every read is recorded before anything is shown."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache

from core.lib.form_pages import add_service_errors, posted, status_code
from core.roles import is_staff_member
from programmes.forms import ActionForm, ConcernForm, OutcomeForm, ReasonForm
from programmes.models import Concern, YouthGroup
from programmes.services import safeguarding

# A reason given opens the log for this long in that person's session; each read is still
# recorded, with the reason.
REASON_SECONDS = 30 * 60
SESSION_KEY = "programmes.safeguarding_reason.{}"


@login_required
def record(request):
    groups = safeguarding.groups_for_recording(request.user)
    if not groups:
        raise PermissionDenied("Only people working with a young advocates group record here.")
    form = ConcernForm(
        posted(request),
        groups=YouthGroup.objects.filter(pk__in=[g.pk for g in groups]),
        young_people=safeguarding.young_people_for_recording(request.user, groups),
    )
    if form.is_bound and form.is_valid():
        try:
            safeguarding.record_concern(
                request.user, form.cleaned_data["group"], form.cleaned_data["what_happened"],
                young_person=form.cleaned_data["young_person"],
                immediate_risk=form.cleaned_data["immediate_risk"],
            )  # fmt: skip
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Thank you. The safeguarding leads have been told.")
            return redirect("programmes:index")
    return render(request, "programmes/safeguarding/record.html", {"form": form},
                  status=status_code(form))  # fmt: skip


def _reason(request, group) -> str:
    return request.session.get(SESSION_KEY.format(group.pk), "")


def _refusal(request, group, form=None, status=403):
    return render(request, "programmes/safeguarding/reason.html", {
        "group": group, "form": form or ReasonForm(), "refusal": safeguarding.REFUSED,
        "may_give_reason": is_staff_member(request.user),
    }, status=status)  # fmt: skip


@never_cache
@login_required
def log(request, slug):
    group = get_object_or_404(YouthGroup, slug=slug)
    if request.method == "POST" and not safeguarding.is_lead(request.user, group):
        form = ReasonForm(request.POST)
        if not is_staff_member(request.user) or not form.is_valid():
            return _refusal(request, group, form, status=403 if not form.is_bound else 400)
        request.session[SESSION_KEY.format(group.pk)] = form.cleaned_data["reason"]
        request.session.set_expiry(REASON_SECONDS)
        return redirect("programmes:safeguarding_log", slug=slug)
    try:
        read = safeguarding.log_read(request.user, group, reason=_reason(request, group))
    except PermissionDenied:
        return _refusal(request, group)
    return render(request, "programmes/safeguarding/log.html", {
        "group": group, "concerns": safeguarding.concerns(group), "read": read,
        "reads": safeguarding.reads(group) if read.as_lead else [],
    })  # fmt: skip


@never_cache
@login_required
def concern(request, pk):
    found = get_object_or_404(Concern.objects.select_related("group", "young_person"), pk=pk)
    group = found.group
    try:
        read = safeguarding.log_read(request.user, group, found, reason=_reason(request, group))
    except PermissionDenied:
        return _refusal(request, group)
    action_form, outcome_form = ActionForm(), OutcomeForm()
    if request.method == "POST":
        kind = request.POST.get("kind")
        form = ActionForm(request.POST) if kind == "action" else OutcomeForm(request.POST)
        if form.is_valid():
            try:
                if kind == "action":
                    safeguarding.add_action(request.user, found, form.cleaned_data["action"])
                else:
                    safeguarding.close(request.user, found, form.cleaned_data["outcome"])
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, "Saved.")
                return redirect("programmes:safeguarding_concern", pk=pk)
        action_form, outcome_form = (
            (form, outcome_form) if kind == "action" else (action_form, form)
        )
    return render(request, "programmes/safeguarding/concern.html", {
        "concern": found, "read": read, "action_form": action_form,
        "outcome_form": outcome_form,
    }, status=status_code(action_form, outcome_form))  # fmt: skip
