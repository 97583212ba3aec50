"""Sessions made before events knew who chooses an event's people: mark each session's
event as chosen by its programme, so the events edit form keeps it closed."""

from django.db import migrations


def mark_session_events(apps, schema_editor):
    ProgrammeSession = apps.get_model("programmes", "ProgrammeSession")
    Event = apps.get_model("events", "Event")
    sessions = ProgrammeSession.objects.select_related("module__cohort__programme")
    for session in sessions:
        Event.objects.filter(pk=session.event_id, people_chosen_by="").update(
            people_chosen_by=session.module.cohort.programme.name[:120]
        )


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0006_application_withdrawal_reason"),
        ("events", "0008_event_people_chosen_by"),
    ]

    operations = [migrations.RunPython(mark_session_events, migrations.RunPython.noop)]
