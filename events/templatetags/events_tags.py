from django import template

from events import timefmt

register = template.Library()

register.filter("event_when", timefmt.event_when)
register.filter("uk_datetime", timefmt.uk_datetime)
