"""Clearly fictional ways to reach the demo organisations, so profiles show the feature.

Every address is under example.org (reserved for examples) and every number is in Ofcom's
range for drama (020 7946 0000 to 0999), so nothing here reaches a real organisation.
A few organisations get a logo drawn from their initials.
"""

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFont

from core.lib.images import fitted_png
from members.models import Organisation

# Soft, dark-enough colours for white initials (contrast above 4.5:1 against white).
LOGO_COLOURS = ["#1d4f91", "#7a2e5a", "#2f6b3a", "#8a4b08", "#4b3f8f", "#0f6570"]
DEMO_LOGOS = 24


def demo_contact(index: int, slug: str) -> dict:
    host = f"{slug[:40].strip('-')}.example.org"
    return {
        "website": f"https://{host}/",
        "email": f"info@{host}",
        "phone": f"020 7946 {index % 1000:04d}",
    }


def initials(name: str) -> str:
    words = [word for word in name.replace("-", " ").split() if word[:1].isalnum()]
    skip = {"the", "of", "and", "for", "&"}
    letters = [word[0] for word in words if word.lower() not in skip] or [name[:1]]
    return "".join(letters[:3]).upper()


def initials_logo(name: str, colour: str) -> bytes:
    image = Image.new("RGB", (240, 240), colour)
    draw = ImageDraw.Draw(image)
    text = initials(name)
    font = ImageFont.load_default(size=110 if len(text) < 3 else 80)
    draw.text((120, 122), text, fill="white", font=font, anchor="mm")
    return fitted_png(image, 240)


def add_demo_logos(organisations: list[Organisation]) -> int:
    """Logos for the first few of `organisations`, one small PNG file each."""
    for number, organisation in enumerate(organisations[:DEMO_LOGOS]):
        colour = LOGO_COLOURS[number % len(LOGO_COLOURS)]
        organisation.logo.save(
            f"{organisation.slug}.png",
            ContentFile(initials_logo(organisation.name, colour)),
            save=False,
        )
        organisation.save(update_fields=["logo"])
    return min(len(organisations), DEMO_LOGOS)
