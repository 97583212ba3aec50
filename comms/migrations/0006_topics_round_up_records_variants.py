import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("comms", "0005_delivery_opened_at"),
        ("taxonomy", "0002_load_terms"),
    ]

    operations = [
        migrations.AddField(
            model_name="subscription",
            name="round_up_from",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="subscription",
            name="frequency_since",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="mailing",
            name="topics",
            field=models.ManyToManyField(blank=True, related_name="+", to="taxonomy.term"),
        ),
        migrations.AddField(
            model_name="updateitem",
            name="topics",
            field=models.ManyToManyField(blank=True, related_name="+", to="taxonomy.term"),
        ),
        migrations.CreateModel(
            name="MailingVariant",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("key", models.CharField(max_length=200)),
                ("subject", models.CharField(max_length=300)),
                ("html", models.TextField(blank=True)),
                ("text", models.TextField()),
                (
                    "mailing",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="variants",
                        to="comms.mailing",
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(fields=("mailing", "key"), name="one_variant_per_key")
                ],
            },
        ),
        migrations.AddField(
            model_name="delivery",
            name="variant",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="comms.mailingvariant",
            ),
        ),
    ]
