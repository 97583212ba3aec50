"""Pages for people (preferences, sign-up, unsubscribe) and for staff (sends in progress).

Pages reached from an email's signed link never ask anyone to sign in, and answer the same
whether or not the address is known, so nobody can learn from them who is on a list.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from comms.forms import LinkRequestForm, OrganisationMailForm, PreferencesForm, SignupForm
from comms.models import Audience, Mailing, MailingList
from comms.services import organisation_mail as org_mail
from comms.services import outcomes, sending, tokens
from comms.services import preferences as prefs
from comms.services import render as email_render
from comms.services.suppression import unsubscribe as do_unsubscribe
from core.lib import ratelimit
from core.roles import staff_required

staff_only = staff_required("Only the alliance's staff can see the mail being sent.")


def _refused(request, reason: str, status: int = 400):
    return render(request, "comms/link_refused.html", {"reason": reason}, status=status)


def _preferences_page(request, email: str, *, user=None, source: str):
    choices = prefs.choices_for(email, user)
    form = PreferencesForm(choices, request.POST or None)
    if request.method == "POST" and form.is_valid():
        prefs.save(email, form.wanted(), [c.mailing_list for c in choices], source)
        messages.success(request, "Your email preferences are saved.")
        return redirect(request.path)
    return render(
        request,
        "comms/preferences.html",
        {"form": form, "email": email, "organisations": _own_organisations(user)},
    )


def _own_organisations(user):
    """The organisations a signed-in member contact speaks for (staff reach theirs from the
    organisation's address, not from a list of every member)."""
    from core.roles import is_staff_member
    from members.services.permissions import editable_organisations

    if user is None or not user.is_authenticated or is_staff_member(user):
        return []
    return list(editable_organisations(user).order_by("name"))


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def organisation_mail(request, slug):
    """Whether a member organisation gets the member update, and who receives it: for the
    organisation's own contacts and the staff of its networks."""
    from members.models import Organisation
    from members.services.permissions import can_edit_organisation

    organisation = get_object_or_404(Organisation, slug=slug)
    if not can_edit_organisation(request.user, organisation):
        raise PermissionDenied("Only this organisation's contacts and its network staff can.")
    choices = org_mail.choices_for(organisation)
    contacts = org_mail.contacts_of(organisation)
    form = OrganisationMailForm(choices, contacts, request.POST or None)
    if request.method == "POST" and form.is_valid():
        org_mail.save(organisation, form.receives(), form.cleaned_data["contacts"])
        messages.success(request, f"{organisation.name}'s email choices are saved.")
        return redirect(request.path)
    return render(
        request,
        "comms/organisation_mail.html",
        {"form": form, "organisation": organisation},
        status=400 if form.errors else 200,
    )


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def preferences(request):
    return _preferences_page(
        request, request.user.email, user=request.user, source="Preferences page (signed in)"
    )


@never_cache
@require_http_methods(["GET", "POST"])
def preferences_link(request, token):
    try:
        email, _ = tokens.read(tokens.PREFERENCES, token)
    except tokens.LinkRefused as refused:
        return _refused(request, refused.reason)
    return _preferences_page(request, email, source="Preferences page (link in an email)")


@never_cache
@require_http_methods(["GET", "POST"])
def request_link(request):
    """Ask for a preferences link by email. The answer never says whether we know the
    address."""
    form = LinkRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if (
            not ratelimit.hit("comms-link", request, 5, 3600)
            or not ratelimit.check(
                "comms-link-address", request, 3, 3600, identity=form.cleaned_data["email"].lower()
            ).allowed
        ):
            form.add_error(None, "Too many requests from here; please try again in an hour.")
        else:
            email = form.cleaned_data["email"].lower()
            if prefs.is_known(email):
                sending.send_template(
                    [email],
                    "Your email preferences",
                    "comms/email/preferences_link.txt",
                    {"url": email_render.preferences_url(email)},
                    mail_class=sending.TRANSACTIONAL,
                    kind="comms.preferences_link",
                )
            return render(request, "comms/link_sent.html", {"email": email})
    return render(request, "comms/request_link.html", {"form": form})


@csrf_exempt  # RFC 8058: a mail program POSTs here with no session and no CSRF token
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET: a page with one button. POST (the button, or a mail program's one-click
    "List-Unsubscribe=One-Click"): unsubscribed at once."""
    try:
        email, list_id = tokens.read(tokens.UNSUBSCRIBE, token)
    except tokens.LinkRefused as refused:
        return _refused(request, refused.reason)
    mailing_list = MailingList.objects.filter(pk=list_id).first()
    if mailing_list is None:
        return _refused(request, "gone", status=404)
    if request.method == "POST":
        one_click = request.POST.get("List-Unsubscribe") == "One-Click"
        source = "One-click unsubscribe (mail program)" if one_click else "Unsubscribe page"
        do_unsubscribe(email, mailing_list, source)
        return render(
            request,
            "comms/unsubscribed.html",
            {"mailing_list": mailing_list, "preferences_url": email_render.preferences_url(email)},
        )
    return render(request, "comms/unsubscribe.html", {"mailing_list": mailing_list})


@never_cache
@require_http_methods(["GET", "POST"])
def subscribe(request, slug):
    mailing_list = get_object_or_404(MailingList, slug=slug, is_active=True, is_system=False)
    if mailing_list.audience != Audience.PUBLIC:
        if request.user.is_authenticated:
            return redirect("communications:preferences")
        return render(request, "comms/members_only.html", {"mailing_list": mailing_list})
    wording = prefs.signup_wording(mailing_list)
    form = SignupForm(wording, request.POST or None)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["website"]:
            return render(request, "comms/check_email.html", {"mailing_list": mailing_list})
        email = form.cleaned_data["email"].lower()
        if (
            not ratelimit.hit("comms-signup", request, 10, 3600)
            or not ratelimit.check("comms-signup-address", request, 3, 3600, identity=email).allowed
        ):
            form.add_error(None, "Too many sign-ups from here; please try again in an hour.")
        else:
            subscription = prefs.start_signup(mailing_list, email, "Public sign-up form")
            if subscription is not None:
                token = tokens.make(tokens.CONFIRM, email, mailing_list.pk)
                sending.send_template(
                    [email],
                    f"Confirm: {mailing_list.name}",
                    "comms/email/confirm_signup.txt",
                    {
                        "mailing_list": mailing_list,
                        "url": email_render.absolute(
                            reverse("communications:confirm", args=[token])
                        ),
                    },
                    mail_class=sending.TRANSACTIONAL,
                    kind="comms.confirm_signup",
                )
            return render(request, "comms/check_email.html", {"mailing_list": mailing_list})
    return render(request, "comms/subscribe.html", {"form": form, "mailing_list": mailing_list})


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET shows a button (mail scanners follow links; only a person presses it)."""
    try:
        email, list_id = tokens.read(tokens.CONFIRM, token)
    except tokens.LinkRefused as refused:
        return _refused(request, refused.reason)
    mailing_list = MailingList.objects.filter(pk=list_id).first()
    if mailing_list is None:
        return _refused(request, "gone", status=404)
    if request.method == "POST":
        if prefs.confirm(email, list_id) is None:
            return _refused(request, "gone", status=404)
        return render(
            request,
            "comms/confirmed.html",
            {"mailing_list": mailing_list, "preferences_url": email_render.preferences_url(email)},
        )
    return render(request, "comms/confirm.html", {"mailing_list": mailing_list})


@staff_only
def mailings(request):
    page = Paginator(
        Mailing.objects.select_related("mailing_list").exclude(kind="comms.test"), 30
    ).get_page(request.GET.get("page"))
    return render(request, "comms/staff/mailings.html", {"page": page})


@staff_only
def mailing(request, pk):
    mailing = get_object_or_404(Mailing.objects.select_related("mailing_list", "sender"), pk=pk)
    template = "comms/staff/_progress.html" if request.htmx else "comms/staff/mailing.html"
    uncertain = outcomes.uncertain(mailing).order_by("email")
    context = {
        "mailing": mailing,
        "opened": outcomes.opened_count(mailing),
        "uncertain_count": uncertain.count(),
        "uncertain_shown": list(uncertain.values_list("email", flat=True)[: outcomes.SHOWN]),
    }
    return render(request, template, context)


@staff_only
@require_POST
def resend_uncertain(request, pk):
    """Staff chose, knowingly, to send again to the recipients a crash left uncertain."""
    mailing = get_object_or_404(Mailing, pk=pk)
    expected = request.POST.get("expected", "")
    try:
        if not expected.isdigit():
            raise outcomes.ResendRefused("The page was out of date; look again and retry.")
        count = outcomes.resend_uncertain(mailing, request.user, int(expected))
    except outcomes.ResendRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, f"Sending again to {count} uncertain recipient"
                         f"{'' if count == 1 else 's'}.")  # fmt: skip
    return redirect("communications:mailing", pk=mailing.pk)
