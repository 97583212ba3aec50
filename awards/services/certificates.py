"""A winner's certificate as a PDF, through the project's PDF pipeline (core/lib/pdf.py:
WeasyPrint with every fetch but data: URLs refused, so rendering never touches the network)."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.text import slugify

from awards.models import Nomination
from core.lib.pdf import html_to_pdf


def render_certificate(nomination: Nomination) -> bytes:
    html = render_to_string(
        "awards/certificate_pdf.html",
        {"nomination": nomination, "category": nomination.category,
         "cycle": nomination.category.cycle, "site_name": settings.SITE_NAME},
    )  # fmt: skip
    return html_to_pdf(html)


def filename(nomination: Nomination) -> str:
    cycle = nomination.category.cycle
    name, scheme = slugify(nomination.nominee_name)[:60], slugify(cycle.scheme.name)[:40]
    return f"{name}-{scheme}-{cycle.year}.pdf"
