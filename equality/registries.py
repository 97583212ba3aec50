"""This app's parts of the pages that gather many apps' work: navigation and the signed-in
home panel. (Nothing goes to site-wide search or topic pages: the report is aggregates only,
found from its own index.)"""

from core.registries import home, navigation, record_sections
from core.roles import is_staff_member

# Beside "Strategy and progress" (the reports' own front door), keeping the top line short.
navigation.register(
    navigation.NavEntry("equality", "Equality reports", "equality:index", navigation.TOOLS,
                        order=95)
)  # fmt: skip
navigation.register(
    navigation.NavEntry("equality.staff", "Equality monitoring (staff)", "equality:staff_index",
                        navigation.STAFF_WORK, visible=is_staff_member, order=95)
)  # fmt: skip


def monitoring_panel(request) -> dict | None:
    from equality.models import Exercise
    from equality.services import monitoring

    user = request.user
    open_forms = [e for e in Exercise.objects.filter(is_open=True, context_key="")[:10]
                  if monitoring.may_answer(user, e)][:5]  # fmt: skip
    if not open_forms:
        return None
    answered = {e.pk for e, _ in monitoring.own_answers(user)}
    return {"open": open_forms, "answered": answered}


home.register(
    home.HomePanel(
        key="equality.monitoring",
        title="Equality monitoring",
        template="equality/_home_panel.html",
        context=monitoring_panel,
        audiences=frozenset({home.MEMBER, home.STAFF}),
        order=90,
    )
)


# --- Event pages: attendees are asked (voluntarily) through the event's own form -------------


def event_monitoring(request, event) -> dict | None:
    from equality.models import Group
    from equality.services import monitoring
    from events.models import Registration, RegistrationStatus

    if not request.user.is_authenticated:
        return None
    attended = Registration.objects.filter(
        event=event, user=request.user, status=RegistrationStatus.CONFIRMED
    ).exists()
    if not attended:
        return None
    year = event.starts_at.year
    return {"url": monitoring.link_for(Group.EVENTS, event, year=year, title=f"{event.title}")}


record_sections.register(
    record_sections.RecordSection(
        key="equality.event_monitoring",
        model="events.Event",
        template="equality/_event_section.html",
        context=event_monitoring,
        order=90,
    )
)
