"""This app's parts of the pages that gather many apps' work: signed-in home panels, staff's
"needs your attention", navigation, site-wide search and organisation profiles. Young people
never appear in any of them: search finds programmes and projects, not people."""

from django.db.models import Q
from django.urls import reverse

from core.registries import home, navigation, record_sections, search
from core.roles import is_staff_member
from programmes.models import (
    Application,
    ApplicationStatus,
    Mentor,
    PartnerOffer,
    Programme,
    YouthProject,
)
from programmes.services import reach, selection

SEARCH_LIMIT = 10


# --- Signed-in home ---------------------------------------------------------------------------


def your_programme_work(request) -> dict | None:
    """Panels to score, mentees, and a young advocate's payments: whichever apply."""
    user = request.user
    links = []
    seats = list(selection.seats_of(user))
    if seats:
        links.append((reverse("programmes:judge_home"), f"Selection panels ({len(seats)})"))
    if Mentor.objects.filter(user=user).exists():
        links.append((reverse("programmes:mentor_home"), "Your mentees"))
    if getattr(user, "young_person", None) is not None:
        links.append((reverse("programmes:my_payments"), "Your payments"))
    return {"links": links} if links else None


home.register(
    home.HomePanel(
        key="programmes.yours",
        title="Your programme work",
        template="programmes/_home_panel.html",
        context=your_programme_work,
        audiences=frozenset({home.MEMBER, home.JUDGE, home.STAFF}),
        order=35,
    )
)

home.register_attention(
    home.AttentionItem(
        key="programmes.applications",
        label="programme applications to decide",
        # Only applications to the programmes of the staff member's own networks.
        count=lambda user: Application.objects.filter(
            status=ApplicationStatus.RECEIVED, cohort__programme__in=reach.programmes(user)
        ).count(),
        url_name="programmes:staff_index",
        order=60,
    )
)

# --- Navigation -------------------------------------------------------------------------------

navigation.register(
    navigation.NavEntry("programmes", "Programmes", "programmes:index", navigation.TAKE_PART,
                        order=30)
)  # fmt: skip
navigation.register(
    navigation.NavEntry("programmes.staff", "Programmes (staff)", "programmes:staff_index",
                        navigation.STAFF_WORK, visible=is_staff_member, order=45)
)  # fmt: skip


# --- Site-wide search: programmes and youth projects (never people) ---------------------------


def search_programmes(query: str, user, limit: int) -> search.KindResults:
    words = query.split()
    if not words:
        return search.KindResults(total=0, hits=[])
    programmes, projects = Programme.objects.all(), YouthProject.objects.all()
    for word in words:
        programmes = programmes.filter(Q(name__icontains=word) | Q(summary__icontains=word))
        projects = projects.filter(Q(title__icontains=word) | Q(summary__icontains=word))
    hits = [
        search.SearchHit(title=p.name, url=p.get_absolute_url(), summary=p.summary,
                         meta="Leadership programme")
        for p in programmes[:limit]
    ] + [
        search.SearchHit(title=p.title, url=p.get_absolute_url(), summary=p.summary,
                         meta="Young advocates' project")
        for p in projects[:limit]
    ]  # fmt: skip
    return search.KindResults(total=programmes.count() + projects.count(), hits=hits[:limit])


search.register(
    search.SearchKind(
        key="programmes",
        label="Programmes",
        search=search_programmes,
        more_url=lambda q: reverse("programmes:index"),
        order=75,
    )
)


# --- Organisation profiles: the programmes it partners and the roles it offers participants ---


def organisation_programmes(request, organisation) -> dict | None:
    partnered = list(Programme.objects.filter(partners=organisation))
    offers = list(
        PartnerOffer.objects.filter(organisation=organisation).select_related("cohort__programme")
    )
    if not partnered and not offers:
        return None
    return {"partnered": partnered, "offers": offers, "organisation": organisation}


record_sections.register(
    record_sections.RecordSection(
        key="programmes.partner",
        model="members.Organisation",
        template="programmes/_organisation_section.html",
        context=organisation_programmes,
        order=50,
    )
)
