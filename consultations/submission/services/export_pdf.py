"""The submission as a PDF, from submission.services.document (publishable content only).

WeasyPrint lays out an HTML page made for print: a cover with the alliance's name and logo,
a table of contents whose page numbers come from `target-counter`, and a running header and
"Page n of m" footer on every page after the cover. The page's styles are inline and the logo
is a data: URL; core.lib.pdf refuses every other fetch, so rendering never touches the
network or the disk.
"""

from django.template.loader import render_to_string

from consultations.submission.services.document import Document
from core.lib import branding
from core.lib.pdf import html_to_pdf


def render_pdf(document: Document) -> bytes:
    logo = branding.site_logo()
    html = render_to_string(
        "consultations/submission/document_pdf.html",
        {"document": document, "logo_uri": logo.data_uri if logo else ""},
    )
    return html_to_pdf(html)
