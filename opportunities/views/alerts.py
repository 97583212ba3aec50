"""Email alerts for the board's filters: set one up, confirm it, unsubscribe."""

from django import forms
from django.contrib import messages
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from core.lib import ratelimit
from opportunities.services import alerts


class AlertForm(forms.Form):
    email = forms.EmailField(max_length=254)
    filters = forms.CharField(max_length=500, required=False, widget=forms.HiddenInput)
    consent = forms.BooleanField(
        error_messages={"required": "Tick the box to agree to the alert emails."}
    )
    website = forms.CharField(required=False)  # left empty by people; bots fill it


@require_POST
def create(request):
    form = AlertForm(request.POST)
    back = reverse("opportunities:index")
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, f"The alert was not set up: {error}")
        return redirect(back)
    filters = form.cleaned_data["filters"]
    back = f"{back}?{filters}" if filters else back
    if form.cleaned_data["website"]:
        return redirect(back)
    if not ratelimit.hit("opportunity-alerts", request, 10, 3600):
        messages.error(request, "Too many alerts set up from here; please try again later.")
        return redirect(back)
    try:
        alert = alerts.create(
            form.cleaned_data["email"],
            QueryDict(filters),
            user=request.user,
            base_url=request.build_absolute_uri("/").rstrip("/"),
        )
    except alerts.AlertRefused as refusal:
        messages.error(request, str(refusal))
        return redirect(back)
    if alert.confirmed_at:
        messages.success(request, f"Alert set up: {alert.description}.")
    else:
        messages.success(request, "Nearly done: we have emailed you a link to confirm the alert.")
    return redirect(back)


def confirm(request, token):
    alert = alerts.confirm(token)
    return render(request, "opportunities/alert_confirmed.html", {"alert": alert})


def unsubscribe(request, token):
    done = None
    if request.method == "POST":
        done = alerts.unsubscribe(token)
    return render(request, "opportunities/alert_unsubscribe.html", {"done": done})
