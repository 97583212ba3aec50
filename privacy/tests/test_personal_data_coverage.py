"""Every model that holds something personal is covered by a personal-data source, or each
such field is declared (authorship, or not personal with a reason)."""

import pytest
from django.apps import apps

from core.registries import personal_data
from core.registries.personal_data import DataSubject


def test_every_personal_field_is_covered_or_declared():
    missing = personal_data.uncovered_fields(apps.get_models())
    assert not missing, (
        "These models have fields that look personal but no personal-data source covers them. "
        "Register a source in <app>/personal_data.py, or call declare_authorship / "
        "declare_not_personal there (see core/registries/personal_data.py): "
        + "; ".join(f"{label}: {', '.join(sorted(f))}" for label, f in sorted(missing.items()))
    )


def test_declared_authorship_fields_are_links_to_an_account():
    user_model = apps.get_model("core.User")
    for label, fields in personal_data.authorship().items():
        model = apps.get_model(label)
        for name in fields:
            assert model._meta.get_field(name).related_model is user_model, (label, name)


def test_sources_name_real_models():
    for source in personal_data.sources():
        for label in source.models:
            assert apps.get_model(label), (source.key, label)


def test_personal_fields_finds_emails_names_and_links_to_people():
    user_fields = personal_data.personal_fields(apps.get_model("core.User"))
    assert {"email", "name"} <= user_fields
    assert "name" not in personal_data.personal_fields(apps.get_model("taxonomy.Term"))


@pytest.mark.django_db
def test_every_source_exports_and_erases_someone_unknown_without_change():
    nobody = DataSubject(user=None, emails=frozenset({"nobody@example.org"}))
    for source in personal_data.sources():
        tables = source.export(nobody)
        assert all(rows == [] for rows in tables.values()), source.key
        assert source.erase(nobody) == 0, source.key
