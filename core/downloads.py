"""Sending a stored upload back as a download, never shown inline in the browser."""

from django.http import FileResponse, Http404


def attachment(stored_file, filename: str, content_type: str) -> FileResponse:
    """The file as an attachment with the given name and type; a 404 if it has gone missing
    from storage (a restored backup without its uploads, say) rather than a server error."""
    try:
        handle = stored_file.open("rb")
    except FileNotFoundError as error:
        raise Http404("The file is missing.") from error
    response = FileResponse(handle, as_attachment=True, filename=filename)
    response["Content-Type"] = content_type
    return response
