"""The events listing's version, raised by the database itself (see models.ListingVersion
and events/listing_triggers.py)."""

from django.db import migrations, models

from events import listing_triggers


def create_triggers(apps, schema_editor):
    ListingVersion = apps.get_model("events", "ListingVersion")
    ListingVersion.objects.update_or_create(pk=1, defaults={"version": 0})
    listing_triggers.create(schema_editor)


def drop_triggers(apps, schema_editor):
    listing_triggers.drop(schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0005_event_notes"),
    ]

    operations = [
        migrations.CreateModel(
            name="ListingVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("version", models.BigIntegerField(default=0)),
            ],
        ),
        migrations.RunPython(create_triggers, drop_triggers),
    ]
