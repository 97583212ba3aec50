"""The submission as a PDF, from submission.services.document (publishable content only).

WeasyPrint lays out an HTML page made for print: a cover with the alliance's name and logo,
a table of contents whose page numbers come from `target-counter`, and a running header and
"Page n of m" footer on every page after the cover. The page's styles are inline and the logo
is a data: URL, so rendering never touches the network or the disk.
"""

from django.template.loader import render_to_string

from consultations.submission.services.document import Document
from core.lib import branding


class NoFetching(Exception):
    pass


def _refusing_fetcher():
    """A WeasyPrint fetcher that reads data: URLs and refuses everything else.

    WeasyPrint (from version 68) expects a fetcher object, not a bare function: with a bare
    function, the first refused URL (an image in a member's narrative, say) crashed the whole
    export instead of leaving the image out."""
    from weasyprint.urls import URLFetcher

    class RefusingFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            raise NoFetching(f"Refused to fetch {url[:80]} while making a PDF.")

    return RefusingFetcher(allowed_protocols=["data"])


def render_pdf(document: Document) -> bytes:
    from weasyprint import HTML  # imported here: loading Pango is slow and most pages never do

    logo = branding.site_logo()
    html = render_to_string(
        "consultations/submission/document_pdf.html",
        {"document": document, "logo_uri": logo.data_uri if logo else ""},
    )
    return HTML(string=html, base_url=None, url_fetcher=_refusing_fetcher()).write_pdf()
