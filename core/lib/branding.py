"""The installation's own brand for documents made outside a web page (PDF, DOCX).

Pages get the name and logo URL from the context processor; a PDF or Word file needs the
logo's bytes, read from `settings.SITE_LOGO_FILE` (a PNG or JPEG on disk). A missing or
unreadable file leaves the logo out rather than failing an export.
"""

import base64
from dataclasses import dataclass
from functools import cache
from io import BytesIO
from pathlib import Path

from django.conf import settings

from core.lib.uploads import SNIFF_BYTES, sniff


@dataclass(frozen=True)
class Logo:
    data: bytes
    content_type: str

    @property
    def data_uri(self) -> str:
        return f"data:{self.content_type};base64,{base64.b64encode(self.data).decode()}"


def site_name() -> str:
    return settings.SITE_NAME


@cache
def _read_logo(path: str) -> Logo | None:
    try:
        data = Path(path).read_bytes()
    except OSError:
        return None
    kind = sniff(data[:SNIFF_BYTES], BytesIO(data))
    if kind not in ("png", "jpg"):
        return None
    return Logo(data, "image/png" if kind == "png" else "image/jpeg")


def site_logo() -> Logo | None:
    """The alliance's logo as bytes, or None when no usable image is configured."""
    path = getattr(settings, "SITE_LOGO_FILE", "")
    return _read_logo(str(path)) if path else None


def brand_key() -> str:
    """What a cached document's look depends on, for cache keys."""
    return f"{site_name()}|{getattr(settings, 'SITE_LOGO_FILE', '')}"
