"""Constraint and index names share PostgreSQL's namespace with tables: a unique constraint
named like a table (programmes_followup) made every PostgreSQL test database fail to build
while SQLite, which keeps them apart, passed."""

from django.apps import apps


def test_no_constraint_or_index_is_named_like_a_table_or_another():
    tables = {model._meta.db_table for model in apps.get_models(include_auto_created=True)}
    seen: dict[str, str] = {}
    clashes = []
    for model in apps.get_models():
        for named in (*model._meta.constraints, *model._meta.indexes):
            if named.name in tables:
                clashes.append(f"{model._meta.label}: {named.name} is also a table")
            elif named.name in seen:
                clashes.append(f"{model._meta.label}: {named.name} is also in {seen[named.name]}")
            elif len(named.name) > 63:
                clashes.append(f"{model._meta.label}: {named.name} is longer than PostgreSQL keeps")
            seen[named.name] = model._meta.label
    assert not clashes, "\n".join(clashes)
