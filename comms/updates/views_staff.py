"""Staff pages for writing an update: draft from what changed, edit, preview, check the
language, send a test, schedule and send. Views parse, call one action, and render."""

from django.contrib import messages
from django.db.models import Count, Max, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from comms.models import MailingList
from comms.updates import delivery, drafting, editing, language, rendering
from comms.updates.forms import IssueHeadingForm, ItemForm, ScheduleForm
from comms.updates.models import IssueStatus, UpdateIssue, UpdateItem
from core.roles import staff_required

staff_only = staff_required("Writing member updates is for the alliance's staff.")


@staff_only
def index(request):
    lists = (
        MailingList.objects.filter(is_system=False)
        .annotate(
            sent=Count("update_issues", filter=Q(update_issues__status=IssueStatus.SENT)),
            last_sent=Max("update_issues__sent_at"),
        )
        .order_by("name")
    )
    open_issues = {
        issue.mailing_list_id: issue
        for issue in UpdateIssue.objects.exclude(status=IssueStatus.SENT).order_by("number")
    }
    rows = [(each, open_issues.get(each.pk)) for each in lists]
    return render(request, "comms/updates/staff/index.html", {"rows": rows})


@staff_only
@require_POST
def draft(request, list_slug):
    mailing_list = get_object_or_404(MailingList, slug=list_slug, is_system=False)
    try:
        issue = drafting.draft_issue(mailing_list, user=request.user)
    except drafting.DraftRefused as refusal:
        messages.error(request, str(refusal))
        return redirect("updates:staff_index")
    count = issue.items.count()
    messages.success(
        request,
        f"Drafted issue {issue.number} with {count} item{'s' if count != 1 else ''} from "
        f"what changed from {rendering.period_label(issue)}."
        + (f" {issue.left_out} more changes were left out: an issue holds at most "
           f"{drafting.MAX_ITEMS}; add any you miss by hand." if issue.left_out else ""),
    )  # fmt: skip
    return redirect(issue.get_staff_url())


def _issue(pk) -> UpdateIssue:
    return get_object_or_404(UpdateIssue.objects.select_related("mailing_list"), pk=pk)


@staff_only
def issue(request, pk):
    """The issue being written: its heading, its items with their controls, the language
    checker's findings, and the buttons to preview, test, schedule and send."""
    current = _issue(pk)
    form = IssueHeadingForm(request.POST or None, instance=current)
    if request.method == "POST":
        if not current.editable:
            messages.error(request, "This issue has been sent: it is kept as it went out.")
            return redirect(current.get_staff_url())
        if form.is_valid():
            editing.save_heading(form.instance)
            messages.success(request, "Saved the title and introduction.")
            return redirect(current.get_staff_url())
    items = list(current.items.all())
    return render(request, "comms/updates/staff/issue.html", {
        "issue": current, "form": form, "items": items,
        "sections": rendering.sections_of(current, items),
        "findings": language.findings_of(current) if current.editable else [],
        "schedule_form": ScheduleForm(),
        "period_label": rendering.period_label(current),
    })  # fmt: skip


def _item_form_page(request, current, form, item=None):
    return render(request, "comms/updates/staff/item_form.html",
                  {"issue": current, "form": form, "item": item})  # fmt: skip


@staff_only
def item_add(request, pk):
    current = _issue(pk)
    if not current.editable:
        messages.error(request, "This issue has been sent: it is kept as it went out.")
        return redirect(current.get_staff_url())
    after = current.items.filter(pk=request.GET.get("after") or 0).first()
    form = ItemForm(request.POST or None, initial={"section": after.section if after else ""},
                    mailing_list=current.mailing_list)  # fmt: skip
    if request.method == "POST" and form.is_valid():
        after = current.items.filter(pk=request.POST.get("after") or 0).first()
        editing.add_item(current, form.instance, after=after,
                         topics=form.cleaned_data.get("topics"))  # fmt: skip
        messages.success(request, f"Added “{form.instance.title}”.")
        return redirect(current.get_staff_url() + f"#item-{form.instance.pk}")
    return _item_form_page(request, current, form)


