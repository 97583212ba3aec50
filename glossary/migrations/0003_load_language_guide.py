"""Version 1 of the language guide, from glossary/data/guide.json."""

from django.db import migrations


def load_language_guide(apps, schema_editor):
    from glossary.services.guide import load_guide_data

    load_guide_data(
        apps.get_model("glossary", "GuideVersion"),
        apps.get_model("glossary", "GuideEntry"),
        apps.get_model("glossary", "OfficialName"),
    )


def remove_language_guide(apps, schema_editor):
    apps.get_model("glossary", "GuideVersion").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("glossary", "0002_dictionaryterm_link_in_texts"),
    ]

    operations = [
        migrations.RunPython(load_language_guide, remove_language_guide),
    ]
