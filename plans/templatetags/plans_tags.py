from django import template
from django.utils.safestring import mark_safe

from core.lib.markdown import render_markdown

register = template.Library()


@register.filter
def md(source):
    """Staff's Markdown, sanitised by the shared renderer."""
    return mark_safe(render_markdown(source or ""))  # noqa: S308 - render_markdown sanitises


@register.filter
def figure(value, unit=""):
    """A figure for reading: whole numbers without decimals, percentages with a sign."""
    if value is None or value == "":
        return "—"
    number = float(value)
    text = f"{number:,.0f}" if number == int(number) else f"{number:,.1f}"
    return {"percent": f"{text}%", "days": f"{text} days", "pounds": f"£{text}"}.get(unit, text)


@register.filter
def get(mapping, key):
    return (mapping or {}).get(str(key))


@register.filter
def status_class(value):
    return f"status-{value}".replace("_", "-")


@register.filter
def uk_date(value):
    """An ISO date kept in a report's frozen content, as a reader writes it: 31 March 2026."""
    import datetime

    try:
        return f"{datetime.date.fromisoformat(str(value)):%-d %B %Y}"
    except ValueError:
        return value
