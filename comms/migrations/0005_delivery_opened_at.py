from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("comms", "0004_mailinglist_slug_not_reserved"),
    ]

    operations = [
        migrations.AddField(
            model_name="delivery",
            name="opened_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
    ]
