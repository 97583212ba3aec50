"""RSS and Atom feeds of the latest status changes of published recommendations.

Corrected entries are left out (their correction appears instead), so a feed reader never
shows a status that the timeline no longer counts.
"""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from influence.models import StatusChange
from influence.services import visibility

FEED_SIZE = 40


class StatusChangesFeed(Feed):
    description_template = None

    def title(self, obj=None):
        return f"{settings.SITE_NAME}: recommendation updates"

    def link(self, obj=None):
        return reverse("influence:tracker")

    def description(self, obj=None):
        return "The latest responses to the alliance's recommendations, body by body."

    subtitle = description

    def items(self, obj=None):
        return (
            StatusChange.objects.filter(
                visibility.public("recommendation__"), corrected_by__isnull=True
            )
            .select_related("recommendation", "target")
            .order_by("-happened_on", "-recorded_at", "-pk")[:FEED_SIZE]
        )

    def item_title(self, item):
        return f"{item.recommendation.title}: {item.get_status_display()} ({item.target.name})"

    def item_description(self, item):
        return item.note or f"{item.target.name}: {item.get_status_display()}."

    def item_link(self, item):
        return f"{item.recommendation.get_absolute_url()}#entry-{item.pk}"

    def item_guid(self, item):
        return f"{settings.SITE_URL.rstrip('/')}{self.item_link(item)}"

    item_guid_is_permalink = True

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.happened_on, datetime.time()))

    def item_updateddate(self, item):
        return item.recorded_at

    def item_categories(self, item):
        return [item.target.name, item.get_status_display()]


class StatusChangesAtomFeed(StatusChangesFeed):
    feed_type = Atom1Feed

    def link(self, obj=None):
        return reverse("influence:feed_atom")
