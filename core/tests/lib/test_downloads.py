"""Downloads: every name makes a safe Content-Disposition header; a missing file is a 404."""

import pytest
from django.core.files.base import ContentFile
from django.http import Http404, HttpResponse, StreamingHttpResponse

from core.lib.downloads import as_attachment, attachment


def test_an_ascii_name_is_quoted_as_it_is():
    response = as_attachment(HttpResponse("x"), "fair-and-square.bib")
    assert response["Content-Disposition"] == 'attachment; filename="fair-and-square.bib"'


def test_quotes_in_a_name_cannot_break_the_header():
    response = as_attachment(HttpResponse("x"), 'say "hi".csv')
    assert response["Content-Disposition"] == 'attachment; filename="say \\"hi\\".csv"'


def test_a_non_ascii_name_uses_rfc_5987():
    response = as_attachment(StreamingHttpResponse(iter(["a"])), "Café report.pdf")
    assert response["Content-Disposition"] == "attachment; filename*=utf-8''Caf%C3%A9%20report.pdf"


def test_a_stored_file_downloads_with_its_name_and_type():
    response = attachment(ContentFile(b"%PDF-1.4", name="a.pdf"), "report.pdf", "application/pdf")
    assert response["Content-Disposition"] == 'attachment; filename="report.pdf"'
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == b"%PDF-1.4"


def test_a_file_gone_from_storage_is_a_404():
    class Missing:
        def open(self, mode):
            raise FileNotFoundError(mode)

    with pytest.raises(Http404):
        attachment(Missing(), "report.pdf", "application/pdf")
