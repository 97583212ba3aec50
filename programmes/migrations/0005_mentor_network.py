"""Each mentor belongs to a network, so only that network's staff (and admins) set them up
and match them. Existing mentors take the network of the programme they first mentored
in, or the only network that runs programmes when there is one."""

import django.db.models.deletion
from django.db import migrations, models


def place_mentors(apps, schema_editor):
    Mentor = apps.get_model("programmes", "Mentor")
    MentorMatch = apps.get_model("programmes", "MentorMatch")
    Programme = apps.get_model("programmes", "Programme")
    networks = set(Programme.objects.values_list("network_id", flat=True))
    only = networks.pop() if len(networks) == 1 else None
    for mentor in Mentor.objects.filter(network__isnull=True):
        first = (
            MentorMatch.objects.filter(mentor=mentor)
            .order_by("started_on", "pk")
            .values_list("participant__cohort__programme__network_id", flat=True)
            .first()
        )
        if first or only:
            Mentor.objects.filter(pk=mentor.pk).update(network_id=first or only)


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0003_organisation_contact"),
        ("programmes", "0004_session_is_one_event"),
    ]

    operations = [
        migrations.AddField(
            model_name="mentor",
            name="network",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="members.network",
            ),
        ),
        migrations.RunPython(place_mentors, migrations.RunPython.noop),
    ]
