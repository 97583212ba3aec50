"""The pages everyone sees: the board, one listing, the check explainer and the feeds."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from core.lib.markdown import render_markdown
from opportunities.models import CheckLevel
from opportunities.services import access, alerts, listing
from opportunities.services.explainer import CHECKS, check_for

FEED_SIZE = 50


def index(request):
    context = {
        "listing": listing.board(request.GET),
        "may_post": access.may_post(request.user),
        "may_moderate": access.may_moderate(request.user),
        "alert_consent": alerts.CONSENT,
        "feed_query": request.GET.urlencode(),
    }
    template = "opportunities/_board_body.html" if request.htmx else "opportunities/index.html"
    return render(request, template, context)


def detail(request, slug):
    opportunity = get_object_or_404(
        access.visible_to(request.user).select_related("organisation", "region"), slug=slug
    )
    context = {
        "opportunity": opportunity,
        "description_html": render_markdown(opportunity.description),
        "check": check_for(opportunity.check_level),
        "is_open": opportunity.closes_on >= timezone.localdate(),
        "may_edit": access.may_edit(request.user, opportunity),
        "may_moderate": access.may_moderate(request.user),
    }
    return render(request, "opportunities/detail.html", context)


def checks(request):
    return render(
        request,
        "opportunities/checks.html",
        {"checks": CHECKS, "levels": CheckLevel.choices},
    )


class BoardFeed(Feed):
    """RSS of the open listings the address's filters choose (the board's own filters)."""

    title = "Opportunities"
    description = (
        "Jobs, placements, volunteering and board roles open to people with convictions, "
        "with honest information about criminal record checks."
    )

    def get_object(self, request):
        self.params = request.GET
        return None

    def link(self):
        return "/opportunities/"

    def items(self):
        return listing.matching(self.params).select_related("organisation")[:FEED_SIZE]

    def item_title(self, item):
        return f"{item.title} – {item.employer}"

    def item_description(self, item):
        return f"{item.summary} Criminal record check: {item.get_check_level_display()}. " \
               f"Closes {item.closes_on:%-d %B %Y}."  # fmt: skip

    def item_pubdate(self, item):
        return item.published_at


class BoardAtomFeed(BoardFeed):
    feed_type = Atom1Feed
    subtitle = BoardFeed.description


def board_rss(request):
    return BoardFeed()(request)


def board_atom(request):
    return BoardAtomFeed()(request)
