"""Every programme session becomes (or keeps) an invitation-only training event in the
events app, with the cohort's participants invited and given places, and the attendance
recorded here so far carried over as check-ins and no-shows. The next migration then drops
this app's own attendance table."""

import datetime

from django.db import migrations
from django.utils import timezone
from django.utils.text import slugify

SESSION_LENGTH = datetime.timedelta(hours=2)


def _free_slug(Event, text):
    base = slugify(text)[:200].strip("-") or "session"
    slug, number = base, 2
    while Event.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def sessions_to_events(apps, schema_editor):
    Event = apps.get_model("events", "Event")
    Invitation = apps.get_model("events", "Invitation")
    Registration = apps.get_model("events", "Registration")
    Session = apps.get_model("programmes", "ProgrammeSession")
    Attendance = apps.get_model("programmes", "Attendance")
    Application = apps.get_model("programmes", "Application")
    now = timezone.now()
    used = set()
    sessions = Session.objects.select_related("module__cohort__programme").order_by("pk")
    for session in sessions:
        cohort = session.module.cohort
        programme = cohort.programme
        participants = list(
            Application.objects.filter(cohort=cohort, status="accepted").order_by("pk")
        )
        event = session.event
        if event is None or event.pk in used:
            event = Event.objects.create(
                kind="training", visibility="invitation",
                title=f"{programme.name}: {session.title}"[:200],
                slug=_free_slug(Event, f"{programme.name} {cohort.name} {session.title}"),
                summary=f"A session of {programme.name}, {cohort.name}, for its participants."[:300],
                starts_at=session.starts_at, ends_at=session.starts_at + SESSION_LENGTH,
                status="published" if session.starts_at > now else "finished",
                capacity=max(cohort.places, len(participants), 1),
                is_demo_content=programme.is_demo_content,
            )  # fmt: skip
            event.networks.add(programme.network_id)
            session.event = event
            session.save(update_fields=["event"])
        used.add(event.pk)
        marks = {m.participant_id: m.present for m in Attendance.objects.filter(session=session)}
        for person in participants:
            email = person.email.strip().lower()
            Invitation.objects.get_or_create(
                event=event, email=email, defaults={"name": person.name}
            )
            registration = (
                Registration.objects.filter(event=event, email=email)
                .exclude(status="cancelled")
                .first()
            )
            if registration is None:
                registration = Registration.objects.create(
                    event=event, name=person.name, email=email, user_id=person.user_id,
                    status="confirmed", confirmed_at=now, is_demo_content=event.is_demo_content,
                )  # fmt: skip
            elif registration.status != "confirmed":
                registration.status = "confirmed"
                registration.confirmed_at = now
            present = marks.get(person.pk)
            if present is not None and registration.checked_in_at is None:
                registration.checked_in_at = session.starts_at if present else None
                registration.no_show = not present
            registration.save()
        taken = Registration.objects.filter(
            event=event, status__in=["confirmed", "offered"]
        ).count()
        Event.objects.filter(pk=event.pk).update(
            places_taken=taken, capacity=max(event.capacity, taken)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0004_event_status_ends_at_index"),
        ("programmes", "0002_application_user"),
    ]

    operations = [migrations.RunPython(sessions_to_events, migrations.RunPython.noop)]
