from django import template

register = template.Library()


@register.inclusion_tag("opportunities/_organisation_opportunities_list.html")
def organisation_opportunities(organisation):
    """An organisation's profile: the roles it has open on the board."""
    from opportunities.services.access import open_opportunities

    roles = open_opportunities().filter(organisation=organisation).order_by("closes_on", "pk")
    return {"opportunities": list(roles[:10]), "organisation": organisation}
