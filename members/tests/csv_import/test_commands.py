"""manage.py import_members and export_members."""

import io

import pytest
from django.core.management import CommandError, call_command

from members.models import Organisation
from members.tests.csv_import.support import generated_rows, to_csv
from members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_import_members_command_imports_a_valid_file(tmp_path, networks):
    path = tmp_path / "members.csv"
    path.write_text(to_csv(generated_rows(1200)), encoding="utf-8-sig")
    out = io.StringIO()
    call_command("import_members", str(path), "--dry-run", stdout=out)
    assert "Dry run: would create 1,200, update 0 and leave 0 unchanged." in out.getvalue()
    assert not Organisation.objects.exists()

    out = io.StringIO()
    call_command("import_members", str(path), stdout=out)
    assert "Checked 1,000 of 1,200 rows" in out.getvalue()
    assert "1,200 created, 0 updated, 0 unchanged." in out.getvalue()
    assert Organisation.objects.count() == 1200


def test_import_members_command_lists_problems_and_fails(tmp_path, networks):
    rows = generated_rows(5)
    rows[3]["themes"] = "housing;flying"
    path = tmp_path / "members.csv"
    path.write_text(to_csv(rows), encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError, match="has 1 problem; nothing was imported"):
        call_command("import_members", str(path), stderr=err)
    assert 'Row 5, themes: "flying" is not a theme.' in err.getvalue()
    assert not Organisation.objects.exists()


def test_import_members_command_refuses_a_file_that_is_not_utf8(tmp_path):
    path = tmp_path / "members.csv"
    path.write_bytes("name\r\nCafé\r\n".encode("latin-1"))
    with pytest.raises(CommandError, match="not UTF-8"):
        call_command("import_members", str(path))


def test_export_members_command_writes_a_file(tmp_path, networks):
    OrganisationFactory(name="Women in Prison")
    path = tmp_path / "out.csv"
    err = io.StringIO()
    call_command("export_members", str(path), stderr=err)
    assert path.read_bytes().startswith("\ufeffname,slug,type".encode())
    assert "Wrote 1 organisations" in err.getvalue()
