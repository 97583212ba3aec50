"""Template tags other apps' templates may use to show library content."""

from django import template

from library import services

register = template.Library()


@register.inclusion_tag("library/_organisation_resources_list.html")
def organisation_resources(organisation):
    """The published resources an organisation authored, for its profile page."""
    return {"organisation": organisation, "resources": list(services.resources_by(organisation))}
