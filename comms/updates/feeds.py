"""RSS and Atom feeds of a public list's sent issues (django.contrib.syndication).
Members-only lists have no feed: a feed reader cannot sign in."""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from comms.models import MailingList
from comms.updates import access, rendering
from comms.updates.models import IssueStatus

FEED_SIZE = 30


class IssuesRss(Feed):
    def get_object(self, request, list_slug):
        mailing_list = get_object_or_404(MailingList, slug=list_slug)
        if not access.is_public(mailing_list):
            raise Http404("Members-only lists have no public feed.")
        return mailing_list

    def title(self, mailing_list):
        return f"{mailing_list.name} · {settings.SITE_NAME}"

    def link(self, mailing_list):
        return reverse("updates:list", args=[mailing_list.slug])

    def description(self, mailing_list):
        return f"Every issue of {mailing_list.name}, as sent."

    def items(self, mailing_list):
        return (
            mailing_list.update_issues.filter(status=IssueStatus.SENT)
            .select_related("mailing_list")
            .order_by("-number")[:FEED_SIZE]
        )

    def item_title(self, issue):
        return issue.title

    def item_description(self, issue):
        return rendering.summary_of(issue)

    def item_link(self, issue):
        return issue.get_absolute_url()

    def item_pubdate(self, issue):
        return issue.sent_at

    def item_updateddate(self, issue):
        return issue.sent_at or timezone.make_aware(
            datetime.datetime.combine(issue.period_end, datetime.time.min)
        )


class IssuesAtom(IssuesRss):
    feed_type = Atom1Feed
    subtitle = IssuesRss.description
