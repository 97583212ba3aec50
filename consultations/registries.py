"""Consultations' parts of the shared pages: navigation, site-wide search, the member
contact's home panels (calls for evidence and what happened to their input) and staff's
attention lines (consent flags, evidence closing, submissions due)."""

import datetime

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from consultations import changes as consultations_changes
from consultations.evidence.services.contributions import invitations
from consultations.feedback.services import outcomes_for_user
from consultations.models import ConsentFlag, Consultation, ConsultationStatus
from consultations.public.services import visible_consultations
from core.registries import changes, home, navigation, search
from core.roles import Role, is_staff_member

SOON = datetime.timedelta(days=14)
PANEL_SIZE = 5


def _member_contact(user) -> bool:
    return user.is_authenticated and user.role == Role.MEMBER


for entry in (
    navigation.NavEntry(
        "consultations", "Consultations", "consultations:index", navigation.EXPLORE, order=50
    ),
    navigation.NavEntry(
        "consultations.contribute",
        "Contribute evidence",
        "consultations:contribute_index",
        navigation.TAKE_PART,
        visible=_member_contact,
        order=10,
    ),
    navigation.NavEntry(
        "consultations.my_input",
        "What happened to my input",
        "consultations:my_input",
        navigation.TAKE_PART,
        visible=_member_contact,
        order=11,
    ),
    navigation.NavEntry(
        "consultations.staff",
        "Evidence and submissions",
        "consultations:staff_index",
        navigation.STAFF_WORK,
        visible=is_staff_member,
        order=20,
    ),
):
    navigation.register(entry)


# --- Site-wide search ---------------------------------------------------------------------


def search_consultations(query: str, user, limit: int) -> search.KindResults:
    """Consultations that are not drafts; staff find drafts too (their staff page)."""
    staff = is_staff_member(user)
    found = Consultation.objects.all() if staff else visible_consultations()
    for word in query.split():
        found = found.filter(
            Q(title__icontains=word)
            | Q(description__icontains=word)
            | Q(asking_body__name__icontains=word)
        )
    found = found.select_related("asking_body").order_by("-deadline", "title")
    hits = []
    for consultation in found[:limit]:
        draft = consultation.status == ConsultationStatus.DRAFT
        hits.append(
            search.SearchHit(
                title=consultation.title,
                url=reverse("consultations:staff_overview", args=[consultation.slug])
                if draft
                else consultation.get_absolute_url(),
                summary=consultation.description,
                meta=f"{consultation.asking_body} · {consultation.get_status_display()} · "
                f"deadline {consultation.deadline:%-d %B %Y}",
            )
        )
    return search.KindResults(total=found.count(), hits=hits)


search.register(
    search.SearchKind(
        key="consultations",
        label="Consultations",
        search=search_consultations,
        more_url=lambda query: reverse("consultations:index"),
        order=40,
    )
)


# --- Home: the member contact's calls for evidence and feedback -----------------------------


def calls_for_evidence(request) -> dict | None:
    """Open calls the person's organisations are invited to, nearest deadline first, with
    their contribution's state; None when there are none."""
    rows = [row for row in invitations(request.user) if row["consultation"].accepts_contributions]
    if not rows:
        return None
    rows.sort(key=lambda row: row["consultation"].internal_deadline)
    return {"rows": rows[:PANEL_SIZE], "more": len(rows) > PANEL_SIZE}


def your_input(request) -> dict | None:
    outcomes = outcomes_for_user(request.user)
    if not outcomes:
        return None
    return {"outcomes": outcomes[:PANEL_SIZE], "more": len(outcomes) > PANEL_SIZE}


home.register(
    home.HomePanel(
        key="consultations.calls",
        title="Calls for evidence",
        template="consultations/panels/calls_for_evidence.html",
        context=calls_for_evidence,
        audiences=frozenset({home.MEMBER}),
        order=20,
    )
)
home.register(
    home.HomePanel(
        key="consultations.your_input",
        title="What happened to your input",
        template="consultations/panels/your_input.html",
        context=your_input,
        audiences=frozenset({home.MEMBER}),
        order=25,
    )
)


# --- Staff: what needs attention ------------------------------------------------------------


def _closing_soon(user) -> int:
    today = timezone.localdate()
    return Consultation.objects.filter(
        status=ConsultationStatus.OPEN, internal_deadline__range=(today, today + SOON)
    ).count()


def _submissions_due(user) -> int:
    today = timezone.localdate()
    return Consultation.objects.filter(
        status__in=[ConsultationStatus.OPEN, ConsultationStatus.ANALYSING],
        deadline__lte=today + SOON,
    ).count()


for item in (
    home.AttentionItem(
        "consultations.flags",
        "consent withdrawals to deal with",
        lambda user: ConsentFlag.objects.filter(resolved_at__isnull=True).count(),
        "consultations:staff_index",
        order=5,
    ),
    home.AttentionItem(
        "consultations.closing",
        "calls for evidence closing within two weeks",
        _closing_soon,
        "consultations:staff_index",
        order=30,
    ),
    home.AttentionItem(
        "consultations.due",
        "submissions due to the asking body within two weeks (or overdue)",
        _submissions_due,
        "consultations:staff_index",
        order=31,
    ),
):
    home.register_attention(item)


# --- What changed, for member updates (core.registries.changes) ---------------------------

changes.register(
    changes.ChangeProvider(
        key="consultations.calls",
        label="Consultations",
        collect=consultations_changes.opened_and_closing,
        order=30,
    )
)

changes.register(
    changes.ChangeProvider(
        key="consultations.submissions",
        label="Our submissions published",
        collect=consultations_changes.submissions_published,
        order=31,
    )
)
