"""Groundswell practises what it preaches: its own pages and demo content pass the checker.

Every template (*.html and *.txt under a templates/ folder) and the demo content (member
organisations' descriptions, the library's resources, the dictionary's definitions) is
checked; stigmatising wording is allowed only inside quotations and official names.
"""

import json
import re
from pathlib import Path

import pytest

from glossary.services.checker import check_text
from glossary.tests.checker_fixtures import fresh_checker_cache  # noqa: F401

pytestmark = pytest.mark.django_db

BASE_DIR = Path(__file__).resolve().parents[2]
SKIP_DIRS = {".venv", "node_modules", "staticfiles", "var", ".git"}
# Template syntax and markup are not prose: blank them out, keeping the words between.
TEMPLATE_SYNTAX = re.compile(r"\{%.*?%\}|\{\{.*?\}\}|\{#.*?#\}|<[^>]+>", re.DOTALL)
# The language guide's own template and data name the wording to avoid on purpose.
ABOUT_THE_GUIDE = {"glossary/templates/glossary/language_guide.html"}


def template_files() -> list[Path]:
    files = []
    for path in BASE_DIR.rglob("templates/**/*"):
        relative = path.relative_to(BASE_DIR)
        if SKIP_DIRS.intersection(relative.parts) or path.suffix not in {".html", ".txt"}:
            continue
        if str(relative) not in ABOUT_THE_GUIDE:
            files.append(path)
    return sorted(files)


def demo_texts() -> list[tuple[str, str]]:
    texts = []
    for path in sorted((BASE_DIR / "members" / "data").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for key, records in data.items():
            if not isinstance(records, list):
                continue
            for record in records:
                if isinstance(record, dict) and record.get("description"):
                    label = record.get("name") or record.get("slug") or "?"
                    texts.append((f"{path.name}: {key}: {label}", record["description"]))
    resources = json.loads((BASE_DIR / "library" / "data" / "resources.json").read_text("utf-8"))
    for resource in resources["resources"]:
        for field in ("title", "summary", "body"):
            if resource.get(field):
                texts.append((f"resources.json: {resource['title']}: {field}", resource[field]))
    recommendations = BASE_DIR / "influence" / "data" / "recommendations.json"
    for item in json.loads(recommendations.read_text("utf-8"))["recommendations"]:
        for field in ("title", "text", "rationale"):
            texts.append((f"recommendations.json: {item['slug']}: {field}", item[field]))
        texts += [
            (f"recommendations.json: {item['slug']}: note", s["note"]) for s in item["timeline"]
        ]
        texts += [
            (f"recommendations.json: {item['slug']}: quote", e["quote"]) for e in item["evidence"]
        ]
    dictionary = BASE_DIR / "glossary" / "data" / "dictionary.json"
    if dictionary.exists():
        data = json.loads(dictionary.read_text(encoding="utf-8"))
        terms = data.get("terms", []) if isinstance(data, dict) else data
        for term in terms:
            for field in ("definition", "explanation"):
                if isinstance(term, dict) and term.get(field):
                    texts.append((f"dictionary.json: {term.get('term')}: {field}", term[field]))
    return texts


def problems(label: str, text: str) -> list[str]:
    return [
        f"{label}: “{f.text}” (use: {'; '.join(f.suggestions)})"
        for f in check_text(text).findings
        if f.kind == "stigmatising"
    ]


def test_there_is_something_to_check():
    assert len(template_files()) > 10
    assert len(demo_texts()) > 10


def test_templates_use_people_first_language():
    found = []
    for path in template_files():
        prose = TEMPLATE_SYNTAX.sub(" ", path.read_text(encoding="utf-8"))
        found += problems(str(path.relative_to(BASE_DIR)), prose)
    assert not found, "Stigmatising wording in templates:\n" + "\n".join(found)


def test_demo_content_uses_people_first_language():
    found = []
    for label, text in demo_texts():
        found += problems(label, text)
    assert not found, "Stigmatising wording in demo content:\n" + "\n".join(found)
