"""The submission as a DOCX or PDF file, rendered once for each exact content and then kept in
the cache, so a forty-page export is only slow the first time it is asked for."""

import hashlib
import json

from django.core.cache import cache

from consultations.submission.services.document import Document
from consultations.submission.services.export_docx import DOCX_CONTENT_TYPE, render_docx
from consultations.submission.services.export_pdf import render_pdf
from core.lib import branding

EXPORT_CACHE_SECONDS = 24 * 60 * 60
CONTENT_TYPES = {"docx": DOCX_CONTENT_TYPE, "pdf": "application/pdf"}


def rendered(document: Document, kind: str) -> bytes:
    """The DOCX or PDF of this exact content, rendered once and then kept in the cache.

    The document is rebuilt on every request, so consent withdrawn since is applied at once
    (the content, and so the key, changes); only the slow rendering is skipped."""
    content = json.dumps([document.to_dict(), branding.brand_key()], sort_keys=True).encode()
    key = f"consultations:export:{kind}:{hashlib.sha256(content).hexdigest()}"
    data = cache.get(key)
    if data is None:
        data = render_docx(document) if kind == "docx" else render_pdf(document)
        cache.set(key, data, EXPORT_CACHE_SECONDS)
    return data
