"""Who chooses an event's people. Adding the column rebuilds events_event on SQLite, which
drops its listing triggers: they are installed again (events/listing_triggers.py)."""

from django.db import migrations, models

from events import listing_triggers


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0007_listing_counts_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="event",
            name="people_chosen_by",
            field=models.CharField(blank=True, editable=False, max_length=120),
        ),
        migrations.RunPython(listing_triggers.reinstall, listing_triggers.reinstall),
    ]
