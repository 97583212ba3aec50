"""RSS and Atom feeds of the latest published resources, overall and per topic."""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from library import services
from taxonomy.models import Term

FEED_SIZE = 30


class LatestResourcesFeed(Feed):
    description_template = None

    def title(self, obj=None):
        return f"{settings.SITE_NAME}: latest from the library"

    def link(self, obj=None):
        return reverse("library:feed_rss")

    def description(self, obj=None):
        return "The newest reports, briefings and evidence published in the library."

    subtitle = description

    def items(self, obj=None):
        return (
            services.published()
            .prefetch_related("author_organisations", "author_people", "themes", "parts")
            .order_by("-published_on", "-created_at")[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary or item.get_kind_display()

    def item_link(self, item):
        return item.get_absolute_url()

    def item_guid(self, item):
        return f"{settings.SITE_URL.rstrip('/')}{item.get_absolute_url()}"

    item_guid_is_permalink = True

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.published_on, datetime.time()))

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        names = [o.name for o in item.author_organisations.all()]
        names += [p.name for p in item.author_people.all()]
        return ", ".join(names) or None

    def item_categories(self, item):
        return [term.name for term in (*item.parts.all(), *item.themes.all())]


class LatestResourcesAtomFeed(LatestResourcesFeed):
    feed_type = Atom1Feed

    def link(self, obj=None):
        return reverse("library:feed_atom")


class TopicResourcesFeed(LatestResourcesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Term, slug=slug)

    def title(self, obj=None):
        return f"{settings.SITE_NAME}: latest resources on {obj.name}"

    def link(self, obj=None):
        return obj.get_absolute_url()

    def description(self, obj=None):
        return f"The newest resources in the library tagged {obj.name}."

    subtitle = description

    def items(self, obj=None):
        return services.latest_on_topic(obj, limit=FEED_SIZE).prefetch_related(
            "author_organisations", "author_people", "themes", "parts"
        )


class TopicResourcesAtomFeed(TopicResourcesFeed):
    feed_type = Atom1Feed
