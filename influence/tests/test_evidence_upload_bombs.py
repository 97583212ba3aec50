"""Evidence files go through the shared upload layer's expansion checks (issue 11)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from core.lib.uploads import UploadRefused
from core.tests.bombs import MB, docx_bomb, pdf_bomb
from influence.forms import evidence_kind


@pytest.mark.parametrize("build, name", [(docx_bomb, "letter.docx"), (pdf_bomb, "letter.pdf")])
def test_an_evidence_file_that_is_a_decompression_bomb_is_refused(settings, build, name):
    settings.MAX_EXPANDED_BYTES = 2 * MB

    with pytest.raises(UploadRefused, match="would expand to more than"):
        evidence_kind(SimpleUploadedFile(name, build(8 * MB)))
