"""The archive of sent updates: /updates/, one list's issues, and one issue's page."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from comms.models import MailingList
from comms.updates import access, rendering, signup
from comms.updates.models import IssueStatus

RECENT = 5
LIST_PAGE = 200


def _readable_list_or_refuse(request, slug):
    mailing_list = get_object_or_404(MailingList.objects.prefetch_related("networks"), slug=slug)
    if not access.may_read(request.user, mailing_list):
        if not request.user.is_authenticated:
            raise _LoginNeeded
        raise PermissionDenied("This update is for the alliance's members.")
    return mailing_list


class _LoginNeeded(Exception):
    pass


def _guard(view):
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except _LoginNeeded:
            return redirect_to_login(request.get_full_path())

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def _latest(mailing_list) -> list:
    sent = mailing_list.update_issues.filter(status=IssueStatus.SENT)
    return list(sent.order_by("-number")[:RECENT])


def archive(request):
    """Every list with a sent issue that this person may read, newest issues first."""
    lists = MailingList.objects.filter(update_issues__status=IssueStatus.SENT).distinct()
    lists = access.readable_lists(request.user, lists.prefetch_related("networks"))
    # A query a list: an installation has a handful of lists, each shows its latest few.
    rows = [(each, _latest(each), signup.url(each)) for each in lists]
    rows.sort(key=lambda row: row[0].name)
    return render(request, "comms/updates/archive.html", {"rows": rows})


@_guard
def list_archive(request, list_slug):
    mailing_list = _readable_list_or_refuse(request, list_slug)
    issues = mailing_list.update_issues.filter(status=IssueStatus.SENT).order_by("-number")
    return render(request, "comms/updates/list.html", {
        "mailing_list": mailing_list, "issues": issues[:LIST_PAGE],
        "public": access.is_public(mailing_list), "signup_url": signup.url(mailing_list),
    })  # fmt: skip


@_guard
def issue(request, list_slug, number):
    mailing_list = _readable_list_or_refuse(request, list_slug)
    found = mailing_list.update_issues.filter(number=number, status=IssueStatus.SENT).first()
    if found is None:
        raise Http404("No such issue.")
    context = rendering.context_of(found)
    context.update(public=access.is_public(mailing_list), signup_url=signup.url(mailing_list))
    neighbours = mailing_list.update_issues.filter(status=IssueStatus.SENT)
    context["previous"] = neighbours.filter(number__lt=number).order_by("-number").first()
    context["next"] = neighbours.filter(number__gt=number).order_by("number").first()
    return render(request, "comms/updates/issue.html", context)
