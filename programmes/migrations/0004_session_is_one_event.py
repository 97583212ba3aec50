"""A programme session is exactly one event (its time and attendance live there): the
link becomes one-to-one and required, and this app's own attendance table and session
start time go."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0004_event_status_ends_at_index"),
        ("programmes", "0003_sessions_become_events"),
    ]

    operations = [
        migrations.DeleteModel(name="Attendance"),
        migrations.AlterModelOptions(
            name="programmesession", options={"ordering": ["event__starts_at", "pk"]}
        ),
        migrations.RemoveField(model_name="programmesession", name="starts_at"),
        migrations.AlterField(
            model_name="programmesession",
            name="event",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="programme_session",
                to="events.event",
            ),
        ),
    ]
