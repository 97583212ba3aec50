from django.db import migrations


def load_terms(apps, schema_editor):
    from taxonomy.terms import VOCABULARIES

    Term = apps.get_model("taxonomy", "Term")
    for vocabulary, entries in VOCABULARIES.items():
        for position, (slug, name, description) in enumerate(entries):
            Term.objects.update_or_create(
                slug=slug,
                defaults={
                    "vocabulary": vocabulary,
                    "name": name,
                    "description": description,
                    "position": position,
                },
            )


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]
    operations = [migrations.RunPython(load_terms, migrations.RunPython.noop)]
