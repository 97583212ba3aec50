"""Template tags other apps' templates may use to show recommendations."""

from django import template
from django.db.models import Q

from influence.models import Evidence, InfluenceActivity
from influence.services import timeline, visibility

register = template.Library()

PROFILE_SIZE = 20


@register.inclusion_tag("influence/organisation_recommendations.html")
def organisation_recommendations(organisation):
    """Published recommendations the organisation helped with, for its profile page: those
    whose influence activities involved it, or whose evidence or sources it authored."""
    involved = InfluenceActivity.recommendations.through.objects.filter(
        influenceactivity__organisations=organisation
    ).values("recommendation_id")
    evidence = Evidence.objects.filter(resource__author_organisations=organisation).values(
        "recommendation_id"
    )
    recommendations = (
        visibility.published()
        .filter(
            Q(pk__in=involved) | Q(pk__in=evidence) | Q(sources__author_organisations=organisation)
        )
        .distinct()
    )
    listed = list(recommendations.order_by("-first_made_on", "title")[:PROFILE_SIZE])
    current = timeline.current_status_rows(listed)
    return {
        "organisation": organisation,
        "rows": [
            {"recommendation": r, "headline": timeline.most_advanced(current[r.pk])} for r in listed
        ],
    }
