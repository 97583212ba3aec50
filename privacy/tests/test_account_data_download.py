"""A signed-in person downloads everything held about them as a ZIP of JSON and CSV."""

import csv
import io
import json
import zipfile

import pytest
from django.urls import reverse

from consultations.tests.factories import AnswerFactory
from core.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _zip(response) -> zipfile.ZipFile:
    return zipfile.ZipFile(
        io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    )


def test_download_holds_json_csv_and_readme_of_only_my_data(client):
    mine = AnswerFactory(text="=Mine: release on a Friday.")
    AnswerFactory(text="Someone else's answer.")
    client.force_login(mine.contribution.author)
    response = client.get(reverse("account_data_download"))
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    archive = _zip(response)
    names = archive.namelist()
    assert "README.txt" in names and "data.json" in names
    data = json.loads(archive.read("data.json"))
    keys = {part["key"] for part in data}
    assert {"core.account", "consultations.contributions"} <= keys
    answers_csv = next(n for n in names if n.startswith("consultations-contributions-your-answers"))
    rows = list(csv.DictReader(io.StringIO(archive.read(answers_csv).decode("utf-8-sig"))))
    assert [row["answer"] for row in rows] == ["'=Mine: release on a Friday."]
    assert b"Someone else" not in archive.read("data.json")


def test_data_page_lists_what_is_held(client):
    user = UserFactory()
    client.force_login(user)
    response = client.get(reverse("account_data"))
    assert response.status_code == 200
    assert b"Download my data" in response.content
    assert b"Account: 1" in response.content
    assert "no-store" in response["Cache-Control"]
