from django.db import migrations
from django.db.models import Min


def date_from_first_source(apps, schema_editor):
    """A recommendation recorded as first made before every document it appears in takes its
    earliest source's date (the rule the edit form now keeps)."""
    Recommendation = apps.get_model("influence", "Recommendation")
    rows = Recommendation.objects.annotate(earliest=Min("sources__published_on")).filter(
        earliest__isnull=False
    )
    for recommendation in rows:
        if recommendation.first_made_on < recommendation.earliest:
            recommendation.first_made_on = recommendation.earliest
            recommendation.save(update_fields=["first_made_on"])


class Migration(migrations.Migration):
    dependencies = [
        ("influence", "0001_initial"),
        ("library", "0001_initial"),
    ]

    operations = [migrations.RunPython(date_from_first_source, migrations.RunPython.noop)]
