"""Where to sign up for a list: comms' public sign-up page (double opt-in)."""

from django.urls import reverse


def url(mailing_list) -> str:
    return reverse("communications:subscribe", args=[mailing_list.slug])
