"""The submission as a PDF, from submission.services.document (publishable content only).

WeasyPrint lays out an HTML page made for print: the table of contents takes its page
numbers from `target-counter` and every page but the first carries "Page n of m". The
page's styles are inline and every fetch is refused, so rendering never touches the network.
"""

from django.template.loader import render_to_string

from consultations.submission.services.document import Document


class NoFetching(Exception):
    pass


def _refuse_fetch(url, *args, **kwargs):
    """A link in a member's narrative must never make the server fetch it."""
    raise NoFetching(f"Refused to fetch {url[:80]} while making a PDF.")


def render_pdf(document: Document) -> bytes:
    from weasyprint import HTML  # imported here: loading Pango is slow and most pages never do

    html = render_to_string("consultations/submission/document_pdf.html", {"document": document})
    return HTML(string=html, base_url=None, url_fetcher=_refuse_fetch).write_pdf()
