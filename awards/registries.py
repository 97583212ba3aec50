"""This app's parts of the pages that gather many apps' work: the judge's home panel,
navigation, site-wide search, topic pages and the personal-data registry."""

from django.db.models import Q
from django.urls import reverse

from awards import changes as awards_changes
from awards.models import NominationStatus
from awards.services import archive, reach, scoring
from core.registries import changes, home, navigation, search
from core.roles import Role, is_staff_member
from taxonomy.sections import TopicSection
from taxonomy.sections import register as register_topic_section

TOPIC_SIZE = 8


# --- Signed-in home: the judge's panels -------------------------------------------------------


def judging_panel(request) -> dict | None:
    rows = [(member, *scoring.progress(member)) for member in scoring.panels_of(request.user)[:5]]
    return {"rows": rows, "more_url": reverse("awards:judge_home")} if rows else None


home.register(
    home.HomePanel(
        key="awards.judging",
        title="Your judging",
        template="awards/_home_panel.html",
        context=judging_panel,
        audiences=frozenset({home.JUDGE}),
        order=10,
    )
)


def _to_screen(user) -> int:
    return reach.nominations_run_by(user).filter(status=NominationStatus.RECEIVED).count()


home.register_attention(
    home.AttentionItem(
        key="awards.to_screen",
        label="award nominations to screen",
        count=_to_screen,
        url_name="awards:staff_index",
        order=60,
    )
)


# --- Navigation -------------------------------------------------------------------------------


def _judges(user) -> bool:
    return bool(user.is_authenticated and user.role == Role.JUDGE)


navigation.register(
    navigation.NavEntry("awards", "Awards", "awards:index", navigation.EXPLORE, order=70)
)
navigation.register(
    navigation.NavEntry("awards.judging", "Judging", "awards:judge_home", navigation.TAKE_PART,
                        visible=_judges, order=40)
)  # fmt: skip
navigation.register(
    navigation.NavEntry("awards.staff", "Awards (staff)", "awards:staff_index",
                        navigation.STAFF_WORK, visible=is_staff_member, order=40)
)  # fmt: skip


# --- Site-wide search: published winners ------------------------------------------------------


def search_winners(query: str, user, limit: int) -> search.KindResults:
    words = query.split()
    if not words:
        return search.KindResults(total=0)
    winners = archive.public_winners()
    for word in words:
        winners = winners.filter(
            Q(nominee_name__icontains=word) | Q(citation__icontains=word)
            | Q(category__name__icontains=word)
        )  # fmt: skip
    hits = [
        search.SearchHit(
            title=f"{w.nominee_name}: {w.category.name}",
            url=w.category.get_absolute_url(),
            summary=w.citation,
            meta=f"{w.category.cycle.scheme.name} · {w.category.cycle.year}",
        )
        for w in winners[:limit]
    ]
    return search.KindResults(total=winners.count(), hits=hits)


search.register(
    search.SearchKind(
        key="awards", label="Award winners", search=search_winners,
        more_url=lambda q: reverse("awards:winners"), order=80,
    )
)  # fmt: skip


# --- Topic pages: winners in categories on the topic ------------------------------------------


def winners_on_topic(request, term) -> dict | None:
    rows = list(archive.public_winners().filter(category__topics=term)[:TOPIC_SIZE])
    if not rows:
        return None
    return {"winners": rows, "more_url": reverse("awards:winners") + f"?topic={term.slug}"}


register_topic_section(
    TopicSection(
        key="awards", title="Award winners", template="awards/_topic_winners.html",
        context=winners_on_topic, order=80,
    )
)  # fmt: skip


# --- What changed, for member updates (core.registries.changes) ---------------------------

changes.register(
    changes.ChangeProvider(
        key="awards.announcements",
        label="Awards",
        collect=awards_changes.announcements,
        order=60,
    )
)
