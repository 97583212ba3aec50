import django.db.models
from django.db import migrations

import core.lib.slugs


class Migration(migrations.Migration):
    dependencies = [
        ("comms", "0003_mailinglist_digest_weekday"),
    ]

    operations = [
        migrations.AlterField(
            model_name="mailinglist",
            name="slug",
            field=django.db.models.SlugField(
                max_length=80,
                unique=True,
                validators=[core.lib.slugs.NotReserved(frozenset({"staff"}))],
            ),
        ),
    ]
