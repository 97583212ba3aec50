"""Upcoming events, for member updates (core.registries.changes)."""

from django.utils import timezone
from django.utils.formats import date_format

from core.registries import changes
from events.models import Event, EventStatus, Visibility


def upcoming_events(since, until, *, networks=None, topics=None) -> list[changes.ChangeItem]:
    """Published events starting in the look-ahead after the period (the status and
    starts_at index). Members' events are members-only items; invitation-only ones are
    never announced."""
    start, end = changes.period_bounds(*changes.lookahead(until))
    found = Event.objects.filter(
        status=EventStatus.PUBLISHED, starts_at__gte=start, starts_at__lt=end
    ).exclude(visibility=Visibility.INVITATION)
    found = changes.narrow(found, networks=networks, topics=topics, topic_relations=("topics",))
    rows = list(
        found.only("pk", "title", "slug", "summary", "kind", "format", "starts_at", "visibility")
    )
    pks = [row.pk for row in rows]
    network_ids = changes.related_ids(Event, "networks", pks)
    topic_ids = changes.related_ids(Event, "topics", pks)
    items = []
    for row in rows:
        starts = timezone.localtime(row.starts_at)
        when = date_format(starts, "l j F Y, H:i")
        items.append(
            changes.ChangeItem(
                kind="events.upcoming",
                title=row.title,
                summary=f"{row.get_kind_display()}, {row.get_format_display().lower()}, "
                f"{when}. {row.summary}",
                url=row.get_absolute_url(),
                when=starts.date(),
                app="events",
                key=f"events.upcoming:{row.pk}",
                networks=network_ids.get(row.pk, frozenset()),
                topics=topic_ids.get(row.pk, frozenset()),
                public=row.visibility == Visibility.PUBLIC,
                upcoming=True,
            )
        )
    return items
