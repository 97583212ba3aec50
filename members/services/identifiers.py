"""Organisation names and registration numbers: normalising and validating them.

Charity numbers: England and Wales use 6 or 7 digits (sometimes written with a "-1"
subsidiary suffix, which we drop); Scotland "SC" and 6 digits; Northern Ireland "NIC" and
6 digits. Company numbers are 8 characters: 8 digits, or a 2-letter prefix and 6 digits.
"""

import re
import unicodedata

from django.core.exceptions import ValidationError

CHARITY_NUMBER = re.compile(r"^(\d{6,7}|SC\d{6}|NIC\d{6})$")
COMPANY_NUMBER = re.compile(r"^(\d{8}|(SC|NI|OC|SO|NC|LP|SL|NL|R0|IP|SP|RC|FC)\d{6})$")

# Words that differ between two spellings of one organisation's name.
_NOISE_WORDS = {"the", "ltd", "limited", "cic", "uk", "charity", "trust", "and"}


def normalise_name(name: str) -> str:
    """A key under which "The Forward Trust" and "Forward Trust" meet.

    Accents are folded, "&" becomes "and", punctuation and a few filler words go.
    """
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = text.replace("&", " and ").replace("'", "").replace("’", "")
    words = re.findall(r"[a-z0-9]+", text)
    kept = [word for word in words if word not in _NOISE_WORDS]
    return " ".join(kept or words)


def normalise_charity_number(value: str | None) -> str:
    text = re.sub(r"[\s.]", "", (value or "")).upper()
    return re.sub(r"-\d+$", "", text)


def normalise_company_number(value: str | None) -> str:
    text = re.sub(r"\s", "", (value or "")).upper()
    if text.isdigit() and 0 < len(text) < 8:
        text = text.zfill(8)
    return text


def validate_charity_number(value: str) -> None:
    if value and not CHARITY_NUMBER.match(normalise_charity_number(value)):
        raise ValidationError(
            "Enter a registered charity number: 6 or 7 digits for England and Wales, "
            "SC and 6 digits for Scotland, or NIC and 6 digits for Northern Ireland.",
            code="invalid_charity_number",
        )


def validate_company_number(value: str) -> None:
    if value and not COMPANY_NUMBER.match(normalise_company_number(value)):
        raise ValidationError(
            "Enter a Companies House number: 8 digits, or 2 letters and 6 digits "
            "(for example 01234567 or SC123456).",
            code="invalid_company_number",
        )


PHONE_NUMBER = re.compile(r"^\+?[0-9][0-9 ()-]{5,28}$")


def validate_phone(value: str) -> None:
    """A telephone number as people write it: digits, spaces, brackets, dashes, a leading +."""
    digits = sum(character.isdigit() for character in value or "")
    if value and (not PHONE_NUMBER.match(value.strip()) or not 7 <= digits <= 15):
        raise ValidationError(
            "Enter a telephone number using digits and spaces, for example 020 7946 0123 "
            "or +44 20 7946 0123.",
            code="invalid_phone",
        )
