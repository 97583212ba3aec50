"""Bring the dictionary up to date with glossary/data/dictionary.json, which gained the terms
the board's check explainer links to (filtering, rehabilitation period, barred lists).
Loading is idempotent: terms are matched by slug."""

from django.db import migrations


def load_dictionary(apps, schema_editor):
    from glossary.services.dictionary import load_dictionary as load

    load(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("opportunities", "0001_initial"),
        ("glossary", "0006_publish_shipped_guide_changes"),
    ]

    operations = [
        migrations.RunPython(load_dictionary, migrations.RunPython.noop),
    ]
