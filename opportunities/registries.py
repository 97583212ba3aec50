"""This app's parts of the pages that gather many apps' work: the signed-in home panel,
staff's "needs your attention", navigation, site-wide search and topic pages. Personal data
is registered in opportunities/personal_data.py; organisation profiles include
opportunities/_organisation_opportunities.html."""

from django.db.models import Q
from django.urls import reverse

from core.registries import home, navigation, search
from core.roles import is_staff_member
from opportunities.models import Opportunity, Status
from opportunities.services import access
from taxonomy.sections import TopicSection
from taxonomy.sections import register as register_topic_section

PANEL_SIZE = 5
TOPIC_SIZE = 10


# --- Signed-in home --------------------------------------------------------------------------


def newest_opportunities(request) -> dict | None:
    rows = list(
        access.open_opportunities()
        .select_related("organisation")
        .order_by("-published_at", "-pk")[:PANEL_SIZE]
    )
    if not rows:
        return None
    mine = Opportunity.objects.filter(posted_by=request.user).exclude(status=Status.WITHDRAWN)
    return {
        "opportunities": rows,
        "more_url": reverse("opportunities:index"),
        "mine_count": mine.count(),
        "mine_url": reverse("opportunities:mine"),
    }


home.register(
    home.HomePanel(
        key="opportunities.newest",
        title="New opportunities",
        template="opportunities/_home_panel.html",
        context=newest_opportunities,
        audiences=frozenset({home.MEMBER, home.STAFF}),
        order=45,
    )
)
home.register_attention(
    home.AttentionItem(
        key="opportunities.pending",
        label="opportunity listings to approve",
        count=lambda user: Opportunity.objects.filter(status=Status.PENDING).count(),
        url_name="opportunities:staff_queue",
        order=40,
    )
)

# --- Navigation -----------------------------------------------------------------------------

navigation.register(
    navigation.NavEntry(
        "opportunities", "Opportunities", "opportunities:index", navigation.TAKE_PART, order=25
    )
)
navigation.register(
    navigation.NavEntry(
        "opportunities.staff", "Listings to approve", "opportunities:staff_queue",
        navigation.STAFF_WORK, visible=is_staff_member, order=25,
    )
)  # fmt: skip


# --- Site-wide search -----------------------------------------------------------------------


def search_opportunities(query: str, user, limit: int) -> search.KindResults:
    words = query.split()
    if not words:
        return search.KindResults(total=0, hits=[])
    found = access.open_opportunities()
    for word in words[:8]:
        found = found.filter(
            Q(title__icontains=word)
            | Q(summary__icontains=word)
            | Q(employer_name__icontains=word)
            | Q(organisation__name__icontains=word)
        )
    found = found.select_related("organisation").order_by("closes_on", "pk")
    hits = [
        search.SearchHit(
            title=item.title,
            url=item.get_absolute_url(),
            summary=item.summary,
            meta=f"{item.get_kind_display()} · {item.employer} · "
            f"{item.get_check_level_display()} · closes {item.closes_on:%-d %B %Y}",
        )
        for item in found[:limit]
    ]
    return search.KindResults(total=found.count(), hits=hits)


search.register(
    search.SearchKind(
        key="opportunities",
        label="Opportunities",
        search=search_opportunities,
        more_url=lambda q: reverse("opportunities:index") + "?" + _q(q),
        order=70,
    )
)


def _q(query: str) -> str:
    from urllib.parse import urlencode

    return urlencode({"q": query})


# --- Topic pages ----------------------------------------------------------------------------


def opportunities_on_topic(request, term) -> dict | None:
    from taxonomy.models import Vocabulary

    if term.vocabulary == Vocabulary.PART:
        found, filter_url = access.open_opportunities().filter(parts=term), f"?part={term.slug}"
    elif term.vocabulary == Vocabulary.PLACE:
        found, filter_url = access.open_opportunities().filter(region=term), f"?region={term.slug}"
    else:
        return None
    rows = list(found.select_related("organisation").order_by("closes_on", "pk")[:TOPIC_SIZE])
    if not rows:
        return None
    return {"opportunities": rows, "board_url": reverse("opportunities:index") + filter_url}


register_topic_section(
    TopicSection(
        key="opportunities",
        title="Open opportunities",
        template="opportunities/_topic_opportunities.html",
        context=opportunities_on_topic,
        order=65,
    )
)
