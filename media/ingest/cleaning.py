"""Turning what a source sent into the plain values an Article keeps.

Sources send HTML where text is expected, dates in a dozen formats and bylines with the
reporter's email address in them. The monitor keeps plain text, aware datetimes and a name:
no email addresses or phone numbers, so no personal data beyond the byline is stored.
"""

import datetime
import email.utils
import html
import re

import nh3
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

_TAG = re.compile(r"<[a-zA-Z!/][^>]*>")
_BLOCK_END = re.compile(r"</(p|div|h[1-6]|li|blockquote|tr)>|<br\s*/?>", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n\s*\n\s*")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# UK and international numbers: +44 20 7946 0000, 020 7946 0000, (0161) 496 0000.
_PHONE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)[\s.-]?)?\d[\d\s.-]{7,}\d")
_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]|<\s*>")
_BYLINE_PREFIX = re.compile(r"^\s*by\s+", re.IGNORECASE)

EARLIEST = datetime.datetime(1900, 1, 1, tzinfo=datetime.UTC)
# A feed's clock can run a little ahead of ours; more than a day ahead is a wrong date.
FUTURE_ALLOWANCE = datetime.timedelta(days=1)


class BadValue(ValueError):
    """A value that cannot be used, with a reason a person can act on."""


def plain_text(value: str) -> str:
    """Text without markup: tags dropped (paragraph ends kept as blank lines), entities
    decoded, runs of spaces collapsed."""
    value = value or ""
    if _TAG.search(value):
        value = _BLOCK_END.sub("\n\n", value)
        value = html.unescape(nh3.clean(value, tags=set(), clean_content_tags={"script", "style"}))
    value = _SPACES.sub(" ", value)
    return _BLANK_LINES.sub("\n\n", value).strip()


def strip_contact_details(value: str) -> str:
    """The value without email addresses and phone numbers."""
    value = _PHONE.sub("", _EMAIL.sub("", value or ""))
    value = _EMPTY_BRACKETS.sub("", value)
    value = _SPACES.sub(" ", value).strip(" ,;|-/")
    # "jo@example.com (Jo Bloggs)", the RSS way of giving a name, leaves "(Jo Bloggs)".
    if value.startswith("(") and value.endswith(")"):
        value = value[1:-1].strip()
    return value


def clean_byline(value: str) -> str:
    """A reporter's name as a byline: no markup, contact details or leading "By"."""
    return _BYLINE_PREFIX.sub("", strip_contact_details(plain_text(value)))[:300].strip()


def parse_published(value) -> datetime.datetime:
    """An aware datetime from an ISO 8601 date or datetime, an RFC 2822 date (feeds), a
    datetime or a time.struct_time. Naive times are taken as UK time."""
    if value is None or value == "":
        raise BadValue("It has no publication date.")
    moment = None
    if isinstance(value, datetime.datetime):
        moment = value
    elif isinstance(value, datetime.date):
        moment = datetime.datetime.combine(value, datetime.time(12))
    elif hasattr(value, "tm_year"):  # feedparser's parsed dates, always UTC
        moment = datetime.datetime(*value[:6], tzinfo=datetime.UTC)
    else:
        text = str(value).strip()
        try:
            moment = parse_datetime(text)
            if moment is None and (day := parse_date(text)) is not None:
                moment = datetime.datetime.combine(day, datetime.time(12))
        except ValueError:
            moment = None
        if moment is None:
            try:
                moment = email.utils.parsedate_to_datetime(text)
            except (TypeError, ValueError, IndexError):
                moment = None
    if moment is None:
        raise BadValue(
            f"Its date '{str(value)[:40]}' is not a date (use 2025-03-31 or 2025-03-31T09:30)."
        )
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    if moment < EARLIEST:
        raise BadValue(f"Its date {moment:%d %B %Y} is before 1900.")
    if moment > timezone.now() + FUTURE_ALLOWANCE:
        raise BadValue(f"Its date {moment:%d %B %Y} is in the future.")
    return moment.replace(microsecond=0)
