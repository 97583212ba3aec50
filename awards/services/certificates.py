"""A winner's certificate as a PDF, laid out by WeasyPrint (as the consultations' PDFs are),
with inline styles and every fetch refused, so rendering never touches the network."""

from django.conf import settings
from django.template.loader import render_to_string

from awards.models import Nomination


class NoFetching(Exception):
    pass


def _refuse_fetch(url, *args, **kwargs):
    raise NoFetching(f"Refused to fetch {url[:80]} while making a certificate.")


def render_certificate(nomination: Nomination) -> bytes:
    from weasyprint import HTML  # imported here: loading Pango is slow and most pages never do

    html = render_to_string(
        "awards/certificate_pdf.html",
        {"nomination": nomination, "category": nomination.category,
         "cycle": nomination.category.cycle, "site_name": settings.SITE_NAME},
    )  # fmt: skip
    return HTML(string=html, base_url=None, url_fetcher=_refuse_fetch).write_pdf()


def filename(nomination: Nomination) -> str:
    from django.utils.text import slugify

    cycle = nomination.category.cycle
    name, scheme = slugify(nomination.nominee_name)[:60], slugify(cycle.scheme.name)[:40]
    return f"{name}-{scheme}-{cycle.year}.pdf"
