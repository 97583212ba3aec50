"""The listing's facet counts read from one index: status and end (upcoming or past), then
visibility, kind, format and start; it replaces the (status, ends_at) index, its prefix."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0006_listing_version"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="event",
            name="events_even_status_dfb381_idx",
        ),
        migrations.AddIndex(
            model_name="event",
            index=models.Index(
                fields=["status", "ends_at", "visibility", "kind", "format", "starts_at"],
                name="events_listing_counts_idx",
            ),
        ),
    ]
