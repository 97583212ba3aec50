"""Member CSV files for the import and export tests, generated in memory, and ways to send them."""

import csv
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from members.services.csv.applying import apply_plan
from members.services.csv.columns import header_for
from members.services.csv.planning import plan_import

PARTS = ["prisons", "policing", "youth-justice", "courts-and-sentencing"]
THEMES = ["housing", "racial-equality", "women-and-girls", "criminal-records"]
POPULATIONS = ["women", "young-adults", "veterans", "families"]
REGIONS = ["london", "wales", "north-west", "national"]


def row(name, **values) -> dict:
    """One organisation as a CSV row; anything not given is blank (or "no")."""
    data = {
        "name": name,
        "type": "charity",
        "lived_experience_led": "no",
        "by_and_for": "no",
    }
    data.update(values)
    return data


def generated_rows(count: int, start: int = 0) -> list[dict]:
    """`count` distinct, valid organisations with tags and two memberships each."""
    rows = []
    for i in range(start, start + count):
        rows.append(
            row(
                f"Generated Justice Project {i}",
                description=f"Project {i} supports people in contact with the justice system.",
                website=f"https://project{i}.example.org",
                charity_number=str(1_000_000 + i),
                company_number=f"{10_000_000 + i:08d}",
                size_band=["micro", "small", "medium", "large", "major"][i % 5],
                lived_experience_led="yes" if i % 2 else "no",
                by_and_for="yes" if i % 3 == 0 else "no",
                regions=";".join(REGIONS[i % 4 : i % 4 + 2]),
                parts=PARTS[i % 4],
                themes=";".join(THEMES[i % 3 : i % 3 + 2]),
                populations=POPULATIONS[i % 4],
                **{
                    "cja status": ["active", "applied", "lapsed", "left"][i % 4],
                    "cja joined": f"20{10 + i % 15}-0{1 + i % 9}-1{i % 10}",
                    "cja renewal due": "2026-04-01" if i % 2 else "",
                    "yjn status": "active" if i % 5 == 0 else "",
                    "yjn joined": "2021-06-30" if i % 5 == 0 else "",
                    "yjn renewal due": "",
                },
            )
        )
    return rows


def to_csv(rows: list[dict], columns: list[str] | None = None) -> str:
    if columns is None:
        from members.models import Network

        columns = header_for(Network.objects.order_by("slug"))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for data in rows:
        writer.writerow([data.get(column, "") for column in columns])
    return out.getvalue()


def csv_file(text: str | bytes, name: str = "members.csv") -> SimpleUploadedFile:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return SimpleUploadedFile(name, data, content_type="text/csv")


def import_text(text: str):
    plan = plan_import(text)
    assert plan.is_valid, [str(p) for p in plan.problems]
    return apply_plan(plan, actor_label="test")


def problems(text: str) -> list[str]:
    plan = plan_import(text)
    assert not plan.is_valid
    return [str(problem) for problem in plan.problems]


def upload(client, text, name="members.csv"):
    return client.post(reverse("members:import"), {"file": csv_file(text, name)})


def header() -> str:
    return to_csv([]).strip()
