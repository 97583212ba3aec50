"""Event times in words, in Europe/London, UK style: "Tuesday 3 March 2026, 10:00 to 12:30"."""

from django.utils import timezone
from django.utils.dateformat import format as date_format

DAY = "l j F Y"
TIME = "H:i"


def uk_datetime(moment) -> str:
    if moment is None:
        return ""
    local = timezone.localtime(moment)
    return f"{date_format(local, DAY)}, {date_format(local, TIME)}"


def event_when(event) -> str:
    start, end = timezone.localtime(event.starts_at), timezone.localtime(event.ends_at)
    if start.date() == end.date():
        return f"{uk_datetime(start)} to {date_format(end, TIME)} (UK time)"
    return f"{uk_datetime(start)} to {uk_datetime(end)} (UK time)"
