"""Load the criminal justice dictionary shipped in glossary/data/dictionary.json."""

from django.db import migrations


def load(apps, schema_editor):
    from glossary.services.dictionary import load_dictionary

    load_dictionary(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("glossary", "0002_dictionaryterm_link_in_texts"),
        ("taxonomy", "0002_load_terms"),
    ]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
