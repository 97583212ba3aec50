"""An Atom feed of announcements: shortlists and winners, each on the day it was announced."""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from awards.models import Category
from awards.services import archive

FEED_SIZE = 30


class Announcement:
    def __init__(self, category: Category, kind: str, on: datetime.date, names: list[str]):
        self.category, self.kind, self.on, self.names = category, kind, on, names


def announcements() -> list[Announcement]:
    today = timezone.localdate()
    found = []
    categories = (
        Category.objects.filter(cycle__shortlist_announced_on__lte=today)
        .select_related("cycle__scheme")
        .order_by("-cycle__shortlist_announced_on")[:FEED_SIZE]
    )
    for category in categories:
        cycle = category.cycle
        shortlist = [n.nominee_name for n in archive.public_shortlist(category)]
        if cycle.winners_public:
            winners = [n.nominee_name for n in archive.public_shortlist(category) if n.winner]
            found.append(Announcement(category, "Winner", cycle.winners_published_on, winners))
        if shortlist:
            found.append(
                Announcement(category, "Shortlist", cycle.shortlist_announced_on, shortlist)
            )
    found.sort(key=lambda a: a.on, reverse=True)
    return found[:FEED_SIZE]


class AnnouncementsFeed(Feed):
    feed_type = Atom1Feed

    def title(self):
        return f"{settings.SITE_NAME}: awards announcements"

    def link(self):
        return reverse("awards:index")

    def subtitle(self):
        return "Shortlists and winners of the alliance's awards, as they are announced."

    def items(self):
        return announcements()

    def item_title(self, item):
        label = "Winner" if len(item.names) == 1 else "Winners"
        label = label if item.kind == "Winner" else "Shortlist"
        cycle = item.category.cycle
        return f"{label}: {item.category.name}, {cycle.scheme.name} {cycle.year}"

    def item_description(self, item):
        return ", ".join(item.names) or "Announced."

    def item_link(self, item):
        return item.category.get_absolute_url()

    def item_guid(self, item):
        return (
            f"{settings.SITE_URL.rstrip('/')}{item.category.get_absolute_url()}#{item.kind.lower()}"
        )

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.on, datetime.time(9)))
