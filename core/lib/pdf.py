"""HTML to PDF with WeasyPrint, never touching the network or the disk.

Every PDF the project makes goes through here. Its fetcher reads data: URLs (a logo
embedded in the page) and refuses everything else. WeasyPrint (from version 68) expects a
fetcher object rather than a bare function: with a bare function, the first refused URL (an
image in a member's narrative, say) crashed the whole PDF instead of leaving the image out.
"""


class NoFetching(Exception):
    pass


def refusing_fetcher():
    from weasyprint.urls import URLFetcher

    class RefusingFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            raise NoFetching(f"Refused to fetch {url[:80]} while making a PDF.")

    return RefusingFetcher(allowed_protocols=["data"])


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML  # imported here: loading Pango is slow and most pages never do

    return HTML(string=html, base_url=None, url_fetcher=refusing_fetcher()).write_pdf()
