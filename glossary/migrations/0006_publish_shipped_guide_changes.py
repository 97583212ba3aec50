"""Publish the changes of glossary/data/guide_changes.json as new versions of the guide."""

from django.db import migrations


def publish_shipped_changes(apps, schema_editor):
    from glossary.services.guide import publish_shipped_changes

    publish_shipped_changes(
        apps.get_model("glossary", "GuideVersion"),
        apps.get_model("glossary", "GuideEntry"),
        apps.get_model("glossary", "OfficialName"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("glossary", "0005_guideentry_severity"),
    ]

    operations = [
        migrations.RunPython(publish_shipped_changes, migrations.RunPython.noop),
    ]
