"""The library's parts of the shared pages: navigation, site-wide search (through the
library's own full-text index) and staff's attention line for submissions."""

from django.urls import reverse
from django.utils.http import urlencode

from core.registries import changes, home, navigation, search
from core.roles import Role, is_staff_member
from library import changes as library_changes
from library import search as library_search
from library.models import Resource, ResourceStatus


def _may_share(user) -> bool:
    """Member contacts and staff (the share page itself checks their organisations); no
    query here, since the header asks on every page."""
    return user.is_authenticated and user.role != Role.JUDGE


for entry in (
    navigation.NavEntry("library", "Library", "library:index", navigation.EXPLORE, order=30),
    navigation.NavEntry(
        "library.submit",
        "Share a resource",
        "library:submit",
        navigation.TAKE_PART,
        visible=_may_share,
        order=40,
    ),
    navigation.NavEntry(
        "library.submissions",
        "Library submissions",
        "library:submissions",
        navigation.STAFF_WORK,
        visible=is_staff_member,
        order=40,
    ),
):
    navigation.register(entry)


def search_resources(query: str, user, limit: int) -> search.KindResults:
    """Published resources only: drafts and submissions are never in the index."""
    result = library_search.search(query, page_size=limit)
    found = Resource.objects.in_bulk([hit.resource_id for hit in result.hits])
    hits = [
        search.SearchHit(
            title=resource.title,
            url=resource.get_absolute_url(),
            summary=resource.summary,
            meta=f"{resource.get_kind_display()} · {resource.published_on:%B %Y}",
        )
        for hit in result.hits
        if (resource := found.get(hit.resource_id)) is not None
    ]
    return search.KindResults(total=result.total, hits=hits)


search.register(
    search.SearchKind(
        key="library",
        label="Library resources",
        search=search_resources,
        more_url=lambda query: reverse("library:index") + "?" + urlencode({"q": query}),
        order=20,
    )
)

home.register_attention(
    home.AttentionItem(
        key="library.submissions",
        label="library submissions to review",
        count=lambda user: Resource.objects.filter(status=ResourceStatus.SUBMITTED).count(),
        url_name="library:submissions",
        order=20,
    )
)


# --- What changed, for member updates (core.registries.changes) ---------------------------

changes.register(
    changes.ChangeProvider(
        key="library.resources",
        label="New in the library",
        collect=library_changes.new_resources,
        order=10,
    )
)
