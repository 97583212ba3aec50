"""The recommendations tracker's parts of the shared pages: navigation, site-wide search and
staff's attention line for recommendations waiting a long time for news."""

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from core.registries import changes, home, navigation, search
from core.roles import is_staff_member
from influence import changes as influence_changes
from influence.models import Recommendation
from influence.services import dashboard, visibility

for entry in (
    navigation.NavEntry(
        "influence", "Recommendations", "influence:tracker", navigation.EXPLORE, order=40
    ),
    navigation.NavEntry(
        "influence.dashboard",
        "Recommendations dashboard",
        "influence:staff_dashboard",
        navigation.STAFF_WORK,
        visible=is_staff_member,
        order=50,
    ),
):
    navigation.register(entry)


def search_recommendations(query: str, user, limit: int) -> search.KindResults:
    """Published recommendations for everyone; staff also find unpublished ones."""
    found = (
        Recommendation.objects.filter(merged_into__isnull=True)
        if is_staff_member(user)
        else visibility.published()
    )
    for word in query.split():
        found = found.filter(Q(title__icontains=word) | Q(text__icontains=word))
    found = found.order_by("-first_made_on", "title")
    hits = [
        search.SearchHit(
            title=recommendation.title,
            url=recommendation.get_absolute_url(),
            summary=recommendation.text,
            meta=("Recommendation" if recommendation.is_published else "Not published")
            + (
                f" · first made {recommendation.first_made_on:%B %Y}"
                if recommendation.first_made_on
                else ""
            ),
        )
        for recommendation in found[:limit]
    ]
    return search.KindResults(total=found.count(), hits=hits)


search.register(
    search.SearchKind(
        key="recommendations",
        label="Recommendations",
        search=search_recommendations,
        more_url=lambda query: reverse("influence:tracker") + "?" + urlencode({"q": query}),
        order=30,
    )
)


def _stale_count(user) -> int:
    count, _ = dashboard.stale_recommendations(timezone.localdate())
    return count


home.register_attention(
    home.AttentionItem(
        key="influence.stale",
        label=f"recommendations with no news for over {dashboard.STALE_AFTER_DAYS // 30} months",
        count=_stale_count,
        url_name="influence:staff_dashboard",
        order=50,
    )
)


# --- What changed, for member updates (core.registries.changes) ---------------------------

changes.register(
    changes.ChangeProvider(
        key="influence.status",
        label="What happened to our recommendations",
        collect=influence_changes.status_changes,
        order=20,
    )
)
