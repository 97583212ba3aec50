"""A file that cannot be used gets a clear message and changes nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from members.models import ImportJob, Membership, Organisation
from members.services.csv.columns import ORGANISATION_COLUMNS
from members.tests.csv_import.support import (
    csv_file,
    generated_rows,
    header,
    import_text,
    problems,
    to_csv,
    upload,
)

pytestmark = pytest.mark.django_db


BAD_FILES = {
    "empty": (b"", "The file is empty"),
    "blank lines only": (b"\r\n\r\n  \n", "The file is empty"),
    "header only": (None, "header row but no organisations"),
    "not utf-8": ("name,type\r\nCafé,charity\r\n".encode("cp1252"), "CSV UTF-8"),
    "binary junk": (bytes(range(256)) * 8, "not CSV text"),
    "excel workbook": (b"PK\x03\x04" + b"\x14\x00" * 50, "Excel workbook"),
    "utf-16": ("name,type\r\n".encode("utf-16"), "UTF-16"),
    "semicolons": (b"name;type;description\r\nA;charity;x\r\n", "separated by semicolons"),
    "unbalanced quote": (None, "could not be read as CSV"),
}


@pytest.mark.parametrize("case", BAD_FILES)
def test_a_bad_file_gets_a_clear_message_and_changes_nothing(case, staff_client, networks):
    data, message = BAD_FILES[case]
    if case == "header only":
        data = (header() + "\r\n").encode()
    if case == "unbalanced quote":
        data = (header() + '\r\n"Unclosed,charity\r\n').encode()
    response = staff_client.post(reverse("members:import"), {"file": csv_file(data)})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ImportJob.objects.exists()
    assert not Organisation.objects.exists()


def test_wrong_columns_are_named(networks):
    text = "Name,Kind,description,favourite colour,cja status\r\nA,charity,x,blue,active\r\n"
    found = problems(text)
    assert (
        "These required columns are missing: type, website, charity_number, company_number, "
        "size_band, lived_experience_led, by_and_for, regions, parts, themes, populations."
    ) in found
    assert any("not recognised: Kind, favourite colour" in p for p in found)
    assert any("add cja joined, cja renewal due" in p for p in found)


def test_repeated_columns_are_named(networks):
    assert "These columns appear more than once: name." in problems(header() + ",name\r\n")


def test_headers_may_use_spaces_capitals_and_leave_out_networks(networks):
    columns = [c.replace("_", " ").title() for c in ORGANISATION_COLUMNS]
    text = to_csv([], columns) + '"Open Doors",,charity,,,,,,no,no,,,,\r\n'
    result = import_text(text)
    assert result.created == 1
    assert not Membership.objects.exists()


def test_an_upload_over_the_limit_is_refused_before_it_is_read(staff_client):
    big = SimpleUploadedFile("huge.csv", b"a" * (50 * 1024 * 1024), content_type="text/csv")
    response = staff_client.post(reverse("members:import"), {"file": big})
    assert response.status_code == 413
    assert "The file is too large (50.0\xa0MB)" in response.content.decode()
    assert not ImportJob.objects.exists()


@override_settings(MAX_UPLOAD_BYTES=1000)
def test_the_upload_size_is_checked_before_decoding(staff_client, networks):
    text = to_csv(generated_rows(10))
    assert len(text) > 1000
    response = upload(staff_client, text)
    assert response.status_code == 413
    assert "The largest file you can upload is 1000\xa0bytes" in response.content.decode()


def test_uploading_without_a_file_asks_for_one(staff_client):
    response = staff_client.post(reverse("members:import"), {})
    assert response.status_code == 400
    assert b"Choose a CSV file to upload." in response.content
