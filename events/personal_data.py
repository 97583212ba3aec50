"""Events' registrations are registered in events/registries.py; this adds the speakers named
on event pages, found by the person's name, and who created each event."""

from core import audit
from core.registries import personal_data
from core.registries.personal_data import DataSubject, PersonalDataSource

ERASED_SPEAKER = "A speaker"


def _speakers(subject: DataSubject):
    from events.models import Speaker

    return Speaker.objects.filter(name__in=subject.names).select_related("event")


def export_speakers(subject: DataSubject) -> dict[str, list[dict]]:
    rows = [
        {"event": s.event.title, "named as": s.name, "role": s.role} for s in _speakers(subject)
    ]
    return {"events you spoke at": rows}


def erase_speakers(subject: DataSubject) -> int:
    speakers = list(_speakers(subject))
    audit.forget_records(speakers)
    for speaker in speakers:
        speaker.name, speaker.role = ERASED_SPEAKER, ""
        speaker.save(update_fields=["name", "role"])
    return len(speakers)


personal_data.register(
    PersonalDataSource(
        key="events.speakers",
        description="The names and roles of speakers shown on event pages.",
        models=("events.Speaker",),
        export=export_speakers,
        erase=erase_speakers,
    )
)
personal_data.declare_authorship("events.Event", "created_by")
personal_data.declare_not_personal(
    "events.Venue", "name", "address", reason="A venue's name and address, not a person's."
)


def _group_places(subject: DataSubject):
    from django.db.models import Q

    from events.models import GroupMember

    matches = Q(person__email__in=subject.emails)
    if subject.user is not None:
        matches |= Q(person__user=subject.user)
    return GroupMember.objects.filter(matches).select_related("group", "organisation")


def export_group_places(subject: DataSubject) -> dict[str, list[dict]]:
    rows = [
        {"group": m.group.name, "through": str(m.organisation or ""), "role": m.role}
        for m in _group_places(subject)
    ]
    return {"groups you are in": rows}


def erase_group_places(subject: DataSubject) -> int:
    deleted, _ = _group_places(subject).delete()
    return deleted


personal_data.register(
    PersonalDataSource(
        key="events.groups",
        description="The standing groups a person is in, through which organisation, and "
        "their role in it.",
        models=("events.GroupMember",),
        export=export_group_places,
        erase=erase_group_places,
    )
)
