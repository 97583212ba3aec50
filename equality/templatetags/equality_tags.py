from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# A fixed string with nothing interpolated (format_html without arguments is deprecated).
HIDDEN = mark_safe('<abbr title="hidden to protect privacy">[c]</abbr>')  # noqa: S308


@register.simple_tag
def figure(value, no_percent=False):
    """A count with its percentage, or the hidden mark (the percentage goes with it)."""
    if value is None or value.hidden:
        return HIDDEN
    if no_percent or value.percent is None:
        return format_html("{}", value.count)
    return format_html("{} <small>({}%)</small>", value.count, value.percent)


@register.simple_tag
def percent(value):
    if value is None or value.percent is None:
        return HIDDEN
    return format_html("{}%", value.percent)
