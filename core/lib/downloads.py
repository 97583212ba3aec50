"""Responses that download as a file, never shown inline in the browser.

The Content-Disposition header is always Django's `content_disposition_header`: an ASCII
name as `attachment; filename="name.csv"` (quotes and backslashes escaped), any other name as
RFC 5987's `filename*=utf-8''...`, so no name can break the header.
"""

from django.http import FileResponse, Http404, HttpResponseBase
from django.utils.http import content_disposition_header


def as_attachment(response: HttpResponseBase, filename: str) -> HttpResponseBase:
    """`response` (in memory or streaming) marked as a download named `filename`."""
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def attachment(stored_file, filename: str, content_type: str) -> FileResponse:
    """A stored file as an attachment with the given name and type; a 404 if it has gone
    missing from storage (a restored backup without its uploads, say) rather than a server
    error."""
    try:
        handle = stored_file.open("rb")
    except FileNotFoundError as error:
        raise Http404("The file is missing.") from error
    response = FileResponse(handle, as_attachment=True, filename=filename)
    response["Content-Type"] = content_type
    return response
