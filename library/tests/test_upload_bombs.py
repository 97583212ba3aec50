"""Library uploads go through the shared upload layer's expansion checks (issue 11)."""

from django.core.files.uploadedfile import SimpleUploadedFile

from core.tests.bombs import MB, docx_bomb
from library.forms import ResourceForm


def test_a_library_upload_that_is_a_decompression_bomb_is_refused_beside_the_field(settings):
    settings.MAX_EXPANDED_BYTES = 2 * MB
    form = ResourceForm(files={"upload": SimpleUploadedFile("report.docx", docx_bomb(8 * MB))})

    form.is_valid()

    assert "would expand to more than" in " ".join(form.errors.get("upload", []))
