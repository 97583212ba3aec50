"""Uploaded pictures (organisation logos): checked by their content and stored small.

A picture is accepted only when its bytes are a PNG or JPEG that Pillow can read and whose
size in pixels is sane (a tiny file can declare a gigantic image); it is then scaled down to
fit a box and stored as PNG, so what is served is always an image we made ourselves.
"""

from io import BytesIO

from PIL import Image, UnidentifiedImageError

from core.lib.uploads import UploadRefused, check_size, read_head, sniff

IMAGES_ACCEPTED = "PNG or JPEG"
# Far above any real logo, far below what would exhaust memory when decoded.
MAX_PIXELS = 25_000_000


def check_image(uploaded) -> Image.Image:
    """The upload as a loaded Pillow image, or UploadRefused with a clear message."""
    check_size(uploaded)
    if sniff(read_head(uploaded), uploaded) not in ("png", "jpg"):
        raise UploadRefused(
            f"This file's content is not a picture we accept, whatever its name says. "
            f"Upload a {IMAGES_ACCEPTED} image."
        )
    try:
        image = Image.open(uploaded)
        width, height = image.size
        if width * height > MAX_PIXELS:
            raise UploadRefused("This picture is too large in pixels; upload a smaller one.")
        image.load()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise UploadRefused(
            f"This picture could not be read. Upload a {IMAGES_ACCEPTED} image."
        ) from error
    finally:
        uploaded.seek(0)
    return image


def fitted_png(image: Image.Image, box: int) -> bytes:
    """The image scaled down (never up) to fit a box × box square, as PNG bytes."""
    image = image.convert("RGBA") if image.mode not in ("RGB", "RGBA") else image.copy()
    image.thumbnail((box, box), Image.Resampling.LANCZOS)
    output = BytesIO()
    image.save(output, format="PNG", optimize=True)
    return output.getvalue()