def _item(pk, item_pk) -> UpdateItem:
    return get_object_or_404(UpdateItem.objects.select_related("issue__mailing_list"),
                             pk=item_pk, issue_id=pk)  # fmt: skip


@staff_only
def item_edit(request, pk, item_pk):
    item = _item(pk, item_pk)
    if not item.issue.editable:
        messages.error(request, "This issue has been sent: it is kept as it went out.")
        return redirect(item.issue.get_staff_url())
    form = ItemForm(request.POST or None, instance=item, mailing_list=item.issue.mailing_list)
    if request.method == "POST" and form.is_valid():
        editing.save_item(form.instance, topics=form.cleaned_data.get("topics"))
        messages.success(request, f"Saved “{item.title}”.")
        return redirect(item.issue.get_staff_url() + f"#item-{item.pk}")
    return _item_form_page(request, item.issue, form, item)


def _refuse_if_sent(request, item) -> bool:
    if item.issue.editable:
        return False
    messages.error(request, "This issue has been sent: it is kept as it went out.")
    return True


@staff_only
@require_POST
def item_move(request, pk, item_pk):
    item = _item(pk, item_pk)
    if not _refuse_if_sent(request, item):
        editing.move_item(item, request.POST.get("direction", ""))
    return redirect(item.issue.get_staff_url() + f"#item-{item.pk}")


@staff_only
@require_POST
def item_cut(request, pk, item_pk):
    item = _item(pk, item_pk)
    if not _refuse_if_sent(request, item):
        editing.cut_item(item)
        messages.success(request, f"Cut “{item.title}” from the issue.")
    return redirect(item.issue.get_staff_url() + "#items")


@staff_only
def preview(request, pk):
    """The email as a subscriber gets it: comms' layout, brand and footer around the issue."""
    context = rendering.preview_context(_issue(pk), request.user.email)
    return render(request, "comms/email/layout.html", context)


@staff_only
def preview_text(request, pk):
    context = rendering.preview_context(_issue(pk), request.user.email)
    return render(request, "comms/email/layout.txt", context,
                  content_type="text/plain; charset=utf-8")  # fmt: skip


@staff_only
@require_POST
def send_test(request, pk):
    current = _issue(pk)
    try:
        delivery.send_test(current, request.user)
    except delivery.SendRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, f"Sent a test to {request.user.email}.")
    return redirect(current.get_staff_url())


@staff_only
@require_POST
def schedule(request, pk):
    current = _issue(pk)
    form = ScheduleForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Not scheduled: " + " ".join(form.errors.get("send_at", [])))
        return redirect(current.get_staff_url())
    try:
        delivery.schedule(current, form.cleaned_data["send_at"])
    except delivery.SendRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, "Scheduled. You can still edit it until it goes out.")
    return redirect(current.get_staff_url())


@staff_only
@require_POST
def unschedule(request, pk):
    current = _issue(pk)
    delivery.unschedule(current)
    messages.success(request, "No longer scheduled: the issue is a draft again.")
    return redirect(current.get_staff_url())


@staff_only
@require_POST
def send(request, pk):
    current = _issue(pk)
    try:
        delivery.send_now(current, sender=request.user)
    except delivery.SendRefused as refusal:
        messages.error(request, str(refusal))
        return redirect(current.get_staff_url())
    messages.success(request, f"Issue {current.number} of {current.mailing_list.name} is "
                     "on its way to every subscriber.")  # fmt: skip
    return redirect(current.get_staff_url())


@staff_only
@require_POST
def discard(request, pk):
    current = _issue(pk)
    if current.status == IssueStatus.SENT:
        messages.error(request, "A sent issue is kept as a record.")
        return redirect(current.get_staff_url())
    current.delete()
    messages.success(request, f"Discarded the draft of issue {current.number}.")
    return redirect("updates:staff_index")
