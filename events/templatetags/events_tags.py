from django import template

from events import timefmt

register = template.Library()

register.filter("event_when", timefmt.event_when)
register.filter("uk_datetime", timefmt.uk_datetime)


@register.inclusion_tag("events/_organisation_events_list.html", takes_context=True)
def organisation_events(context, organisation):
    """An organisation's profile: the events it co-hosts that this viewer may see and, for
    staff, its engagement (events attended, consultations contributed to, by year)."""
    from events.services import access
    from events.services.engagement import engagement

    request = context.get("request")
    user = request.user if request else None
    if user is None:
        return {"events": [], "attended": None}
    events = access.visible_events(user).filter(co_hosts=organisation).order_by("-starts_at")[:10]
    engaged = engagement(organisation) if access.may_manage(user) else None
    return {"events": list(events), "engagement": engaged, "organisation": organisation}
