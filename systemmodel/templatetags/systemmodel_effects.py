from django import template

from systemmodel.services.modelled_effect import effects_for_recommendation

register = template.Library()


@register.inclusion_tag("systemmodel/_modelled_effect.html")
def modelled_effect(recommendation):
    """{% load systemmodel_effects %}{% modelled_effect recommendation %} on a
    recommendation's page: its published scenarios' modelled effects, or nothing."""
    return {"modelled": effects_for_recommendation(recommendation)}
