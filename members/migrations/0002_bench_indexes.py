"""Indexes for the directory and the coverage map at 10,000 organisations (`make bench`).

- Each tag table gets (term_id, organisation_id): "the organisations with this term" is read
  from the index alone, which is how the directory's tag filters start.
- Membership gets (organisation_id, status, network_id): "is this an active member (of this
  network)?" is answered from the index alone, once per organisation.
- Organisation gets (name, id) and (created_at, id): the first page of an unfiltered
  directory, in either sort, is read in order instead of sorting every member.

Plain SQL (the same on SQLite and PostgreSQL) because the tag tables are Django's own
many-to-many tables, which have no model to declare an index on; using SQL for the other two
keeps members/models.py and the migration state unchanged, so `makemigrations` stays quiet.
"""

from django.db import migrations

INDEXES = [
    ("members_orgparts_term_org_idx", "members_organisation_parts", "term_id, organisation_id"),
    ("members_orgthemes_term_org_idx", "members_organisation_themes", "term_id, organisation_id"),
    (
        "members_orgpops_term_org_idx",
        "members_organisation_populations",
        "term_id, organisation_id",
    ),
    (
        "members_orgregions_term_org_idx",
        "members_organisation_regions",
        "term_id, organisation_id",
    ),
    (
        "members_membership_org_status_idx",
        "members_membership",
        "organisation_id, status, network_id",
    ),
    ("members_organisation_name_id_idx", "members_organisation", "name, id"),
    ("members_organisation_created_id_idx", "members_organisation", "created_at, id"),
]


class Migration(migrations.Migration):
    dependencies = [("members", "0001_initial")]

    operations = [
        migrations.RunSQL(
            sql=f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({columns})",
            reverse_sql=f"DROP INDEX IF EXISTS {name}",
        )
        for name, table, columns in INDEXES
    ]
