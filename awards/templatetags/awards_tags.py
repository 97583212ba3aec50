"""Template tags other apps' templates may use to show awards."""

from django import template

from awards.services import archive

register = template.Library()


@register.inclusion_tag("awards/_organisation_awards_list.html")
def organisation_awards(organisation):
    """The published awards an organisation won, for its profile page."""
    return {"organisation": organisation, "winners": list(archive.winners_of(organisation))}
