"""The public awards pages: what is open, each cycle and category, nominating, a nominee's
consent, the winners' archive and certificates."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from awards.forms import NominationForm
from awards.models import Category, Consent, Cycle, Nomination
from awards.services import archive, certificates, nominating, screening
from core.lib.downloads import as_attachment
from core.lib.form_pages import add_service_errors, posted, posted_files
from core.lib.markdown import render_markdown
from core.lib.ratelimit import hit
from core.lib.uploads import declared_too_large
from members.services.applications import screening as form_checks

NOMINATE_LIMIT = 10
NOMINATE_WINDOW_SECONDS = 60 * 60

TOO_FAST = (
    "That was quicker than we expect anyone to fill in this form, so we have not saved it yet. "
    "Please check your nomination, choose any supporting files again, and send it."
)
REFUSALS = {
    "rate_limited": "This form has been sent too many times from your connection in the last "
    "hour, so we have not saved it. Please wait an hour and try again.",
    "spam": "Your nomination looked like it had been sent automatically, so we have not saved "
    "it. If you filled it in yourself, we are sorry: please go back and send it again.",
    "too_large": "The files are too large to send together. Send smaller files.",
}


def index(request):
    context = {
        "cycles": archive.current_cycles(),
        "open_categories": archive.open_categories(),
        "recent_winners": list(archive.public_winners()[:6]),
    }
    return render(request, "awards/index.html", context)


def cycle(request, cycle):
    found = get_object_or_404(Cycle.objects.select_related("scheme"), slug=cycle)
    categories = found.categories.prefetch_related("criteria")
    rows = [(c, list(archive.public_shortlist(c))) for c in categories]
    context = {
        "cycle": found,
        "rows": rows,
        "description": render_markdown(found.scheme.description),
    }
    return render(request, "awards/cycle.html", context)


def _category(cycle, slug) -> Category:
    return get_object_or_404(
        Category.objects.select_related("cycle__scheme"), cycle__slug=cycle, slug=slug
    )


def category(request, cycle, slug):
    found = _category(cycle, slug)
    context = {
        "category": found,
        "cycle": found.cycle,
        "criteria": found.criteria.all(),
        "judges": found.panel.filter(named_publicly=True).select_related("judge", "organisation"),
        "shortlist": archive.public_shortlist(found),
    }
    return render(request, "awards/category.html", context)


def _refuse(request, category, reason, status):
    context = {"category": category, "cycle": category.cycle, "refusal": REFUSALS[reason]}
    response = render(request, "awards/nominate.html", context, status=status)
    if status == 429:
        response["Retry-After"] = str(NOMINATE_WINDOW_SECONDS)
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def nominate(request, cycle, slug):
    found = _category(cycle, slug)
    too_fast = False
    if request.method == "POST":
        if declared_too_large(request):
            return _refuse(request, found, "too_large", 413)
        if not hit("awards-nomination", request, NOMINATE_LIMIT, NOMINATE_WINDOW_SECONDS):
            return _refuse(request, found, "rate_limited", 429)
        check = form_checks.screen_submission(
            request.POST.get("nominee_alias", ""), request.POST.get("form_token", "")
        )
        if check in (form_checks.FormCheck.HONEYPOT, form_checks.FormCheck.INVALID):
            return _refuse(request, found, "spam", 400)
        too_fast = check is form_checks.FormCheck.TOO_FAST
    initial = {}
    if request.user.is_authenticated:
        initial = {"nominator_name": request.user.name, "nominator_email": request.user.email}
    form = NominationForm(found, posted(request), posted_files(request), initial=initial)
    status = 200
    if form.is_bound:
        status = 400
        if too_fast and form.is_valid():
            # Sent within seconds of opening: a person who was quick (or checking what the
            # form asks) keeps what they wrote, with a fresh token, and sends it again.
            again = request.POST.copy()
            again["form_token"] = form_checks.make_form_token()
            form = NominationForm(found, again, initial=initial)
            form.add_error(None, TOO_FAST)
        elif form.is_valid():
            try:
                nominating.submit(found, form.cleaned_data, form.uploads(), request.user)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                return redirect("awards:nominated", cycle=cycle, slug=slug)
    context = {"category": found, "cycle": found.cycle, "form": form}
    return render(request, "awards/nominate.html", context, status=status)


def nominated(request, cycle, slug):
    found = _category(cycle, slug)
    return render(request, "awards/nominated.html", {"category": found, "cycle": found.cycle})


@never_cache
@require_http_methods(["GET", "POST"])
def consent(request, key):
    """The nominee's answer, from the link in their email: the key is the permission."""
    nomination = get_object_or_404(
        Nomination.objects.select_related("category__cycle__scheme"), consent_key=key
    )
    if nomination.consent == Consent.NOT_NEEDED:
        raise Http404
    if request.method == "POST" and request.POST.get("answer") in ("yes", "no"):
        screening.record_consent(nomination, request.POST["answer"] == "yes")
        messages.success(request, "Thank you: we have recorded your answer.")
        return redirect("awards:consent", key=key)
    return render(request, "awards/consent.html", {"nomination": nomination})


def winners(request):
    context = {"listing": archive.listing(request.GET)}
    # htmx (a facet or page link) asks for the listing only.
    template = "awards/_winners_body.html" if request.htmx else "awards/winners.html"
    return render(request, template, context)


def certificate(request, pk):
    nomination = get_object_or_404(archive.public_winners(), pk=pk)
    response = HttpResponse(
        certificates.render_certificate(nomination), content_type="application/pdf"
    )
    return as_attachment(response, certificates.filename(nomination))
